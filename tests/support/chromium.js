// Where the tests find Chromium, shared by vitest's browser mode, Playwright and the bench.
// Debian's Chromium is used when present (Playwright cannot download browsers on every
// machine); otherwise Playwright's own build.
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet headless Chromium on a machine without network or sandbox. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @returns {string | undefined} the system Chromium, or undefined to use Playwright's. */
export function chromiumExecutable() {
  const fromEnv = process.env.HEARTH_CHROMIUM;
  if (fromEnv) return fromEnv;
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

/** @returns {{ headless: boolean, args: string[], executablePath?: string }} */
export function chromiumLaunchOptions() {
  const executablePath = chromiumExecutable();
  return { headless: true, args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) };
}

// Starts Chromium as a plain child process on a persistent profile and connects over CDP,
// so a test can SIGKILL the whole browser (Playwright's own launchers hide the process of
// a persistent context) and start it again on the same profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { chromium, type Browser } from '@playwright/test';
import { chromiumExecutable, CHROMIUM_ARGS } from '../support/chromium.js';

export interface RunningBrowser {
  browser: Browser;
  process: ChildProcess;
  /** SIGKILL to the browser and every child process: no chance to flush anything. */
  kill(): Promise<void>;
}

export async function startBrowser(profileDir: string): Promise<RunningBrowser> {
  const executable = chromiumExecutable() ?? chromium.executablePath();
  const child = spawn(
    executable,
    [...CHROMIUM_ARGS, '--headless', `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const wsEndpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited with ${String(code)}:\n${output}`)));
  });
  const browser = await chromium.connectOverCDP(wsEndpoint);
  return {
    browser,
    process: child,
    kill: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      await exited;
      await groupGone(child.pid);
    },
  };
}

/** Closes the browser normally: the profile is flushed. */
export async function stopBrowser(running: RunningBrowser): Promise<void> {
  const exited = new Promise((resolve) => running.process.once('exit', resolve));
  await running.browser.close();
  running.process.kill('SIGTERM');
  await exited;
  // Helpers (e.g. a GPU or utility process) may outlive the main process for a moment.
  if (running.process.pid !== undefined) signalGroup(running.process.pid, 'SIGKILL');
  await groupGone(running.process.pid);
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: no process is left in the group
  }
}

/** Waits until no process of the browser's group is left, so its profile can be reused or removed. */
async function groupGone(pid: number | undefined): Promise<void> {
  if (pid === undefined) return;
  for (let i = 0; i < 100 && signalGroup(pid, 0); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Removes a profile directory; a process that just died may still be closing files in it. */
export async function removeProfile(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

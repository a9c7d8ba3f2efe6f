// Starts Chromium as a plain child process on a persistent profile and connects over CDP,
// so a test can SIGKILL the whole browser (Playwright's own launchers hide the process of
// a persistent context) and start it again on the same profile.
import { spawn, type ChildProcess } from 'node:child_process';
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
    },
  };
}

/** Closes the browser normally: the profile is flushed. */
export async function stopBrowser(running: RunningBrowser): Promise<void> {
  const exited = new Promise((resolve) => running.process.once('exit', resolve));
  await running.browser.close();
  running.process.kill('SIGTERM');
  await exited;
}

// Runs before the browser tests: finds a Chromium, or installs Playwright's, or says
// in one line what to run.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright';
import { chromiumExecutable } from '../tests/support/chromium.js';

const system = chromiumExecutable();
if (system) process.exit(0);
if (existsSync(chromium.executablePath())) process.exit(0);

console.log('No Chromium found; installing Playwright\'s Chromium (npx playwright install chromium)…');
const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
if (result.status === 0 && existsSync(chromium.executablePath())) process.exit(0);

console.error(
  'Browser tests need Chromium: run `sudo apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`.',
);
process.exit(1);

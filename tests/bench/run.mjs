// `npm run bench`: builds the store harness, serves it like production (vite preview), and
// runs the store benchmark in headless Chromium on a persistent profile (an incognito
// profile keeps OPFS in memory and would flatter every number). Prints a markdown table,
// writes bench-results/bench.json, and exits non-zero when a target is missed.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../support/chromium.js';
import { evaluateTargets, renderMarkdown } from './report.mjs';

const configFile = 'tests/harness/vite.config.ts';
const quick = process.argv.includes('--quick');
/** @type {import('../harness/bench-types').BenchOptions} */
const options = quick
  ? { backends: ['sqlite-opfs', 'indexeddb'], samples: 60, sizes: [100, 1000], sessions: 200, searchMessages: 20_000, fileEvents: 10_000 }
  : { backends: ['sqlite-opfs', 'indexeddb'], samples: 300, sizes: [100, 1000, 10_000], sessions: 1000, searchMessages: 100_000, fileEvents: 10_000 };

await build({ configFile, logLevel: 'warn' });
const server = await preview({ configFile, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4174/';
const profile = await mkdtemp(join(tmpdir(), 'hearth-bench-'));
const context = await chromium.launchPersistentContext(profile, chromiumLaunchOptions());
try {
  const page = await context.newPage();
  page.on('console', (message) => console.log(`  [page] ${message.text()}`));
  await page.goto(url);
  await page.waitForFunction(() => globalThis.hearth?.ready === true);
  const report = await page.evaluate((opts) => globalThis.hearth.runBench(opts), options);
  const targets = evaluateTargets(report);
  const markdown = renderMarkdown(report, targets);
  console.log(`\n${markdown}`);
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/bench.json', JSON.stringify({ options, report, targets }, null, 2));
  await writeFile('bench-results/bench.md', markdown);
  console.log('Written: bench-results/bench.json, bench-results/bench.md');
  if (targets.some((t) => !t.met)) process.exitCode = 1;
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
  await new Promise((resolve) => server.httpServer.close(resolve));
}

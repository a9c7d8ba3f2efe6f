// Renders the app icons (PNG, for the web app manifest) from SVG with headless Chromium:
// run `node scripts/make-icons.mjs` after changing public/favicon.svg. The PNGs are committed.
import { chromium } from 'playwright';
import { readFile } from 'node:fs/promises';
import { chromiumLaunchOptions } from '../tests/support/chromium.js';

const favicon = await readFile(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const flame = favicon.match(/<path[^>]*\/>/)?.[0];
if (!flame) throw new Error('favicon.svg has no flame path');
// Maskable: full-bleed background, the flame inside the central 80% safe zone.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#7c2d12"/><g transform="translate(12.8 12.8) scale(0.6)">${flame}</g></svg>`;

const outputs = [
  { file: 'icon-192.png', size: 192, svg: favicon },
  { file: 'icon-512.png', size: 512, svg: favicon },
  { file: 'maskable-512.png', size: 512, svg: maskable },
  { file: 'apple-touch-icon-180.png', size: 180, svg: maskable },
];

const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage();
for (const { file, size, svg } of outputs) {
  await page.setViewportSize({ width: size, height: size });
  const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  await page.screenshot({ path: new URL(`../public/icons/${file}`, import.meta.url).pathname, omitBackground: true });
  console.log(`public/icons/${file}`);
}
await browser.close();

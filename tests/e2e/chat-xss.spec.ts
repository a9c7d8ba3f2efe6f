// Model output is untrusted (STYLE.md habit 13): hostile markdown must stay text, run no
// script, fetch nothing and open nothing — while streaming, once stored, and after a reload.
import type { Locator, Page } from '@playwright/test';
import { APP_ORIGIN, APP_URL, connectModel, conversationLog, expect, openFreshApp, sendMessage, test } from './hearth-ui';

test.use({ actionTimeout: 15_000 });

const PAYLOAD = [
  'Here is the **report**.',
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg onload="window.__xss=3">',
  '[click me](javascript:window.__xss=4)',
  '![remote](http://evil.example/pixel.png)',
  '<a href="https://elsewhere.example" onclick="window.__xss=5">x</a>',
  'Read more at https://example.org',
].join('\n\n');

/** The payload in small pieces, so every half-written tag passes through the streaming render too. */
const CHUNKS = PAYLOAD.match(/[\s\S]{1,7}/g) ?? [];

const VISIBLE_AS_TEXT = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg onload="window.__xss=3">',
  '[click me](javascript:window.__xss=4)',
  'onclick="window.__xss=5">x</a>',
];

async function expectInert(page: Page, log: Locator): Promise<void> {
  for (const text of VISIBLE_AS_TEXT) await expect(log).toContainText(text);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(log.locator('script, img, svg, iframe, object, embed, style')).toHaveCount(0);
  await expect(log.locator('[onclick], [onerror], [onload]')).toHaveCount(0);
  await expect(log.locator('a[href^="javascript:" i]')).toHaveCount(0);

  const normal = log.getByRole('link', { name: 'https://example.org', exact: true });
  await expect(normal).toHaveAttribute('href', /^https:\/\/example\.org\/?$/);
  await expect(normal).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(normal).toHaveAttribute('target', '_blank');
  // Every link the model wrote opens apart from the app and only over http(s).
  for (const link of await log.locator('.markdown a[href]').all()) {
    await expect(link).toHaveAttribute('href', /^https?:\/\//);
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(link).toHaveAttribute('target', '_blank');
  }
}

test('hostile markdown from the model stays text, runs nothing and fetches nothing', async ({ page, context, model }) => {
  const origins = new Set<string>();
  context.on('request', (request) => {
    if (!request.url().startsWith('data:')) origins.add(new URL(request.url()).origin);
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const popups: string[] = [];
  context.on('page', (opened) => popups.push(opened.url()));

  let release = (): void => undefined;
  model.enqueue({ text: CHUNKS, hold: new Promise<void>((resolve) => (release = resolve)) });

  await openFreshApp(page);
  await connectModel(page, model);
  await sendMessage(page, 'Summarise the report', { waitForReply: false });

  const log = conversationLog(page);
  await expect(log).toHaveAttribute('aria-busy', 'true');
  await expect(log).toContainText('Read more at https://example.org');
  await expectInert(page, log);

  release();
  await expect(log).toHaveAttribute('aria-busy', 'false');
  await expect(log.getByRole('article', { name: 'Hearth said' })).toContainText('Here is the report.');
  await expectInert(page, log);

  // The javascript: link was never made a link; clicking its text does nothing.
  await log.getByText('click me').click();
  await expect(page).toHaveURL(APP_URL);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

  await page.reload();
  await expect(log.getByRole('article', { name: 'Hearth said' })).toContainText('Here is the report.');
  await expectInert(page, log);

  expect(dialogs).toEqual([]);
  expect(popups).toEqual([]);
  // The worker's request to the model is seen too, so the collection covers workers.
  expect(origins).toContain(model.origin);
  expect([...origins].filter((origin) => origin !== APP_ORIGIN && origin !== model.origin)).toEqual([]);
  expect(model.chatRequests()).toHaveLength(1);
});

// The sanitizing markdown renderer in real Chromium: attacker payloads must stay text, run nothing and load nothing.
import { afterEach, describe, expect, test } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import Markdown from '../../src/ui/markdown/Markdown.svelte';
import { renderMarkdown } from '../../src/ui/markdown/render-markdown';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  delete window.__xss;
});

/** Renders into a live, attached element, as the app does, so any payload that could run would. */
function render(source: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = renderMarkdown(source);
  document.body.append(host);
  cleanups.push(() => host.remove());
  return host;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function onAttributes(root: Element): string[] {
  return [...root.querySelectorAll('*')].flatMap((el) =>
    el.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on')),
  );
}

describe('renderMarkdown: markdown', () => {
  test('headings, lists, tables and inline code render', () => {
    const host = render('# Title\n\n- one\n- two\n\n1. first\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nuse `x < y`');
    expect(host.querySelector('h1')?.textContent).toBe('Title');
    expect(host.querySelectorAll('ul > li')).toHaveLength(2);
    expect(host.querySelector('ol > li')?.textContent).toBe('first');
    expect(host.querySelector('table th')?.textContent).toBe('a');
    expect(host.querySelector('table td')?.textContent).toBe('1');
    expect(host.querySelector('p > code')?.textContent).toBe('x < y');
  });

  test('code fences become a code block with escaped content and a copy button', () => {
    const host = render('```ts\nconst a = "<b>bold</b>";\n```');
    const block = host.querySelector('.code-block');
    expect(block?.querySelector('.code-header .code-lang')?.textContent).toBe('ts');
    expect(block?.querySelector('pre > code.language-ts')?.textContent).toBe('const a = "<b>bold</b>";\n');
    expect(block?.querySelector('b')).toBeNull();
    const button = block?.querySelector('button.copy-code');
    expect(button?.getAttribute('type')).toBe('button');
    expect(button?.getAttribute('aria-label')).toBe('Copy code');
    expect(button?.textContent).toBe('Copy');
  });

  test('table alignment leaves no inline style for the CSP to refuse', () => {
    const host = render('| left | right |\n|:---|---:|\n| a | b |');
    expect(host.querySelectorAll('td')).toHaveLength(2);
    expect(host.querySelector('[style]')).toBeNull();
  });

  test('indented code has no language label', () => {
    const host = render('    plain code');
    expect(host.querySelector('.code-block pre > code')?.textContent).toBe('plain code\n');
    expect(host.querySelector('.code-lang')).toBeNull();
  });
});

describe('renderMarkdown: untrusted input stays text', () => {
  test('a script tag is visible text and no script element exists', () => {
    const host = render('<script>alert(1)</script>');
    expect(host.textContent).toContain('<script>alert(1)</script>');
    expect(host.querySelector('script')).toBeNull();
  });

  test('img and svg payloads produce no element and no on* attribute', () => {
    const host = render('<img src=x onerror="window.__xss=1">\n\n<svg onload="window.__xss=2"></svg>');
    expect(host.querySelector('img, svg')).toBeNull();
    expect(onAttributes(host)).toEqual([]);
    expect(host.textContent).toContain('<img src=x');
  });

  test('payloads that would set a flag if executed do not run', async () => {
    render(
      '<img src=x onerror="window.__xss=1">\n\n<svg onload="window.__xss=1">\n\n' +
        '[a](javascript:window.__xss=1)\n\n<a href="javascript:window.__xss=1">b</a>',
    );
    await wait(50);
    expect(window.__xss).toBeUndefined();
  });

  test('javascript: links keep no href', () => {
    const host = render('[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](vbscript:msgbox)');
    const hrefs = [...host.querySelectorAll('[href]')].map((el) => el.getAttribute('href') ?? '');
    expect(hrefs.filter((href) => /script:/i.test(href))).toEqual([]);
  });

  test('schemes other than http, https and mailto lose their href but keep their text', () => {
    const host = render('[call](tel:123) [rel](docs/a.md) [frag](#top)');
    const links = [...host.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['call', null],
      ['rel', 'docs/a.md'],
      ['frag', '#top'],
    ]);
  });

  test('images become links and load nothing', () => {
    const host = render('![pic](https://evil.example/x.png) ![](https://evil.example/y.png)');
    expect(host.querySelector('img')).toBeNull();
    const links = [...host.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['https://evil.example/x.png', 'Image: pic'],
      ['https://evil.example/y.png', 'https://evil.example/y.png'],
    ]);
  });

  test('links and autolinks open in a new tab without opener or referrer', () => {
    const host = render('[site](https://example.com) and https://example.org/page and <mailto:a@example.com>');
    const links = [...host.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com',
      'https://example.org/page',
      'mailto:a@example.com',
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  test('the global DOMPurify is left without the link hook', async () => {
    const { default: DOMPurify } = await import('dompurify');
    renderMarkdown('[a](https://example.com)');
    expect(DOMPurify.sanitize('<a href="https://example.com">a</a>')).toBe('<a href="https://example.com">a</a>');
  });
});

describe('Markdown.svelte', () => {
  test('the copy button reports its result and payloads stay inert', async () => {
    const target = document.createElement('div');
    document.body.append(target);
    const component = mount(Markdown, {
      target,
      props: { source: '<img src=x onerror="window.__xss=1">\n\n```js\nlet x = 1;\n```' },
    });
    cleanups.push(() => {
      void unmount(component);
      target.remove();
    });
    flushSync();
    expect(target.querySelectorAll('.markdown')).toHaveLength(1);
    const button = target.querySelector<HTMLButtonElement>('button.copy-code');
    expect(button).not.toBeNull();
    button?.click();
    await expect.poll(() => button?.textContent).not.toBe('Copy');
    expect(['Copied', 'Copy failed']).toContain(button?.textContent);
    expect(button?.getAttribute('aria-label')).toBe(button?.textContent);
    await wait(50);
    expect(target.querySelector('img')).toBeNull();
    expect(window.__xss).toBeUndefined();
  });
});

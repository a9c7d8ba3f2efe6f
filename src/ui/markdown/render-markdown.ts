// The one place untrusted text (model and tool output) becomes HTML (STYLE.md habit 13): markdown-it with
// raw HTML off, then DOMPurify. Markdown.svelte's {@html} renders only what this returns.
import MarkdownIt from 'markdown-it';
import DOMPurify, { type Config } from 'dompurify';

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
const { escapeHtml, unescapeAll } = md.utils;

function codeBlock(code: string, lang: string): string {
  const safeLang = escapeHtml(lang);
  const label = safeLang ? `<span class="code-lang">${safeLang}</span>` : '';
  const codeClass = safeLang ? ` class="language-${safeLang}"` : '';
  return (
    `<div class="code-block"><div class="code-header">${label}` +
    '<button type="button" class="copy-code" aria-label="Copy code">Copy</button></div>' +
    `<pre><code${codeClass}>${escapeHtml(code)}</code></pre></div>\n`
  );
}

md.renderer.rules.fence = (tokens, idx) => {
  const token = tokens[idx];
  if (!token) return '';
  const lang = unescapeAll(token.info).trim().split(/\s+/)[0] ?? '';
  return codeBlock(token.content, lang);
};
md.renderer.rules.code_block = (tokens, idx) => codeBlock(tokens[idx]?.content ?? '', '');

// An <img> would fetch from wherever the model points it; show the address as a link instead.
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const src = String(token?.attrGet('src') ?? '');
  const alt = self.renderInlineAsText(token?.children ?? [], options, env);
  return `<a href="${escapeHtml(src)}">${escapeHtml(alt ? `Image: ${alt}` : src)}</a>`;
};

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** True for http(s)/mailto and scheme-less (relative, #fragment) URLs. */
function isSafeHref(href: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so strip them first.
  const compact = [...href].filter((c) => c > ' ' && (c < '\u007f' || c > '\u009f')).join('');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(`${scheme.toLowerCase()}:`);
}

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'img', 'svg', 'math', 'style', 'form', 'input', 'iframe', 'object', 'embed',
    'video', 'audio', 'source', 'picture',
  ],
  ADD_ATTR: ['target'],
  // markdown-it writes table alignment as style="…"; the CSP (style-src 'self') would refuse it.
  FORBID_ATTR: ['style'],
} satisfies Config;

let purifier: ReturnType<typeof DOMPurify> | undefined;

/** A private instance, so this hook does not change sanitizing for other users of the global DOMPurify. */
function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href');
    if (href !== null && !isSafeHref(href)) node.removeAttribute('href');
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
  return purifier;
}

export function renderMarkdown(source: string): string {
  return getPurifier().sanitize(md.render(source), CONFIG);
}

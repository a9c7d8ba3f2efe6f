/**
 * The Content Security Policy Hearth runs under, in one place: served by `vite preview`
 * and written to `_headers` for static hosts (Netlify, Cloudflare Pages). Scripts only
 * from the app (plus compiling SQLite's WASM); images only local; connections to the app,
 * to any HTTPS model endpoint, and to model servers on this machine (Ollama, LM Studio).
 * `http://[::1]:*` is left out: CSP's host-source grammar has no IPv6 literals, and
 * Chromium reports the whole source as invalid on every page load; use
 * http://localhost:… for a server listening on ::1.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** The `_headers` file format: a path pattern, then indented `Name: value` lines. */
export function headersFile(headers = SECURITY_HEADERS): string {
  return `/*\n${Object.entries(headers)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')}\n`;
}

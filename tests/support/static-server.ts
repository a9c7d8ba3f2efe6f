// Serves a built app under a sub-path (e.g. /hearth/), as a static host would, with the
// app's security headers; `transform` can alter a file to stage a new deployment.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../../src/pwa/security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** The app's URL, ending in the sub-path, e.g. http://127.0.0.1:PORT/hearth/ */
  url: string;
  transform: ((path: string, body: Buffer) => Buffer) | null;
  close(): Promise<void>;
}

export async function serveStatic(root: string, prefix = '/hearth/'): Promise<StaticServer> {
  const state: StaticServer = { url: '', transform: null, close: async () => undefined };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (!path.startsWith(prefix)) {
        response.writeHead(404).end();
        return;
      }
      const relative = normalize(decodeURIComponent(path.slice(prefix.length)) || 'index.html');
      if (relative.startsWith('..')) {
        response.writeHead(403).end();
        return;
      }
      try {
        let body: Buffer = await readFile(join(root, relative));
        if (state.transform) body = state.transform(relative, body);
        response.writeHead(200, {
          ...SECURITY_HEADERS,
          'content-type': TYPES[extname(relative)] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
        });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}${prefix}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

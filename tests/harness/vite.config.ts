// A small page that exposes the store to Playwright, built and served like the app
// (vite build + vite preview), for the tests that must kill or relaunch a browser and
// for the benchmark. Cross-origin isolated so performance.now() has 5 µs resolution
// instead of 100 µs (sahpool itself needs no isolation).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export const HARNESS_PORT = 4174;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  optimizeDeps: { exclude: ['@sqlite.org/sqlite-wasm'] },
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: fileURLToPath(new URL('../../dist-harness', import.meta.url)), emptyOutDir: true },
  server: { headers: isolation },
  preview: { port: HARNESS_PORT, strictPort: true, host: '127.0.0.1', headers: isolation },
});

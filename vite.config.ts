import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { VitePWA } from 'vite-plugin-pwa';
import { SECURITY_HEADERS, headersFile } from './src/pwa/security-headers.ts';
import { chromiumLaunchOptions } from './tests/support/chromium.js';

/** Writes `_headers` (CSP and friends) for static hosts, from the same source as preview's headers. */
function staticHostHeaders(): Plugin {
  return {
    name: 'hearth-static-headers',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
  };
}

export default defineConfig({
  // Relative URLs everywhere, so the built app works from any sub-path (e.g. /hearth/).
  base: './',
  plugins: [
    svelte(),
    staticHostHeaders(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/pwa',
      filename: 'sw.ts',
      // Registered by src/pwa/app-update.svelte.ts through workbox-window, with an update prompt.
      injectRegister: false,
      // The glob below already takes the icons; listing them twice makes workbox refuse to install.
      includeManifestIcons: false,
      manifest: {
        name: 'Hearth',
        short_name: 'Hearth',
        description: 'A private AI assistant that remembers you. Everything stays on this device.',
        theme_color: '#7c2d12',
        background_color: '#fbf8f4',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // SQLite's .wasm is needed to start offline; the worker1 and async-proxy chunks serve other VFSes.
        globPatterns: ['**/*.{js,css,html,wasm,svg,png}'],
        globIgnores: ['**/sqlite3-worker1*.js', '**/sqlite3-opfs-async-proxy*.js'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  // sqlite-wasm finds its .wasm next to its module; pre-bundling would move it.
  optimizeDeps: { exclude: ['@sqlite.org/sqlite-wasm'] },
  worker: { format: 'es' },
  build: { target: 'es2022' },
  preview: { port: 4173, strictPort: true, headers: SECURITY_HEADERS },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'tests/**/*.node.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/**/*.browser.test.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});

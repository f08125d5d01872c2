import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { zodWithoutJsonSchema } from './build/zod-without-json-schema.ts';

/** Modules of the coordinator workspace (its code and its texts). */
const WORKSPACE = /[\\/](?:client[\\/]src[\\/]workspace|shared[\\/]src[\\/]i18n[\\/]admin)[\\/]/;

export default defineConfig({
  plugins: [
    react(),
    zodWithoutJsonSchema(),
    // A service worker (Workbox) keeps the site's shell — HTML, every chunk, every catalog — on
    // the device after one visit, so the input form opens with no connection at all. Reports
    // themselves are queued in IndexedDB by the page (src/offline), not by the worker.
    VitePWA({
      registerType: 'autoUpdate',
      // A plain /registerSW.js script: no code in the first-load bundle, and allowed by the CSP.
      injectRegister: 'script-defer',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html}'],
        // Public visitors never need the coordinator workspace: do not download it for them.
        globIgnores: ['**/assets/admin-*'],
        navigateFallback: '/index.html',
        // Server-rendered or API paths must reach the server, never the cached shell.
        navigateFallbackDenylist: [
          /^\/api\//,
          /^\/socket\.io/,
          /^\/unsubscribe/,
          /^\/healthz/,
          /^\/readyz/,
          /^\/admin/,
        ],
        clientsClaim: true,
        skipWaiting: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Participants use old phones: emit syntax their browsers parse.
    target: 'es2020',
    rolldownOptions: {
      treeshake: {
        // @convene/shared is imported through one barrel that also holds server-side schemas
        // (auth, outbox, jobs, admin webinars…). Its modules only declare things, and building
        // a zod schema has no side effect, so unused schemas can be dropped from the bundle
        // instead of growing it with every schema added to shared/.
        moduleSideEffects: [{ test: /\/shared\/src\//, sideEffects: false }],
        manualPureFunctions: ['z'],
      },
      output: {
        // zod and the shared schemas load with a page's first request, not before the first
        // render (see README "Client bundle budget"); a stable name shows that chunk for what it is.
        chunkFileNames: (chunk) => {
          if (chunk.moduleIds.some((id) => /[\\/]node_modules[\\/]zod[\\/]/.test(id))) return 'assets/zod-[hash].js';
          // The coordinator workspace's chunks carry a prefix the service worker leaves out.
          if (chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => WORKSPACE.test(id))) {
            return 'assets/admin-[name]-[hash].js';
          }
          return 'assets/[name]-[hash].js';
        },
      },
    },
  },
});

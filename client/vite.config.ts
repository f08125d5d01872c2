import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { zodWithoutJsonSchema } from './build/zod-without-json-schema.ts';

/** Modules of the coordinator workspace (its code and its texts). */
const WORKSPACE = /[\\/](?:client[\\/]src[\\/]workspace|shared[\\/]src[\\/]i18n[\\/]admin)[\\/]/;
/** What every public page may share: the public and common client code and shared/ (not zod). */
const PUBLIC_SHARED = /[\\/](?:client[\\/]src[\\/](?:public|common)|shared[\\/]src)[\\/]/;
/**
 * Kept out of that chunk: one catalog per language (loaded only for that language), and every
 * module that needs zod (the shared schemas, the barrel that re-exports them, the client's
 * schema modules, the registration form) and the identity-sealing code, so zod stays off the
 * first render of every page; and stylesheets, which stay with the pages that need them (a chunk's CSS is awaited by every page
 * that loads the chunk).
 */
const OWN_CHUNK = new RegExp(
  [
    /[\\/]shared[\\/]src[\\/]i18n[\\/](?:(?:en|fr|es|ar)\.ts$|resources[\\/]|privacy[\\/]|brief[\\/]|email[\\/])/
      .source,
    /[\\/]shared[\\/]src[\\/]schemas[\\/](?!report-limits\.ts$|honeypot\.ts$|field-errors\.ts$)/.source,
    /[\\/]shared[\\/]src[\\/]index\.ts$/.source,
    // The identity envelope code: only the named reporter's contact fields (a lazy chunk) and
    // the workspace need it, never a page's first load.
    /[\\/]shared[\\/]src[\\/]crypto[\\/]/.source,
    /\.css$/.source,
    /[\\/]client[\\/]src[\\/](?:common[\\/]api[\\/]schemas|public[\\/]api[\\/]resources-schemas|public[\\/]components[\\/]registration-form)\./
      .source,
  ].join('|'),
);

/**
 * The code is written against React's API; the bundle runs it on Preact (preact/compat), which
 * implements that API in ~10 KB instead of react-dom's ~60 KB gzipped. On a slow phone that is
 * about a second less before the input form is usable (README "Client bundle budget"). Types
 * still come from @types/react; Preact 10 (11 rendered nothing here
 * with this setup) needs forwardRef where a component takes a ref, as React 18 did.
 */
const PREACT_FOR_REACT = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react$/, replacement: 'preact/compat' },
];

export default defineConfig({
  resolve: { alias: PREACT_FOR_REACT },
  plugins: [
    // JSX straight to Preact's automatic runtime; no React Fast Refresh (its runtime is React's).
    react({ jsxImportSource: 'preact', refreshExclude: /./ }),
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
    // Every file is also written gzipped (level 9) and brotli'd (quality 11) beside itself, so
    // the server sends the smallest encoding the browser takes without compressing per request
    // (server/src/client-pages/serve-assets.ts). Brotli saves ~15 % more than gzip on JS.
    compression({
      include: /\.(?:js|css|html|json|webmanifest|svg)$/,
      threshold: 512,
      algorithms: [defineAlgorithm('gzip', { level: 9 }), defineAlgorithm('brotliCompress')],
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server reads it to preload each route's chunks with the HTML (server/src/client-pages).
    manifest: true,
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
        // Code shared by several public pages travels in one chunk: on a slow link each extra
        // request costs a round trip, and a browser opens only 6 connections at once.
        codeSplitting: {
          groups: [
            {
              name: 'public-common',
              test: (id) => PUBLIC_SHARED.test(id) && !WORKSPACE.test(id) && !OWN_CHUNK.test(id),
              minShareCount: 2,
            },
          ],
        },
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

import expressStaticGzip from 'express-static-gzip';
import type { RequestHandler } from 'express';

// The service worker and its registration must be re-checked on every visit, or a fix to the
// offline shell would wait for the cache to expire.
const REVALIDATED = /[\\/](?:sw|registerSW|workbox-[\w-]+)\.js$/;
// Vite names what it emits under assets/ by content hash: a name never changes content.
const HASHED = /[\\/]assets[\\/]/;

/**
 * The built client's files (client/dist), sent precompressed: the build writes each as .br
 * and .gz beside itself (vite-plugin-compression2), and express-static-gzip picks the one the
 * browser accepts (brotli first), so no byte is compressed per request. Hashed assets are
 * cached for a year as immutable; the rest for an hour. index.html is never served from here:
 * pages are written per request (client-pages.ts). `fallthrough: false` answers 404 for a
 * missing file instead of passing the request on.
 */
export function serveAssets(dist: string, { fallthrough = true } = {}): RequestHandler {
  return expressStaticGzip(dist, {
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    index: false,
    serveStatic: {
      index: false,
      // Under /assets/ a missing file is a 404, never a page: a stale tab asking for a chunk
      // of an older build must fail as a chunk, not get HTML.
      fallthrough,
      setHeaders: (res, file) => {
        if (HASHED.test(file)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else if (REVALIDATED.test(file)) res.setHeader('Cache-Control', 'no-cache');
        else res.setHeader('Cache-Control', 'public, max-age=3600');
      },
    },
  }) as RequestHandler;
}

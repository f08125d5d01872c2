/*
 * Which requests the HTTP log leaves out. One page view fetches a dozen scripts, styles,
 * fonts and icons; a line for each buries the API requests that matter. Health probes run
 * every few seconds. API requests and page navigations are always logged.
 */

// The last path segment has a file extension: a built asset, an icon, the service worker, the manifest.
const FILE = /\/[^/]+\.[A-Za-z0-9]+$/;

/** Whether a request is a health probe or a static file, not worth a log line of its own. */
export function isQuietRequest(url: string): boolean {
  const [pathname = ''] = url.split('?');
  if (pathname === '/healthz' || pathname === '/readyz') return true;
  if (pathname === '/api' || pathname.startsWith('/api/')) return false;
  return pathname.startsWith('/assets/') || FILE.test(pathname);
}

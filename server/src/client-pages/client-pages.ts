import path from 'node:path';
import { catalogs, type Catalog, type TLanguage } from '@convene/shared';
import { REPO_ROOT } from '@convene/shared/node';
import cookieParser from 'cookie-parser';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { isReporterPage, REPORTER_HEADERS } from '../middlewares/reporter-protection.js';
import { clientBuildReader } from './client-build.js';
import { withSources } from './content-security-policy.js';
import { pageLanguage } from './page-language.js';
import { pageRoute, type PageRoute } from './page-routes.js';
import { renderPage } from './render-page.js';
import { serveAssets } from './serve-assets.js';

export const CLIENT_DIST = path.join(REPO_ROOT, 'client', 'dist');

/** The page catalog of a language: the Node catalogs also hold the email texts, which pages never show. */
function pageCatalog(language: TLanguage): Catalog {
  const { email: _email, ...catalog } = catalogs[language];
  return catalog;
}

/**
 * The API answers a route embeds. Without them the page still works (the client asks the API
 * and shows its own error), so a failing database read must not turn the page into a 500.
 */
async function routeData(ctx: AppContext, route: PageRoute): Promise<Record<string, unknown>> {
  if (!route.data) return {};
  try {
    return await route.data(ctx);
  } catch (err) {
    ctx.logger.warn({ err }, 'page data could not be read; the page is sent without it');
    return {};
  }
}

/**
 * The built client (client/dist): its files precompressed, and every other GET a page written
 * for this request from index.html (render-page.ts) — in the reader's language, with what its
 * route shows first. The embedded default (`npm start`) and production (the API behind nginx,
 * which proxies every path) serve the same way.
 */
export function clientPages(ctx: AppContext, dist = CLIENT_DIST): Router {
  const router = Router();
  const readBuild = clientBuildReader(dist);
  const catalogsByLanguage = new Map<TLanguage, Catalog>();

  router.use('/assets', serveAssets(path.join(dist, 'assets'), { fallthrough: false }));
  router.use(serveAssets(dist));
  router.get('/{*page}', cookieParser(), async (req, res) => {
    const build = readBuild();
    if (!build) {
      res.status(503).type('text/plain').send('The client is not built yet: run "npm run build:client".');
      return;
    }
    const language = pageLanguage(req);
    let catalog = catalogsByLanguage.get(language);
    if (!catalog) catalogsByLanguage.set(language, (catalog = pageCatalog(language)));
    const route = pageRoute(req.path);
    const { html, styleHashes } = renderPage(build, {
      language,
      catalog,
      chunks: route.chunks(language),
      api: await routeData(ctx, route),
      list: req.path === '/',
      noindex: route.noindex,
    });
    const policy = res.getHeader('Content-Security-Policy');
    if (typeof policy === 'string')
      res.setHeader('Content-Security-Policy', withSources(policy, 'style-src', styleHashes));
    // Written per reader and per moment (the data is live): revalidated on every visit. The
    // report pages are never stored at all, and deny the browser features they do not use.
    if (isReporterPage(req.path)) res.set(REPORTER_HEADERS);
    else res.set('Cache-Control', 'no-cache');
    if (route.noindex) res.set('X-Robots-Tag', 'noindex');
    res.vary('Accept-Language').vary('Cookie').type('html').send(html);
  });
  return router;
}

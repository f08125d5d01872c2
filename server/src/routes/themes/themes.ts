import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { listThemeKeywords } from '../../services/themes/list-theme-keywords.js';
import { listThemes } from '../../services/themes/list-themes.js';

/**
 * GET /api/themes — the themes the input form offers, localized, with their sub-topics.
 * GET /api/themes/keywords — their suggestion keywords, fetched by the form only once the
 * reporter starts writing (they are most of the taxonomy's weight).
 *
 * Both are read from the database on each request (no process cache that could go stale
 * after an admin's edit). `no-cache` lets browsers keep a copy but revalidate it each time:
 * an unchanged list costs a 304 on its ETag, an edited one arrives at once.
 */
export function themesRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.json({ themes: await listThemes(ctx.db) });
  });
  router.get('/keywords', async (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.json(await listThemeKeywords(ctx.db));
  });
  return router;
}

import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { listThemes } from '../../services/themes/list-themes.js';

/** GET /api/themes — the taxonomy, localized. */
export function themesRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json({ themes: await listThemes(ctx.db) });
  });
  return router;
}

import {
  ZCreateTheme,
  ZSlug,
  ZThemeOrder,
  ZUpdateTheme,
  type TCreateTheme,
  type TThemeOrder,
  type TUpdateTheme,
} from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { coordinatorOf, requireAdmin } from '../../middlewares/require-role.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { createTheme } from '../../services/themes/create-theme.js';
import { listAdminThemes } from '../../services/themes/list-admin-themes.js';
import { reorderThemes } from '../../services/themes/reorder-themes.js';
import { updateTheme } from '../../services/themes/update-theme.js';

/**
 * /api/admin/themes — the taxonomy editor. Every coordinator reads the whole taxonomy (the
 * workspace names the themes of reports and webinars with it); only admins change it.
 */
export function adminThemesRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ themes: await listAdminThemes(ctx.db) });
  });

  router.post('/', requireAdmin, validateBody(ZCreateTheme), async (req, res) => {
    res.status(201).json({ theme: await createTheme(ctx.db, req.body as TCreateTheme, coordinatorOf(res)) });
  });

  // Before /:slug, which "order" would otherwise match.
  router.post('/order', requireAdmin, validateBody(ZThemeOrder), async (req, res) => {
    res.json({ themes: await reorderThemes(ctx.db, req.body as TThemeOrder, coordinatorOf(res)) });
  });

  router.patch(
    '/:slug',
    requireAdmin,
    validateParam('slug', ZSlug, 'Theme'),
    validateBody(ZUpdateTheme),
    async (req, res) => {
      const theme = await updateTheme(ctx.db, req.params.slug as string, req.body as TUpdateTheme, coordinatorOf(res));
      res.json({ theme });
    },
  );

  return router;
}

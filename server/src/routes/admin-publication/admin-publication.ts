import { ZUuid } from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { coordinatorOf } from '../../middlewares/require-role.js';
import { validateParam } from '../../middlewares/validate.js';
import {
  getPublication,
  publishCompilation,
  unpublishCompilation,
} from '../../services/publication/publish-compilation.js';

/**
 * /api/admin/compilations/:id/publication — whether a frozen brief is on its theme's public
 * page: GET tells, POST publishes, DELETE takes it off (both audited).
 */
export function adminPublicationRouter(ctx: AppContext): Router {
  const router = Router();
  const id = validateParam('id', ZUuid, 'Compilation');
  router.get('/:id/publication', id, async (req, res) => {
    coordinatorOf(res);
    res.json({ publication: await getPublication(ctx.db, req.params.id as string) });
  });
  router.post('/:id/publication', id, async (req, res) => {
    res.json({ publication: await publishCompilation(ctx.db, coordinatorOf(res), req.params.id as string) });
  });
  router.delete('/:id/publication', id, async (req, res) => {
    res.json({ publication: await unpublishCompilation(ctx.db, coordinatorOf(res), req.params.id as string) });
  });
  return router;
}

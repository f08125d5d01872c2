import { ZCreateReporterKey, type TCreateReporterKey } from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { coordinatorOf, requireAdmin } from '../../middlewares/require-role.js';
import { validateBody } from '../../middlewares/validate.js';
import { createReporterKey } from '../../services/reporter-keys/create-reporter-key.js';
import { listReporterKeys } from '../../services/reporter-keys/list-reporter-keys.js';

/** /api/admin/reporter-keys — admins only: list the reporter keys, add one (which rotates). */
export function adminReporterKeysRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireAdmin);
  router.get('/', async (_req, res) => {
    res.json(await listReporterKeys(ctx.db));
  });
  router.post('/', validateBody(ZCreateReporterKey), async (req, res) => {
    await createReporterKey(ctx.db, req.body as TCreateReporterKey, coordinatorOf(res));
    res.status(201).json(await listReporterKeys(ctx.db));
  });
  return router;
}

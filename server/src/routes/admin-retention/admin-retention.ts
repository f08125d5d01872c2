import { retentionForecast, retentionPolicyFromEnv } from '@convene/shared/privacy';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { requireAdmin } from '../../middlewares/require-role.js';

/** /api/admin/retention — admins only: the configured retention periods and what falls due when. */
export function adminRetentionRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireAdmin);
  router.get('/', async (_req, res) => {
    res.json(await retentionForecast(ctx.db, retentionPolicyFromEnv(ctx.env), new Date()));
  });
  return router;
}

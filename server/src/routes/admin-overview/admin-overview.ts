import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { coordinatorOf } from '../../middlewares/require-role.js';
import { overview } from '../../services/overview/overview.js';

/** /api/admin/overview — the live overview's data; the socket events keep it current. */
export function adminOverviewRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await overview(ctx.db, coordinatorOf(res)));
  });
  return router;
}

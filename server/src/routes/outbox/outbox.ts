import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { coordinatorOf } from '../../middlewares/require-role.js';
import { outboxScope } from '../../services/access/outbox-scope.js';
import { listOutbox } from '../../services/outbox/list-outbox.js';

/** GET /api/admin/outbox — mail kept locally when no SMTP server is configured. */
export function outboxRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json({ messages: await listOutbox(ctx.db, outboxScope(coordinatorOf(res))) });
  });
  return router;
}

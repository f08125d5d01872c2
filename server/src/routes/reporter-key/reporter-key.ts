import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { activeReporterKey } from '../../services/reporter-keys/active-reporter-key.js';

/**
 * GET /api/reporter-key — public: the key the input form seals a named reporter's identity
 * to. The form asks only once a reporter picks "named", so an anonymous reporter's page never
 * makes this request.
 */
export function reporterKeyRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    // A rotation must reach forms soon; the answer is public and identical for everyone.
    res.set('Cache-Control', 'no-store');
    res.json(await activeReporterKey(ctx.db));
  });
  return router;
}

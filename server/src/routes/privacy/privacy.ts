import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { privacyFacts } from '../../services/privacy/privacy-facts.js';

/** GET /api/privacy — the deployment's facts behind the privacy notice (controller, retention, consent versions). */
export function privacyRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.json(privacyFacts(ctx.env));
  });
  return router;
}

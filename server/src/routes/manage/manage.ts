import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { cancelRegistration } from '../../services/registrations/cancel-registration.js';
import { getManagedRegistration } from '../../services/registrations/manage-registration.js';

/**
 * /api/registrations/manage/:token — the registrant's own view and cancellation, reached
 * from the link in every email. The token is the only credential; it is never logged.
 */
export function manageRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/:token', async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await getManagedRegistration(ctx.db, req.params.token as string));
  });
  router.post('/:token/cancel', async (req, res) => {
    const result = await cancelRegistration(ctx, req.params.token as string);
    ctx.logger.info({ registrationId: result.registration.id }, 'registration cancelled by registrant');
    res.set('Cache-Control', 'no-store').json(result);
  });
  return router;
}

import { ZAcceptInvitation, type TAcceptInvitation } from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { validateBody } from '../../middlewares/validate.js';
import { acceptInvitation, invitationAccount } from '../../services/accounts/accept-invitation.js';

/** /api/auth/invitation — an invited coordinator sets their password (no session needed). */
export function invitationRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/:token', async (req, res) => {
    res.json(await invitationAccount(ctx.db, req.params.token as string));
  });
  router.post('/', validateBody(ZAcceptInvitation), async (req, res) => {
    const { token, password } = req.body as TAcceptInvitation;
    await acceptInvitation(ctx.db, token, password);
    res.status(204).end();
  });
  return router;
}

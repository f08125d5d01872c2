import { ZAccountProfile, ZChangePassword, type TAccountProfile, type TChangePassword } from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { coordinatorOf } from '../../middlewares/require-role.js';
import { validateBody } from '../../middlewares/validate.js';
import { getAccountProfile, setAccountProfile } from '../../services/accounts/account-profile.js';
import { changePassword } from '../../services/auth/change-password.js';

/** /api/admin/account — the signed-in coordinator's own account. */
export function adminAccountRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/password', validateBody(ZChangePassword), async (req, res) => {
    const { currentPassword, newPassword } = req.body as TChangePassword;
    const coordinator = coordinatorOf(res);
    const now = new Date();
    await changePassword(ctx.db, coordinator, currentPassword, newPassword, now);
    // This session stays signed in; every other one of the account is void, and closed.
    req.session.credentialAt = now.getTime();
    ctx.events.emit('accountSessionsEnded', coordinator.id, req.sessionID);
    res.status(204).end();
  });

  router.get('/profile', async (_req, res) => {
    res.json(await getAccountProfile(ctx.db, coordinatorOf(res)));
  });

  router.put('/profile', validateBody(ZAccountProfile), async (req, res) => {
    res.json(await setAccountProfile(ctx.db, coordinatorOf(res), req.body as TAccountProfile));
  });

  return router;
}

import { ZInviteAccount, ZUpdateAccount, ZUuid, type TInviteAccount, type TUpdateAccount } from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { coordinatorOf, requireAdmin } from '../../middlewares/require-role.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { inviteAccount, type InviteDeps } from '../../services/accounts/invite-account.js';
import { resendInvitation } from '../../services/accounts/resend-invitation.js';
import { revokeInvitation } from '../../services/accounts/revoke-invitation.js';
import { listAccounts, updateAccount } from '../../services/accounts/update-account.js';

/** /api/admin/accounts — admins only: invite coordinators, set roles and scopes, deactivate. */
export function adminAccountsRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireAdmin);
  const inviteDeps: InviteDeps = {
    db: ctx.db,
    mailQueue: ctx.mailQueue,
    publicUrl: ctx.env.PUBLIC_URL,
    showLink: ctx.localOutbox ?? false,
  };

  router.get('/', async (_req, res) => {
    res.json({ accounts: await listAccounts(ctx.db) });
  });

  router.post('/invitations', validateBody(ZInviteAccount), async (req, res) => {
    const created = await inviteAccount(inviteDeps, req.body as TInviteAccount, coordinatorOf(res));
    res.status(201).json(created);
  });

  // A new link in place of the pending one (which stops working), mailed again.
  router.post('/:id/invitation', validateParam('id', ZUuid, 'Account'), async (req, res) => {
    res.status(201).json(await resendInvitation(inviteDeps, req.params.id as string, coordinatorOf(res)));
  });

  router.delete('/:id/invitation', validateParam('id', ZUuid, 'Account'), async (req, res) => {
    res.json({ account: await revokeInvitation(ctx.db, req.params.id as string, coordinatorOf(res)) });
  });

  router.patch('/:id', validateParam('id', ZUuid, 'Account'), validateBody(ZUpdateAccount), async (req, res) => {
    const account = await updateAccount(
      ctx.db,
      req.params.id as string,
      req.body as TUpdateAccount,
      coordinatorOf(res),
    );
    // New role or scope, or no access at all: the account's open dashboards reconnect (or are refused).
    ctx.events.emit('accountSessionsEnded', account.id);
    res.json({ account });
  });

  return router;
}

import { parseInviteToken, verifyInviteToken } from '@convene/shared/node';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';

/**
 * GET /api/invitations/:token — what an invitation link pre-fills in the registration form.
 * The token is signed with the contact's own secret; anything else is a 404.
 */
export function invitationsRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/:token', async (req, res) => {
    const token = req.params.token as string;
    const claimed = parseInviteToken(token);
    if (!claimed) throw AppError.notFound('Invitation');
    const [contact] = await ctx.db.select().from(tables.contacts).where(eq(tables.contacts.id, claimed.contactId));
    if (!contact || !verifyInviteToken(token, contact.unsubscribeToken, claimed.webinarId))
      throw AppError.notFound('Invitation');
    res.set('Cache-Control', 'no-store').json({
      prefill: {
        name: contact.name,
        email: contact.email,
        organization: contact.organization,
        country: contact.country,
        language: contact.language,
        timeZone: contact.timeZone,
      },
    });
  });
  return router;
}

import type { TCampaign, TCreateCampaign } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, count, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { MailQueue } from '../../queues/mail-queue.js';
import { mailable, segmentCondition } from './audience.js';
import { toCampaign } from './campaign-view.js';

/**
 * Sends a campaign: one invitation outbox row per mailable contact of the segment, written
 * in one INSERT … SELECT. The dedupe key (contact, webinar) lets the database refuse a
 * second invitation to the same contact for the same webinar, whatever campaign asks.
 */
export async function sendCampaign(
  deps: { db: Db; mailQueue: MailQueue },
  input: TCreateCampaign,
  accountId: string | null,
  now = new Date(),
): Promise<TCampaign> {
  deps.mailQueue.assertAvailable();
  const { campaign, planned } = await deps.db.transaction(async (tx) => {
    const w = tables.webinars;
    const c = tables.contacts;
    const n = tables.notifications;
    const [webinar] = await tx.select().from(w).where(eq(w.id, input.webinarId)).for('share');
    if (!webinar) throw AppError.notFound('Webinar');
    if (webinar.status !== 'scheduled' || webinar.startsAt.getTime() <= now.getTime()) {
      throw new AppError(
        409,
        'webinar_not_open',
        'Invitations go out only for scheduled webinars that have not started',
      );
    }
    const [campaign] = await tx
      .insert(tables.campaigns)
      .values({ webinarId: webinar.id, segment: input.segment, status: 'sending', createdBy: accountId, sentAt: now })
      .returning();
    if (!campaign) throw new Error('insert returned no row');

    const segment = segmentCondition(input.segment);
    const planned = await tx
      .insert(n)
      .select(
        tx
          .select({
            id: sql`gen_random_uuid()`.as('id'),
            kind: sql`'invitation'`.as('kind'),
            webinarId: sql`${webinar.id}::uuid`.as('webinar_id'),
            registrationId: sql`null::uuid`.as('registration_id'),
            contactId: c.id,
            campaignId: sql`${campaign.id}::uuid`.as('campaign_id'),
            // INSERT … SELECT lists every column of the table, in order: account mails' columns too.
            accountId: sql`null::uuid`.as('account_id'),
            accountInvitationId: sql`null::uuid`.as('account_invitation_id'),
            passwordResetId: sql`null::uuid`.as('password_reset_id'),
            webinarVersion: sql`${webinar.version}::int`.as('webinar_version'),
            offsetMinutes: sql`null::int`.as('offset_minutes'),
            dedupeKey: sql`'invitation:' || ${c.id} || ':' || ${webinar.id}`.as('dedupe_key'),
            scheduledAt: sql`${now.toISOString()}::timestamptz`.as('scheduled_at'),
            status: sql`'pending'`.as('status'),
            attempts: sql`0`.as('attempts'),
            claimedAt: sql`null::timestamptz`.as('claimed_at'),
            claimToken: sql`null::text`.as('claim_token'),
            handedOffAt: sql`null::timestamptz`.as('handed_off_at'),
            sentAt: sql`null::timestamptz`.as('sent_at'),
            lastError: sql`null::text`.as('last_error'),
            providerMessageId: sql`null::text`.as('provider_message_id'),
            createdAt: sql`now()`.as('created_at'),
            updatedAt: sql`now()`.as('updated_at'),
          })
          .from(c)
          .where(and(mailable(), segment))
          // One order for every campaign: overlapping sends lock dedupe keys in the same order.
          .orderBy(c.id),
      )
      .onConflictDoNothing({ target: n.dedupeKey })
      .returning({ id: n.id, scheduledAt: n.scheduledAt });

    const [audience] = await tx.select({ n: count() }).from(c).where(segment);
    const [row] = await tx
      .update(tables.campaigns)
      .set({ plannedCount: planned.length, skippedCount: (audience?.n ?? 0) - planned.length })
      .where(eq(tables.campaigns.id, campaign.id))
      .returning();
    return { campaign: row ?? campaign, planned };
  });
  await deps.mailQueue.enqueue(planned);
  return toCampaign(deps.db, campaign);
}

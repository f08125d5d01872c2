import type { TCampaignProgress } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, count, eq, isNotNull, lte, ne, not, or, isNull, sql, type SQL } from 'drizzle-orm';
import { segmentCondition } from './audience.js';

type CampaignRow = typeof tables.campaigns.$inferSelect;

const NOT_INVITED = { unsubscribed: 0, undeliverable: 0, alreadyInvited: 0 };

/**
 * Why the contacts of the segment that got no invitation were left out, as things stood when
 * the campaign was sent: the contacts' unsubscribe and bounce times say whether they were
 * mailable then, and an invitation of another campaign to the same webinar says "already
 * invited" (the dedupe key refused a second one). Contacts created afterwards do not count.
 */
async function notInvitedReasons(db: Db, row: CampaignRow): Promise<typeof NOT_INVITED> {
  if (row.skippedCount === 0) return NOT_INVITED;
  const c = tables.contacts;
  const n = tables.notifications;
  const at = row.sentAt ?? row.createdAt;
  const unsubscribed = and(isNotNull(c.unsubscribedAt), lte(c.unsubscribedAt, at)) as SQL;
  const undeliverable = and(not(unsubscribed), isNotNull(c.undeliverableAt), lte(c.undeliverableAt, at)) as SQL;
  const invitedElsewhere = sql`exists (${db
    .select({ one: sql`1` })
    .from(n)
    .where(
      and(
        eq(n.kind, 'invitation'),
        eq(n.webinarId, row.webinarId),
        eq(n.contactId, c.id),
        or(isNull(n.campaignId), ne(n.campaignId, row.id)),
        lte(n.createdAt, at),
      ),
    )})`;
  const alreadyInvited = and(not(unsubscribed), not(undeliverable), invitedElsewhere) as SQL;
  const [counts] = await db
    .select({
      unsubscribed: sql<number>`count(*) filter (where ${unsubscribed})`.mapWith(Number),
      undeliverable: sql<number>`count(*) filter (where ${undeliverable})`.mapWith(Number),
      alreadyInvited: sql<number>`count(*) filter (where ${alreadyInvited})`.mapWith(Number),
    })
    .from(c)
    .where(and(segmentCondition(row.segment), lte(c.createdAt, at)));
  return counts ?? NOT_INVITED;
}

/**
 * A campaign's progress over every contact of its segment: invitations queued (pending or
 * sending), sent and failed, and the skipped — contacts never invited (unsubscribed,
 * undeliverable, already invited to the webinar) plus invitations withdrawn before sending.
 */
export async function campaignProgress(db: Db, campaignId: string): Promise<TCampaignProgress> {
  const n = tables.notifications;
  const [row] = await db.select().from(tables.campaigns).where(eq(tables.campaigns.id, campaignId));
  const rows = await db
    .select({ status: n.status, n: count() })
    .from(n)
    .where(eq(n.campaignId, campaignId))
    .groupBy(n.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<string, number>>;
  const queued = (by.pending ?? 0) + (by.sending ?? 0);
  const sent = by.sent ?? 0;
  const failed = by.failed ?? 0;
  const withdrawn = by.cancelled ?? 0;
  const notInvited = row?.skippedCount ?? 0;
  const reasons = row ? await notInvitedReasons(db, row) : NOT_INVITED;
  const skipped = withdrawn + notInvited;
  return {
    campaignId,
    total: queued + sent + failed + skipped,
    queued,
    sent,
    failed,
    skipped,
    skippedReasons: { ...reasons, withdrawn },
    done: queued === 0,
  };
}

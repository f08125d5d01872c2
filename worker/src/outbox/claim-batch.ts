import { tables, type Db } from '@convene/shared/db';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { NotificationRow } from './notification-context.js';
import { perDatabase } from './per-database.js';

const n = tables.notifications;

// Prepared once per database: the claim runs once per batch, but building it costs more CPU
// than PostgreSQL spends running it.
function prepare(db: Db) {
  // Two sources, each its own index scan: due pending rows oldest first (the status and time
  // index gives the order, so nothing is sorted however many rows wait), and rows an earlier
  // run of this job left claimed. Several workers sweep at once: each takes rows nobody else
  // holds, nobody waits.
  const due = db.$with('due').as(
    db
      .select({ id: n.id })
      .from(n)
      .where(
        and(
          eq(n.status, 'pending'),
          sql`${n.scheduledAt} <= now() + ${sql.placeholder('earlyMs')}::int * interval '1 millisecond'`,
        ),
      )
      .orderBy(asc(n.scheduledAt))
      .limit(sql.placeholder('limit'))
      .for('update', { skipLocked: true }),
  );
  const resumed = db.$with('resumed').as(
    db
      .select({ id: n.id })
      .from(n)
      .where(
        and(
          eq(n.status, 'sending'),
          sql`starts_with(${n.claimToken}, ${sql.placeholder('prefix')})`,
          or(isNull(n.handedOffAt), sql`${sql.placeholder('resumeHandedOff')}::boolean`),
        ),
      )
      .for('update', { skipLocked: true }),
  );
  return {
    claim: db
      .with(due, resumed)
      .update(n)
      .set({
        status: 'sending',
        claimedAt: sql`now()`,
        claimToken: sql`${sql.placeholder('token')}`,
        // A resumed claim is the same attempt carrying on; only a claim from pending counts.
        attempts: sql`${n.attempts} + CASE WHEN ${n.status} = 'pending' THEN 1 ELSE 0 END`,
        updatedAt: sql`now()`,
      })
      .where(inArray(n.id, sql`(SELECT id FROM ${due} UNION ALL SELECT id FROM ${resumed})`))
      .returning()
      .prepare('convene_claim_mail_batch'),
  };
}

const statements = perDatabase(prepare);

export type BatchClaimOptions = {
  /** This run's token (newClaimToken): every row claimed carries it. */
  token: string;
  /** The job's part of the token (jobClaimPrefix): rows an earlier run of this job left are resumed. */
  prefix: string;
  /** May rows an earlier run of this job handed to SMTP be resumed? Only when that run is over. */
  resumeHandedOff: boolean;
  limit: number;
  /** Rows due up to this far ahead are taken now (REMINDER_EARLY_SECONDS). */
  earlyMs: number;
};

/**
 * Claims up to `limit` due outbox rows in one statement (its own short transaction), each
 * with this run's token, oldest first; rows other workers hold are skipped, not waited for.
 * "Due" is judged by the database clock, the same for every worker host.
 */
export async function claimDueBatch(db: Db, options: BatchClaimOptions): Promise<NotificationRow[]> {
  return statements(db).claim.execute({
    token: options.token,
    prefix: options.prefix,
    resumeHandedOff: options.resumeHandedOff,
    limit: options.limit,
    earlyMs: Math.round(options.earlyMs),
  });
}

/**
 * Records that these mails are about to be handed to SMTP; returns the ids still held by this
 * token (a row the reconciler released, or another run resumed, is not returned: not sent).
 */
export async function markBatchHandedOff(db: Db, ids: string[], token: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .update(n)
    .set({ handedOffAt: sql`now()` })
    .where(and(inArray(n.id, ids), eq(n.status, 'sending'), eq(n.claimToken, token)))
    .returning({ id: n.id });
  return new Set(rows.map((r) => r.id));
}

/** Records sends (row id -> Message-ID) in one statement; only the claim's holder can. */
export async function markBatchSent(db: Db, sent: Map<string, string>, token: string): Promise<void> {
  if (sent.size === 0) return;
  const values = sql.join(
    [...sent].map(([id, messageId]) => sql`(${id}::uuid, ${messageId}::text)`),
    sql`, `,
  );
  await db.execute(sql`
    UPDATE notifications AS n
       SET status = 'sent', sent_at = now(), provider_message_id = v.message_id,
           last_error = NULL, updated_at = now()
      FROM (VALUES ${values}) AS v(id, message_id)
     WHERE n.id = v.id AND n.status = 'sending' AND n.claim_token = ${token}`);
}

/** Mail that must not go out any more, several rows for one reason. */
export async function markBatchSkipped(db: Db, ids: string[], token: string, reason: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(n)
    .set({ status: 'cancelled', lastError: reason, updatedAt: sql`now()` })
    .where(and(inArray(n.id, ids), eq(n.status, 'sending'), eq(n.claimToken, token)));
}

/**
 * Gives back every row this run holds and never handed to SMTP (the run stops early): any
 * sweep can claim them again at once. Returns how many.
 */
export async function releaseUnsent(db: Db, token: string): Promise<number> {
  const rows = await db
    .update(n)
    .set({ status: 'pending', claimedAt: null, claimToken: null, updatedAt: sql`now()` })
    .where(and(eq(n.claimToken, token), eq(n.status, 'sending'), isNull(n.handedOffAt)))
    .returning({ id: n.id });
  return rows.length;
}

/**
 * SMTP did not take the mail (a temporary refusal): back to pending, claimable again only
 * after `delayMs`. The sweep takes rows up to `earlyMs` ahead of their time, so the new time
 * is pushed by that much too. Returns when the row becomes claimable again, or null when the
 * claim was no longer this token's.
 */
export async function releaseForRetry(
  db: Db,
  id: string,
  token: string,
  reason: string,
  delayMs: number,
  earlyMs: number,
): Promise<Date | null> {
  const [row] = await db
    .update(n)
    .set({
      status: 'pending',
      claimedAt: null,
      claimToken: null,
      handedOffAt: null,
      lastError: reason.slice(0, 500),
      scheduledAt: sql`greatest(${n.scheduledAt}, now() + ${Math.round(delayMs + earlyMs)}::int * interval '1 millisecond')`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(n.id, id), eq(n.status, 'sending'), eq(n.claimToken, token)))
    .returning({ scheduledAt: n.scheduledAt });
  return row ? row.scheduledAt : null;
}

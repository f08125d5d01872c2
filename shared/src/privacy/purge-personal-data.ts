import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import * as tables from '../db/schema.js';
import {
  eraseContacts,
  eraseRegistrants,
  eraseReporterIdentities,
  removeOutboxCopies,
  type Erased,
} from './erase-personal-data.js';
import { retentionDue, type RetentionCategory } from './retention-due.js';
import type { RetentionPolicy } from './retention-policy.js';

/** Rows erased per transaction: short locks, and a crash loses at most one batch of work (redone next run). */
const BATCH_SIZE = 500;

/** Who the audit log names for a purge. */
export const RETENTION_ACTOR = 'retention policy';
export const PURGE_AUDIT_ACTION = 'personal_data.purge';

export type PurgeCounts = Record<RetentionCategory, number>;

export type PurgeOptions = {
  policy: RetentionPolicy;
  privacyKey: string;
  /** Where the local outbox keeps .eml copies. */
  dataDir: string;
  /** The instant the policy is judged at (injected by tests; the worker passes the current time). */
  now: Date;
  batchSize?: number;
};

/**
 * Erases every piece of personal data the retention policy says is due at `now`, in batches.
 * The run is recorded in one audit entry holding counts only (written with the first batch
 * and brought up to date by each next one, in the batch's own transaction, so the log never
 * misses an erasure); a run that erases nothing writes none.
 */
export async function purgePersonalData(db: Db, options: PurgeOptions): Promise<PurgeCounts> {
  const due = retentionDue(options.policy);
  const limit = options.batchSize ?? BATCH_SIZE;
  const counts: PurgeCounts = { registrants: 0, reporters: 0, contacts: 0 };
  const auditId = randomUUID();
  let audited = false;

  const erasers: Record<RetentionCategory, (tx: Tx, ids: string[]) => Promise<Erased>> = {
    registrants: (tx, ids) => eraseRegistrants(tx, ids, options.now),
    reporters: (tx, ids) => eraseReporterIdentities(tx, ids, options.now),
    contacts: (tx, ids) => eraseContacts(tx, ids, options.privacyKey),
  };

  for (const category of Object.keys(erasers) as RetentionCategory[]) {
    for (;;) {
      const ids = await dueIds(db, due[category], options.now, limit);
      if (ids.length === 0) break;
      const erased = await db.transaction(async (tx) => {
        const result = await erasers[category](tx, ids);
        counts[category] += result.count;
        await recordPurge(tx, auditId, audited, { ...counts }, options.policy);
        audited = true;
        return result;
      });
      await removeOutboxCopies(options.dataDir, erased.notificationIds);
      // Every id was due and unlocked a moment ago; none erased means another run took them.
      if (erased.count === 0 || ids.length < limit) break;
    }
  }
  return counts;
}

async function dueIds(db: Db, due: SQL, now: Date, limit: number): Promise<string[]> {
  const result = await db.execute(
    sql`select id from (${due}) as due where due_at <= ${now.toISOString()}::timestamptz order by due_at, id limit ${limit}`,
  );
  return (result as unknown as { rows: { id: string }[] }).rows.map((row) => row.id);
}

async function recordPurge(tx: Tx, id: string, exists: boolean, counts: PurgeCounts, policy: RetentionPolicy) {
  const details = { ...counts, policy };
  const a = tables.auditLog;
  if (exists) {
    await tx
      .update(a)
      .set({ details })
      .where(sql`${a.id} = ${id}`);
    return;
  }
  await tx.insert(a).values({
    id,
    actorId: null,
    actorEmail: RETENTION_ACTOR,
    action: PURGE_AUDIT_ACTION,
    targetType: 'retention',
    targetId: null,
    details,
  });
}

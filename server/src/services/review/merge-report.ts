import type { TMergeResult } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { getReport, reportInScope } from './get-report.js';
import { refuseWithdrawn } from './refuse-withdrawn.js';

/**
 * Merges report `id` into report `into` (the one kept): `id` then counts under `into` in
 * briefs and leaves the default review list, both codes staying as lineage. Reports already
 * merged into `id` move to `into` with it, so lineage is one level deep. Both reports must be
 * in the coordinator's scope; both rows are locked, in one order, for the transaction.
 */
export async function mergeReport(db: Db, id: string, into: string, viewer: Coordinator): Promise<TMergeResult> {
  if (id === into) throw new AppError(422, 'merge_self', 'A report cannot be merged into itself');
  await db.transaction(async (tx) => {
    const [first, second] = [id, into].sort();
    const locked = new Map([
      [first!, await reportInScope(tx, first!, viewer, true)],
      [second!, await reportInScope(tx, second!, viewer, true)],
    ]);
    const merged = locked.get(id)!.row;
    const kept = locked.get(into)!.row;
    // Neither side of a merge may be a tombstone: one would count under, or carry, an erased report.
    refuseWithdrawn(merged);
    refuseWithdrawn(kept);
    if (merged.mergedInto) {
      throw new AppError(409, 'already_merged', 'This report is already merged into another: unmerge it first');
    }
    if (kept.mergedInto) {
      throw new AppError(409, 'merge_target_merged', 'The report to keep is itself merged into another');
    }
    const now = new Date();
    const moved = (
      await tx
        .update(tables.reports)
        .set({ mergedInto: into, updatedAt: now })
        .where(eq(tables.reports.mergedInto, id))
        .returning({ id: tables.reports.id })
    ).map((row) => row.id);
    await tx.update(tables.reports).set({ mergedInto: into, updatedAt: now }).where(eq(tables.reports.id, id));
    await recordAudit(tx, viewer, {
      action: 'report.merge',
      targetType: 'report',
      targetId: id,
      details: { into, ...(moved.length > 0 ? { moved } : {}) },
    });
  });
  const [kept, merged] = await Promise.all([getReport(db, into, viewer), getReport(db, id, viewer)]);
  return { kept, merged };
}

/** Undoes a merge: report `id` stands on its own again (in the list, in briefs). */
export async function unmergeReport(db: Db, id: string, viewer: Coordinator): Promise<TMergeResult> {
  const into = await db.transaction(async (tx) => {
    const { row } = await reportInScope(tx, id, viewer, true);
    if (!row.mergedInto) throw new AppError(409, 'not_merged', 'This report is not merged into another');
    // The kept report must be in scope too: undoing changes what it counts.
    await reportInScope(tx, row.mergedInto, viewer);
    await tx.update(tables.reports).set({ mergedInto: null, updatedAt: new Date() }).where(eq(tables.reports.id, id));
    await recordAudit(tx, viewer, {
      action: 'report.unmerge',
      targetType: 'report',
      targetId: id,
      details: { from: row.mergedInto },
    });
    return row.mergedInto;
  });
  const [kept, merged] = await Promise.all([getReport(db, into, viewer), getReport(db, id, viewer)]);
  return { kept, merged };
}

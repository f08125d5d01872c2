import type { TAdminReport } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { getReport, reportInScope } from './get-report.js';
import { refuseWithdrawn } from './refuse-withdrawn.js';

/** Adds a coordinator's note to a report in their scope. */
export async function addNote(db: Db, id: string, text: string, viewer: Coordinator): Promise<TAdminReport> {
  await db.transaction(async (tx) => {
    // Locked: a withdrawal erases the notes, so none may slip in beside it.
    refuseWithdrawn((await reportInScope(tx, id, viewer, true)).row);
    const [note] = await tx
      .insert(tables.reportNotes)
      .values({ reportId: id, authorId: viewer.id, text })
      .returning({ id: tables.reportNotes.id });
    await recordAudit(tx, viewer, {
      action: 'report.note',
      targetType: 'report',
      targetId: id,
      details: { noteId: note!.id },
    });
  });
  return getReport(db, id, viewer);
}

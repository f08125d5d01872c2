import type { TReportReceipt } from '@convene/shared';
import type { WithdrawnReport } from '../../events/server-events.js';
import { tables, type Db } from '@convene/shared/db';
import { withdrawReports } from '@convene/shared/privacy';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';

/** Who the audit log names for a reporter's own withdrawal: no account, and nothing about the reporter. */
export const REPORTER_ACTOR = 'reporter (receipt code)';
export const WITHDRAW_AUDIT_ACTION = 'report.withdraw';

/**
 * The reporter withdraws their report with its receipt code: text and identity erased, the row
 * kept as a tombstone (see withdrawReports), and one audit entry holding the report's id and
 * number only, in the same transaction. Withdrawing again answers the same receipt and writes
 * nothing; an unknown code is the same 404 as the receipt check's, so nothing can be learned
 * here that the check does not already say. `withdrawn` names the report for the live
 * dashboards when this call withdrew it (null when it was withdrawn before).
 */
export async function withdrawReport(
  db: Db,
  receiptCode: string,
  now = new Date(),
): Promise<{ receipt: TReportReceipt; withdrawn: WithdrawnReport | null }> {
  return db.transaction(async (tx) => {
    const r = tables.reports;
    const [row] = await tx
      .select({
        id: r.id,
        number: r.number,
        status: r.status,
        region: r.region,
        createdAt: r.createdAt,
        withdrawnAt: r.withdrawnAt,
      })
      .from(r)
      .where(eq(r.receiptCode, receiptCode))
      .for('update');
    if (!row) throw AppError.notFound('Report');
    const receipt = { receiptCode, status: row.status, receivedAt: row.createdAt.toISOString(), withdrawn: true };
    if (row.withdrawnAt !== null) return { receipt, withdrawn: null };
    await withdrawReports(tx, [row.id], now);
    await tx.insert(tables.auditLog).values({
      actorId: null,
      actorEmail: REPORTER_ACTOR,
      action: WITHDRAW_AUDIT_ACTION,
      targetType: 'report',
      targetId: row.id,
      details: { number: row.number },
    });
    // The themes stay on the tombstone; read here, they choose who hears of the withdrawal.
    const themes = await tx
      .select({ slug: tables.reportThemes.themeSlug })
      .from(tables.reportThemes)
      .where(eq(tables.reportThemes.reportId, row.id));
    return { receipt, withdrawn: { reportId: row.id, region: row.region, themes: themes.map((t) => t.slug) } };
  });
}

import type { TReportTranslations, TVerifyTranslationInput } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { reportInScope } from '../review/get-report.js';
import { refuseWithdrawn } from '../review/refuse-withdrawn.js';
import { listTranslations } from './list-translations.js';

/** A reviewer vouches for a finished translation as it stands (or takes that back). */
export async function verifyTranslation(
  db: Db,
  reportId: string,
  input: TVerifyTranslationInput,
  viewer: Coordinator,
): Promise<TReportTranslations> {
  await db.transaction(async (tx) => {
    refuseWithdrawn((await reportInScope(tx, reportId, viewer, true)).row);
    const t = tables.reportTranslations;
    const now = new Date();
    const [updated] = await tx
      .update(t)
      .set({
        verifiedBy: input.verified ? viewer.id : null,
        verifiedAt: input.verified ? now : null,
        updatedAt: now,
      })
      .where(
        and(eq(t.reportId, reportId), eq(t.field, input.field), eq(t.language, input.language), eq(t.status, 'done')),
      )
      .returning({ id: t.id });
    if (!updated) throw new AppError(404, 'not_found', 'There is no finished translation of this text to verify');
    await recordAudit(tx, viewer, {
      action: input.verified ? 'report.translation.verify' : 'report.translation.unverify',
      targetType: 'report',
      targetId: reportId,
      details: { field: input.field, language: input.language },
    });
  });
  return listTranslations(db, reportId, viewer);
}

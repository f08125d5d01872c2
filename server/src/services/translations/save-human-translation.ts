import type { THumanTranslationInput, TReportTranslations } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { reportInScope } from '../review/get-report.js';
import { refuseWithdrawn } from '../review/refuse-withdrawn.js';
import { listTranslations } from './list-translations.js';
import { sourceLanguageOf } from './translation-view.js';

/**
 * A reviewer's own translation of one text, or their correction of a machine one — which makes
 * it human (theirs, now). Verified at once when they say so; an edit otherwise clears an
 * earlier verification, since what was verified is not what is there any more.
 */
export async function saveHumanTranslation(
  db: Db,
  reportId: string,
  input: THumanTranslationInput,
  viewer: Coordinator,
): Promise<TReportTranslations> {
  await db.transaction(async (tx) => {
    const { row } = await reportInScope(tx, reportId, viewer, true);
    refuseWithdrawn(row);
    const source = sourceLanguageOf(row);
    if (input.language === source) {
      throw new AppError(400, 'validation_failed', 'The text is already in this language', {
        language: { code: 'same_as_source', message: 'The text is already in this language' },
      });
    }
    const now = new Date();
    const t = tables.reportTranslations;
    const values = {
      sourceLanguage: source,
      status: 'done' as const,
      text: input.text,
      origin: 'human' as const,
      provider: null,
      pivot: null,
      translatedBy: viewer.id,
      translatedAt: now,
      verifiedBy: input.verified ? viewer.id : null,
      verifiedAt: input.verified ? now : null,
      updatedAt: now,
    };
    await tx
      .insert(t)
      .values({ reportId, field: input.field, language: input.language, ...values })
      .onConflictDoUpdate({ target: [t.reportId, t.field, t.language], set: values });
    await recordAudit(tx, viewer, {
      action: 'report.translation.save',
      targetType: 'report',
      targetId: reportId,
      details: { field: input.field, language: input.language, verified: input.verified },
    });
  });
  return listTranslations(db, reportId, viewer);
}

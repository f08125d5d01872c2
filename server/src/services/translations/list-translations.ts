import type { TReportTranslations } from '@convene/shared';
import type { Db } from '@convene/shared/db';
import type { Coordinator } from '../access/coordinator.js';
import { reportInScope } from '../review/get-report.js';
import { readableTexts, sourceLanguageOf, translationsOf } from './translation-view.js';

/** A report's translations beside its (readable) originals and languages, for the review page. */
export async function listTranslations(db: Db, reportId: string, viewer: Coordinator): Promise<TReportTranslations> {
  const { row } = await reportInScope(db, reportId, viewer);
  return {
    reportId,
    declaredLanguage: row.language,
    detectedLanguage: row.detectedLanguage,
    sourceLanguage: sourceLanguageOf(row),
    originals: readableTexts(row),
    translations: await translationsOf(db, reportId),
  };
}

import type { TLanguage, TReportTranslations, TTranslationProviderInfo } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import type { Logger } from '@convene/shared/node';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { reportInScope } from '../review/get-report.js';
import { refuseWithdrawn } from '../review/refuse-withdrawn.js';
import { listTranslations } from './list-translations.js';
import type { TranslationQueue } from './translation-queue.js';
import { readableTexts, sourceLanguageOf, TRANSLATED_FIELDS } from './translation-view.js';

export type MachineTranslationDeps = {
  db: Db;
  queue: TranslationQueue;
  provider: TTranslationProviderInfo;
  logger: Logger;
};

/**
 * Queues machine translations of a report's non-empty texts into some languages: upserts the
 * rows as queued (a human translation is left as it is), commits, then adds one worker job per
 * language. The request itself never calls the provider.
 */
export async function requestMachineTranslations(
  deps: MachineTranslationDeps,
  reportId: string,
  languages: TLanguage[],
  viewer: Coordinator,
): Promise<TReportTranslations> {
  if (deps.provider.provider === 'none') {
    throw new AppError(409, 'no_translation_provider', 'No machine translation provider is configured');
  }
  deps.queue.assertAvailable();
  const queuedLanguages = await deps.db.transaction(async (tx) => {
    const { row } = await reportInScope(tx, reportId, viewer, true);
    refuseWithdrawn(row);
    const source = sourceLanguageOf(row);
    const texts = readableTexts(row);
    const targets = [...new Set(languages)].filter((l) => l !== source);
    const fields = TRANSLATED_FIELDS.filter((f) => texts[f].trim() !== '');
    const values = targets.flatMap((language) =>
      fields.map((field) => ({
        reportId,
        field,
        language,
        sourceLanguage: source,
        status: 'queued' as const,
        origin: 'machine' as const,
        provider: deps.provider.provider,
      })),
    );
    if (values.length === 0) return [];
    const t = tables.reportTranslations;
    const queued = await tx
      .insert(t)
      .values(values)
      .onConflictDoUpdate({
        target: [t.reportId, t.field, t.language],
        set: {
          status: 'queued',
          text: null,
          sourceLanguage: source,
          provider: deps.provider.provider,
          pivot: null,
          translatedBy: null,
          translatedAt: null,
          verifiedBy: null,
          verifiedAt: null,
          updatedAt: new Date(),
        },
        // Never replace a reviewer's translation with a machine one.
        setWhere: eq(t.origin, sql`'machine'`),
      })
      .returning({ language: t.language });
    const queuedLanguages = [...new Set(queued.map((q) => q.language))];
    await recordAudit(tx, viewer, {
      action: 'report.translation.request',
      targetType: 'report',
      targetId: reportId,
      details: { languages: queuedLanguages, texts: queued.length, provider: deps.provider.provider },
    });
    return queuedLanguages;
  });
  if (queuedLanguages.length > 0) {
    try {
      await deps.queue.enqueue(reportId, queuedLanguages);
    } catch (err) {
      // The rows stay queued and say so; asking again enqueues them again.
      deps.logger.warn({ reportId, err: (err as Error).message }, 'translation enqueue failed');
      throw AppError.unavailable();
    }
  }
  return listTranslations(deps.db, reportId, viewer);
}

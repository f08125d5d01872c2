import { ZTranslateReportJob } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { UnrecoverableError, type Job } from 'bullmq';
import { and, eq } from 'drizzle-orm';
import { TranslationError } from '../translation/provider.js';
import type { WorkerDeps } from './worker-deps.js';

type ReportRow = typeof tables.reports.$inferSelect;
type TranslationRow = typeof tables.reportTranslations.$inferSelect;

export type TranslateReportResult = { translated: number; failed: number };

/** What a coordinator reads of a report, and so what is translated: the redacted text once there is one. */
function readableText(report: ReportRow, field: TranslationRow['field']): string {
  const redacted = report.redactedAt !== null;
  if (field === 'barriers') return redacted ? (report.redactedBarriers ?? '') : report.barriers;
  if (field === 'recommendations') return redacted ? (report.redactedRecommendations ?? '') : report.recommendations;
  return redacted ? (report.redactedSource ?? '') : report.source;
}

/** Only a row still queued for the machine is written: a reviewer's translation made meanwhile stays. */
const stillQueued = (id: string) =>
  and(
    eq(tables.reportTranslations.id, id),
    eq(tables.reportTranslations.origin, 'machine'),
    eq(tables.reportTranslations.status, 'queued'),
  );

async function markFailed(db: Db, id: string, provider: string | null): Promise<void> {
  await db
    .update(tables.reportTranslations)
    .set({ status: 'failed', provider, updatedAt: new Date() })
    .where(stillQueued(id));
}

/**
 * Machine-translates the queued texts of one report into one language. The payload holds ids
 * and a language code; the text is read here, from the database. Run twice, it translates once:
 * a done row is no longer queued. A temporary provider failure throws (the queue retries with
 * backoff, resuming with what is still queued); a permanent one, or the last attempt, marks the
 * row failed. Logs carry ids and language codes only.
 */
export async function handleTranslateReport(job: Job, deps: WorkerDeps): Promise<TranslateReportResult> {
  const payload = ZTranslateReportJob.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError('invalid translate-report payload');
  const { reportId, language } = payload.data;
  const { db } = deps;

  const queued = await db
    .select()
    .from(tables.reportTranslations)
    .where(
      and(
        eq(tables.reportTranslations.reportId, reportId),
        eq(tables.reportTranslations.language, language),
        eq(tables.reportTranslations.origin, 'machine'),
        eq(tables.reportTranslations.status, 'queued'),
      ),
    );
  if (queued.length === 0) return { translated: 0, failed: 0 };
  const [report] = await db.select().from(tables.reports).where(eq(tables.reports.id, reportId));
  // Erased meanwhile: its translations went with it (cascade).
  if (!report) return { translated: 0, failed: 0 };

  const provider = deps.translator ?? null;
  const log = deps.logger.child({ reportId, language, jobId: job.id, provider: provider?.name ?? 'none' });
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  let translated = 0;
  let failed = 0;
  for (const row of queued) {
    const text = readableText(report, row.field);
    if (!provider || text.trim() === '') {
      await markFailed(db, row.id, provider?.name ?? null);
      log.warn(
        { translationId: row.id, field: row.field },
        provider ? 'nothing to translate' : 'no translation provider',
      );
      failed += 1;
      continue;
    }
    try {
      const result = await provider.translate(text, row.sourceLanguage, language);
      await db
        .update(tables.reportTranslations)
        .set({
          text: result.text,
          status: 'done',
          provider: provider.name,
          pivot: result.pivot,
          translatedBy: null,
          translatedAt: new Date(),
          verifiedBy: null,
          verifiedAt: null,
          updatedAt: new Date(),
        })
        .where(stillQueued(row.id));
      translated += 1;
    } catch (err) {
      const permanent = err instanceof TranslationError && err.permanent;
      const reason = err instanceof TranslationError ? err.message : 'error';
      if (!permanent && !lastAttempt) {
        log.warn(
          { translationId: row.id, field: row.field, attempt: job.attemptsMade + 1, reason },
          'translation will be retried',
        );
        throw err;
      }
      await markFailed(db, row.id, provider.name);
      log.warn(
        { translationId: row.id, field: row.field, from: row.sourceLanguage, permanent, reason },
        'translation failed',
      );
      failed += 1;
    }
  }
  return { translated, failed };
}

import type { TCreateReport, TReportReceipt } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { detectOtherLanguage } from '@convene/shared/text/language-check';
import { and, eq, ne } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { checkReportThemes } from './check-report-themes.js';
import { newReceiptCode } from './receipt-code.js';
import { reportCounts, type ReportCounts } from './report-counts.js';

type Report = typeof tables.reports.$inferSelect;

export type SubmitOutcome = {
  report: Pick<Report, 'id' | 'region' | 'countries' | 'language' | 'createdAt'>;
  themes: string[];
  receipt: TReportReceipt;
  /** True when this client submission id had already arrived: nothing new was stored. */
  duplicate: boolean;
  /** The dashboards' totals as of this report's commit; only for a report stored now. */
  counts?: ReportCounts;
};

const UNIQUE_VIOLATION = '23505';
const RECEIPT_ATTEMPTS = 3;

/**
 * Stores a report and its themes in one transaction, idempotently per client submission id:
 * a retry or a replay of the same submission returns the first one's receipt. The reporter's
 * identity is stored only for a named report; an anonymous one has none to store.
 *
 * A new submission is the common case: no lookup first, the insert's ON CONFLICT tells a
 * replay apart. The dashboards' counts are read in the same transaction, so the live event
 * can leave right after the commit with nothing more to wait for.
 */
export async function submitReport(db: Db, input: TCreateReport): Promise<SubmitOutcome> {
  try {
    await checkReportThemes(db, input.themes);
  } catch (err) {
    // A replay is answered with its receipt even when the taxonomy changed since.
    if (err instanceof AppError) {
      const existing = await findBySubmission(db, input.clientSubmissionId);
      if (existing) return existing;
    }
    throw err;
  }
  const webinarId = input.webinarSlug ? await publicWebinarId(db, input.webinarSlug) : null;

  for (let attempt = 1; ; attempt += 1) {
    try {
      const stored = await insertReport(db, input, webinarId);
      return stored ?? (await findBySubmission(db, input.clientSubmissionId))!;
    } catch (err) {
      // 60 random bits make a receipt collision unlikely; it would only cost a new code.
      if (attempt < RECEIPT_ATTEMPTS && isReceiptCollision(err)) continue;
      throw err;
    }
  }
}

async function insertReport(db: Db, input: TCreateReport, webinarId: string | null): Promise<SubmitOutcome | null> {
  const named = input.reporter.kind === 'named' ? input.reporter : null;
  return db.transaction(async (tx) => {
    const [report] = await tx
      .insert(tables.reports)
      .values({
        clientSubmissionId: input.clientSubmissionId,
        receiptCode: newReceiptCode(),
        language: input.language,
        // Checked on arrival, so a report declared in one language but written in another is
        // flagged in review and translated from what it really is.
        detectedLanguage: detectOtherLanguage(`${input.barriers}\n${input.recommendations}`, input.language),
        anonymous: named === null,
        organization: named?.organization ?? null,
        contactName: named ? named.name || null : null,
        contactEmail: named ? named.email || null : null,
        region: input.region,
        countries: input.countries,
        corridorOrigin: input.corridor?.origin ?? null,
        corridorDestination: input.corridor?.destination ?? null,
        barriers: input.barriers,
        recommendations: input.recommendations,
        affectedGroups: input.affectedGroups,
        source: input.source,
        consent: input.consent,
        consentVersion: input.consentVersion,
        webinarId,
      })
      .onConflictDoNothing({ target: tables.reports.clientSubmissionId })
      .returning();
    // Another attempt of the same submission committed first.
    if (!report) return null;
    await tx.insert(tables.reportThemes).values(
      input.themes.map((theme) => ({
        reportId: report.id,
        themeSlug: theme.slug,
        subtopics: theme.subtopics,
        provenance: theme.provenance,
      })),
    );
    const slugs = input.themes.map((t) => t.slug);
    return { ...outcome(report, slugs, false), counts: await reportCounts(tx, slugs, report.region) };
  });
}

async function findBySubmission(db: Db, clientSubmissionId: string): Promise<SubmitOutcome | null> {
  const [report] = await db
    .select()
    .from(tables.reports)
    .where(eq(tables.reports.clientSubmissionId, clientSubmissionId));
  if (!report) return null;
  const themes = await db
    .select({ slug: tables.reportThemes.themeSlug })
    .from(tables.reportThemes)
    .where(eq(tables.reportThemes.reportId, report.id));
  return outcome(
    report,
    themes.map((t) => t.slug),
    true,
  );
}

function outcome(report: Report, themes: string[], duplicate: boolean): SubmitOutcome {
  return {
    report: {
      id: report.id,
      region: report.region,
      countries: report.countries,
      language: report.language,
      createdAt: report.createdAt,
    },
    themes,
    receipt: { receiptCode: report.receiptCode, status: report.status, receivedAt: report.createdAt.toISOString() },
    duplicate,
  };
}

/** A report can come from a webinar's follow-up link; an unknown or draft webinar just links none. */
async function publicWebinarId(db: Db, slug: string): Promise<string | null> {
  const [webinar] = await db
    .select({ id: tables.webinars.id })
    .from(tables.webinars)
    .where(and(eq(tables.webinars.slug, slug), ne(tables.webinars.status, 'draft')));
  return webinar?.id ?? null;
}

function isReceiptCollision(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string; constraint?: string } }).cause ?? (err as { code?: string });
  return (
    (cause as { code?: string }).code === UNIQUE_VIOLATION &&
    String((cause as { constraint?: string }).constraint ?? '').includes('receipt_code')
  );
}

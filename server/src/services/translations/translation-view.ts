import type { TLanguage, TReportTranslation, TTranslatedField } from '@convene/shared';
import { tables, type Db, type Tx } from '@convene/shared/db';
import { asc, eq } from 'drizzle-orm';

type ReportRow = typeof tables.reports.$inferSelect;

export const TRANSLATED_FIELDS: readonly TTranslatedField[] = ['barriers', 'recommendations', 'source'];

/** What translations start from: the language the text reads as when the check found another, else the declared one. */
export function sourceLanguageOf(report: Pick<ReportRow, 'language' | 'detectedLanguage'>): TLanguage {
  return report.detectedLanguage ?? report.language;
}

/**
 * The texts coordinators read, and so what is translated: the redacted ones once a report is
 * redacted (a translation must not bring back what redaction took out).
 */
export function readableTexts(report: ReportRow): Record<TTranslatedField, string> {
  const redacted = report.redactedAt !== null;
  return {
    barriers: redacted ? (report.redactedBarriers ?? '') : report.barriers,
    recommendations: redacted ? (report.redactedRecommendations ?? '') : report.recommendations,
    source: redacted ? (report.redactedSource ?? '') : report.source,
  };
}

/** A report's translations as reviewers see them, with who translated and verified by name. */
export async function translationsOf(db: Db | Tx, reportId: string): Promise<TReportTranslation[]> {
  const translator = tables.coordinatorAccounts;
  const rows = await db
    .select({ t: tables.reportTranslations })
    .from(tables.reportTranslations)
    .where(eq(tables.reportTranslations.reportId, reportId))
    .orderBy(asc(tables.reportTranslations.language), asc(tables.reportTranslations.field));
  const accounts = new Map<string, string>();
  const ids = [...new Set(rows.flatMap(({ t }) => [t.translatedBy, t.verifiedBy]).filter((v): v is string => !!v))];
  for (const id of ids) {
    const [a] = await db
      .select({ email: translator.email, displayName: translator.displayName })
      .from(translator)
      .where(eq(translator.id, id));
    if (a) accounts.set(id, a.displayName ?? a.email);
  }
  const name = (id: string | null) => (id ? (accounts.get(id) ?? null) : null);
  return rows.map(({ t }) => ({
    id: t.id,
    field: t.field,
    language: t.language,
    sourceLanguage: t.sourceLanguage,
    status: t.status,
    text: t.text,
    origin: t.origin,
    provider: t.provider,
    pivot: t.pivot,
    translatedBy: name(t.translatedBy),
    translatedAt: t.translatedAt?.toISOString() ?? null,
    verified: t.verifiedAt !== null,
    verifiedBy: name(t.verifiedBy),
    verifiedAt: t.verifiedAt?.toISOString() ?? null,
  }));
}

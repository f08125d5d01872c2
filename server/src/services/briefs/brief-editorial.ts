import {
  EMPTY_BRIEF_EDITORIAL,
  reportCode,
  ZBriefEditorial,
  type TBriefEditorial,
  type TFieldError,
} from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { assertEveryRegion } from '../access/programme-scope.js';
import { inThemeScope } from '../access/report-scope.js';
import { recordAudit } from '../audit/record-audit.js';

/** A theme's editorial as the workspace edits it, with the codes of the reports it cites. */
export type TBriefEditorialView = {
  themeSlug: string;
  editorial: TBriefEditorial;
  /** Report id → code, for every report the editorial cites. */
  codes: Record<string, string>;
  updatedAt: string | null;
};

/**
 * An editorial parsed with ZBriefEditorial, an empty summary or closing note taken as absent:
 * the schema fills absent ones with {} yet refuses {} given, so what it parsed once would not
 * parse again when read back.
 */
export function parseBriefEditorial(value: unknown): ReturnType<typeof ZBriefEditorial.safeParse> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ZBriefEditorial.safeParse(value);
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of ['summary', 'closingNote']) {
    const text = copy[key];
    if (typeof text === 'object' && text !== null && !Array.isArray(text) && Object.keys(text).length === 0) {
      delete copy[key];
    }
  }
  return ZBriefEditorial.safeParse(copy);
}

/** The stored editorial of a theme, or the empty one. */
export async function loadBriefEditorial(db: Db, themeSlug: string): Promise<TBriefEditorial> {
  const [row] = await db
    .select({ content: tables.briefEditorials.content })
    .from(tables.briefEditorials)
    .where(eq(tables.briefEditorials.themeSlug, themeSlug));
  if (!row) return EMPTY_BRIEF_EDITORIAL;
  const parsed = parseBriefEditorial(row.content);
  return parsed.success ? parsed.data : EMPTY_BRIEF_EDITORIAL;
}

async function assertTheme(db: Db, themeSlug: string, viewer: Coordinator): Promise<void> {
  if (!inThemeScope(viewer, themeSlug)) throw new AppError(403, 'forbidden', 'This theme is outside your scope');
  // A brief's editorial speaks for every region: written only by those who see them all.
  assertEveryRegion(viewer);
  const [theme] = await db
    .select({ slug: tables.themes.slug })
    .from(tables.themes)
    .where(eq(tables.themes.slug, themeSlug));
  if (!theme) throw AppError.notFound('Theme');
}

function citedIds(editorial: TBriefEditorial): string[] {
  return [
    ...new Set([
      ...editorial.keyBarriers.flatMap((c) => c.reportIds),
      ...editorial.keyRecommendations.flatMap((c) => c.reportIds),
      ...editorial.quotes.map((q) => q.reportId),
    ]),
  ];
}

type CitedReport = {
  id: string;
  number: number;
  status: string;
  consent: string;
  mergedInto: string | null;
  inTheme: boolean;
  barriers: string;
  recommendations: string;
};

async function citedReports(db: Db, themeSlug: string, ids: string[]): Promise<Map<string, CitedReport>> {
  if (ids.length === 0) return new Map();
  const r = tables.reports;
  const rows = await db
    .select({
      id: r.id,
      number: r.number,
      status: r.status,
      consent: r.consent,
      mergedInto: r.mergedInto,
      redactedAt: r.redactedAt,
      barriers: r.barriers,
      recommendations: r.recommendations,
      redactedBarriers: r.redactedBarriers,
      redactedRecommendations: r.redactedRecommendations,
      theme: tables.reportThemes.themeSlug,
    })
    .from(r)
    .leftJoin(
      tables.reportThemes,
      and(eq(tables.reportThemes.reportId, r.id), eq(tables.reportThemes.themeSlug, themeSlug)),
    )
    .where(inArray(r.id, ids));
  return new Map(
    rows.map((row) => {
      const redacted = row.redactedAt !== null;
      return [
        row.id,
        {
          id: row.id,
          number: row.number,
          status: row.status,
          consent: row.consent,
          mergedInto: row.mergedInto,
          inTheme: row.theme !== null,
          // What the brief shows, hence what a quote may quote: the redacted text once redacted.
          barriers: redacted ? (row.redactedBarriers ?? '') : row.barriers,
          recommendations: redacted ? (row.redactedRecommendations ?? '') : row.recommendations,
        },
      ] as const;
    }),
  );
}

/** Why a cited report cannot be cited in this theme's brief, or null when it can. */
function refusal(report: CitedReport | undefined): { code: string; why: string } | null {
  if (!report) return { code: 'report_not_found', why: 'is not a report' };
  const code = reportCode(report.number);
  if (!report.inTheme) return { code: 'report_not_in_theme', why: `${code} is not a report of this theme` };
  if (report.status !== 'included') return { code: 'report_not_included', why: `${code} is not included` };
  if (report.consent === 'coordinators_only')
    return { code: 'report_withheld', why: `${code} is shared with coordinators only` };
  if (report.mergedInto !== null) return { code: 'report_merged', why: `${code} was merged into another report` };
  return null;
}

/**
 * Checks that every report a claim or quote cites is an included report of the theme that the
 * brief gives (not withheld, not merged away), and that every excerpt is a passage of the
 * quoted text. A 422 names each bad citation by its field path and the report's code.
 */
async function validateCitations(db: Db, themeSlug: string, editorial: TBriefEditorial): Promise<Map<string, string>> {
  const reports = await citedReports(db, themeSlug, citedIds(editorial));
  const fields: Record<string, TFieldError> = Object.create(null) as Record<string, TFieldError>;
  const bad: string[] = [];
  const check = (path: string, id: string) => {
    const report = reports.get(id);
    const problem = refusal(report);
    if (!problem) return true;
    const name = report ? reportCode(report.number) : id;
    fields[path] = {
      code: problem.code,
      message: problem.why === 'is not a report' ? `${id} is not a report` : problem.why,
    };
    if (!bad.includes(name)) bad.push(name);
    return false;
  };
  for (const key of ['keyBarriers', 'keyRecommendations'] as const) {
    editorial[key].forEach((claim, i) => claim.reportIds.forEach((id, j) => check(`${key}.${i}.reportIds.${j}`, id)));
  }
  editorial.quotes.forEach((quote, i) => {
    if (!check(`quotes.${i}.reportId`, quote.reportId)) return;
    const report = reports.get(quote.reportId)!;
    const text = report[quote.field];
    if (text.trim() === '') {
      fields[`quotes.${i}.field`] = {
        code: 'quote_empty',
        message: `${reportCode(report.number)} has no ${quote.field}`,
      };
      bad.push(reportCode(report.number));
    } else if (quote.excerpt !== undefined && !text.includes(quote.excerpt)) {
      fields[`quotes.${i}.excerpt`] = {
        code: 'excerpt_not_found',
        message: `The excerpt is not a passage of the ${quote.field} of ${reportCode(report.number)}`,
      };
      bad.push(reportCode(report.number));
    }
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError(
      422,
      'invalid_citations',
      `These citations are not of included reports of this theme: ${[...new Set(bad)].join(', ')}`,
      fields,
    );
  }
  return new Map([...reports.values()].map((r) => [r.id, reportCode(r.number)]));
}

/** A theme's editorial, with the codes of the reports it cites. */
export async function getBriefEditorial(db: Db, themeSlug: string, viewer: Coordinator): Promise<TBriefEditorialView> {
  await assertTheme(db, themeSlug, viewer);
  const [row] = await db
    .select({ updatedAt: tables.briefEditorials.updatedAt })
    .from(tables.briefEditorials)
    .where(eq(tables.briefEditorials.themeSlug, themeSlug));
  const editorial = await loadBriefEditorial(db, themeSlug);
  const reports = await citedReports(db, themeSlug, citedIds(editorial));
  const codes = Object.fromEntries([...reports.values()].map((r) => [r.id, reportCode(r.number)]));
  return { themeSlug, editorial, codes, updatedAt: row?.updatedAt.toISOString() ?? null };
}

/** Replaces a theme's editorial (after checking its citations), audited. */
export async function putBriefEditorial(
  db: Db,
  themeSlug: string,
  viewer: Coordinator,
  editorial: TBriefEditorial,
  now = new Date(),
): Promise<TBriefEditorialView> {
  await assertTheme(db, themeSlug, viewer);
  const codes = await validateCitations(db, themeSlug, editorial);
  await db.transaction(async (tx) => {
    await tx
      .insert(tables.briefEditorials)
      .values({ themeSlug, content: editorial, updatedBy: viewer.id, updatedAt: now })
      .onConflictDoUpdate({
        target: tables.briefEditorials.themeSlug,
        set: { content: editorial, updatedBy: viewer.id, updatedAt: now },
      });
    const languages = new Set([
      ...Object.keys(editorial.summary),
      ...Object.keys(editorial.closingNote),
      ...[...editorial.keyBarriers, ...editorial.keyRecommendations].flatMap((c) => Object.keys(c.text)),
    ]);
    await recordAudit(tx, viewer, {
      action: 'brief.update',
      targetType: 'theme',
      targetId: themeSlug,
      details: {
        keyBarriers: editorial.keyBarriers.length,
        keyRecommendations: editorial.keyRecommendations.length,
        quotes: editorial.quotes.length,
        languages: [...languages].sort(),
      },
    });
  });
  return { themeSlug, editorial, codes: Object.fromEntries(codes), updatedAt: now.toISOString() };
}

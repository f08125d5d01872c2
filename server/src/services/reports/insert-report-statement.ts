import type { TCreateReport, TRegion } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { detectOtherLanguage } from '@convene/shared/text/language-check';
import { inArray, sql } from 'drizzle-orm';
import { newReceiptCode } from './receipt-code.js';
import type { ReportCounts } from './report-counts.js';

export type InsertedReport = {
  id: string;
  receiptCode: string;
  status: 'new' | 'reviewed' | 'included' | 'excluded';
  createdAt: Date;
  region: TRegion;
  countries: string[];
  language: TCreateReport['language'];
  counts: ReportCounts;
};

type Row = {
  id: string;
  receipt_code: string;
  status: InsertedReport['status'];
  created_ms: number | string;
  region: TRegion;
  countries: string[] | string;
  language: TCreateReport['language'];
  total: number | string;
  region_total: number | string;
  by_theme: Record<string, number> | string | null;
};

const parsedJson = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * A new report, its themes and the dashboards' counts in ONE statement (data-modifying CTEs):
 * atomic on its own, so no BEGIN/COMMIT around it, and one round trip instead of five — on
 * PGlite every statement costs about a millisecond of the API's thread, and this one stands
 * between a report and its live event. Null when this client submission id is already
 * stored (ON CONFLICT DO NOTHING: nothing written, themes included).
 *
 * The counts are read from the statement's snapshot, which cannot see its own CTEs' rows:
 * so each is the count before this report plus one (the report, in its region and in each
 * of its themes) — what the same counts read after the inserts in one transaction gave.
 */
export async function insertReportStatement(
  db: Db,
  input: TCreateReport,
  webinarId: string | null,
): Promise<InsertedReport | null> {
  const r = tables.reports;
  const rt = tables.reportThemes;
  const named = input.reporter.kind === 'named' ? input.reporter : null;
  const insert = db
    .insert(r)
    .values({
      clientSubmissionId: input.clientSubmissionId,
      receiptCode: newReceiptCode(),
      language: input.language,
      // Checked on arrival, so a report declared in one language but written in another is
      // flagged in review and translated from what it really is.
      detectedLanguage: detectOtherLanguage(`${input.barriers}\n${input.recommendations}`, input.language),
      anonymous: named === null,
      organization: named?.organization ?? null,
      // Name, email and phone arrive sealed in the browser; the server keeps the envelope as is.
      identityCiphertext: named?.identity ?? null,
      identityKeyId: named?.identity?.kid ?? null,
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
    .onConflictDoNothing({ target: r.clientSubmissionId })
    .returning({
      id: r.id,
      receiptCode: r.receiptCode,
      status: r.status,
      createdAt: r.createdAt,
      region: r.region,
      countries: r.countries,
      language: r.language,
    });
  const themes = JSON.stringify(
    input.themes.map((t) => ({ slug: t.slug, subtopics: t.subtopics, provenance: t.provenance })),
  );
  const slugs = input.themes.map((t) => t.slug);
  const result = await db.execute(sql`
    with inserted as (${insert.getSQL()}),
    inserted_themes as (
      insert into ${rt} (report_id, theme_slug, subtopics, provenance)
      select inserted.id, t.slug, t.subtopics, t.provenance
      from inserted, jsonb_to_recordset(${themes}::jsonb) as t(slug text, subtopics jsonb, provenance text)
    )
    select inserted.id, inserted.receipt_code, inserted.status, inserted.region, inserted.countries,
      inserted.language,
      -- Whole milliseconds, as a Date holds them (a timestamp's text differs between drivers).
      floor(extract(epoch from inserted.created_at) * 1000)::float8 as created_ms,
      (select count(*)::int from ${r}) + 1 as total,
      (select count(*)::int from ${r} where ${r.region} = inserted.region) + 1 as region_total,
      (select json_object_agg(c.slug, c.n) from (
        select ${rt.themeSlug} as slug, count(*)::int as n from ${rt}
        where ${inArray(rt.themeSlug, slugs)} group by ${rt.themeSlug}) c) as by_theme
    from inserted`);
  const row = (result as unknown as { rows: Row[] }).rows[0];
  if (!row) return null;
  const before = parsedJson(row.by_theme) ?? {};
  const byTheme: Record<string, number> = {};
  for (const slug of slugs) byTheme[slug] = (before[slug] ?? 0) + 1;
  return {
    id: row.id,
    receiptCode: row.receipt_code,
    status: row.status,
    createdAt: new Date(Number(row.created_ms)),
    region: row.region,
    countries: parsedJson(row.countries),
    language: row.language,
    counts: { total: Number(row.total), region: Number(row.region_total), byTheme },
  };
}

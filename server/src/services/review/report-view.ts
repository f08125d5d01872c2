import { reportCode, type TAdminReport, type TReportRef } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { alias } from 'drizzle-orm/pg-core';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Coordinator } from '../access/coordinator.js';

type ReportRow = typeof tables.reports.$inferSelect;

/** The merge lineage of some reports: the one each was merged into, and those merged into each. */
export type ReportLineage = { mergedInto: TReportRef | null; mergedReports: TReportRef[] };

/** The themes (with provenance), the webinar slug and the merge lineage of some reports, by report id. */
export async function reportExtras(db: Db, ids: string[]) {
  const themes = new Map<string, TAdminReport['themes']>();
  const webinars = new Map<string, string>();
  const lineage = new Map<string, ReportLineage>();
  if (ids.length === 0) return { themes, webinars, lineage };
  const r = tables.reports;
  const kept = alias(tables.reports, 'kept');
  const [themeRows, webinarRows, intoRows, mergedRows] = await Promise.all([
    db
      .select()
      .from(tables.reportThemes)
      .where(inArray(tables.reportThemes.reportId, ids))
      .orderBy(asc(tables.reportThemes.createdAt), asc(tables.reportThemes.themeSlug)),
    db
      .select({ reportId: tables.reports.id, slug: tables.webinars.slug })
      .from(tables.reports)
      .innerJoin(tables.webinars, eq(tables.webinars.id, tables.reports.webinarId))
      .where(inArray(tables.reports.id, ids)),
    db
      .select({ reportId: r.id, id: kept.id, number: kept.number })
      .from(r)
      .innerJoin(kept, eq(kept.id, r.mergedInto))
      .where(inArray(r.id, ids)),
    db
      .select({ keptId: r.mergedInto, id: r.id, number: r.number })
      .from(r)
      .where(inArray(r.mergedInto, ids))
      .orderBy(asc(r.number)),
  ]);
  const lineageOf = (id: string) => {
    let entry = lineage.get(id);
    if (!entry) lineage.set(id, (entry = { mergedInto: null, mergedReports: [] }));
    return entry;
  };
  for (const row of intoRows) lineageOf(row.reportId).mergedInto = { id: row.id, code: reportCode(row.number) };
  for (const row of mergedRows) {
    if (row.keptId) lineageOf(row.keptId).mergedReports.push({ id: row.id, code: reportCode(row.number) });
  }
  for (const t of themeRows) {
    const list = themes.get(t.reportId) ?? [];
    list.push({ slug: t.themeSlug, subtopics: t.subtopics, provenance: t.provenance });
    themes.set(t.reportId, list);
  }
  for (const w of webinarRows) webinars.set(w.reportId, w.slug);
  return { themes, webinars, lineage };
}

/**
 * A report as a coordinator may read it: the redacted texts when there are some; the
 * originals alongside for admins only.
 */
export function toAdminReport(
  row: ReportRow,
  extras: {
    themes: TAdminReport['themes'];
    webinarSlug: string | null;
    notes: TAdminReport['notes'];
    /** From reportExtras; none there means neither merged nor merged into. */
    lineage: ReportLineage | undefined;
    duplicates?: TAdminReport['duplicates'] | undefined;
  },
  viewer: Coordinator,
): TAdminReport {
  const redacted = row.redactedAt !== null;
  return {
    id: row.id,
    status: row.status,
    language: row.language,
    region: row.region,
    countries: row.countries,
    corridor:
      row.corridorOrigin && row.corridorDestination
        ? { origin: row.corridorOrigin, destination: row.corridorDestination }
        : null,
    themes: extras.themes,
    barriers: redacted ? (row.redactedBarriers ?? '') : row.barriers,
    recommendations: redacted ? (row.redactedRecommendations ?? '') : row.recommendations,
    source: redacted ? (row.redactedSource ?? '') : row.source,
    affectedGroups: row.affectedGroups as TAdminReport['affectedGroups'],
    consent: row.consent,
    consentVersion: row.consentVersion ?? null,
    anonymous: row.anonymous,
    organization: row.organization,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    sealedIdentity: row.identityCiphertext !== null,
    webinarSlug: extras.webinarSlug,
    createdAt: row.createdAt.toISOString(),
    redacted,
    original:
      redacted && viewer.role === 'admin'
        ? { barriers: row.barriers, recommendations: row.recommendations, source: row.source }
        : null,
    notes: extras.notes,
    code: reportCode(row.number),
    mergedInto: extras.lineage?.mergedInto ?? null,
    mergedReports: extras.lineage?.mergedReports ?? [],
    duplicates: extras.duplicates ?? [],
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  };
}

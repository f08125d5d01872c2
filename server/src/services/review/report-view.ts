import type { TAdminReport } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Coordinator } from '../access/coordinator.js';

type ReportRow = typeof tables.reports.$inferSelect;

/** The themes (with provenance) and the webinar slug of some reports, by report id. */
export async function reportExtras(db: Db, ids: string[]) {
  const themes = new Map<string, TAdminReport['themes']>();
  const webinars = new Map<string, string>();
  if (ids.length === 0) return { themes, webinars };
  const [themeRows, webinarRows] = await Promise.all([
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
  ]);
  for (const t of themeRows) {
    const list = themes.get(t.reportId) ?? [];
    list.push({ slug: t.themeSlug, subtopics: t.subtopics, provenance: t.provenance });
    themes.set(t.reportId, list);
  }
  for (const w of webinarRows) webinars.set(w.reportId, w.slug);
  return { themes, webinars };
}

/**
 * A report as a coordinator may read it: the redacted texts when there are some; the
 * originals alongside for admins only.
 */
export function toAdminReport(
  row: ReportRow,
  extras: { themes: TAdminReport['themes']; webinarSlug: string | null; notes: TAdminReport['notes'] },
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
    anonymous: row.anonymous,
    organization: row.organization,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    webinarSlug: extras.webinarSlug,
    createdAt: row.createdAt.toISOString(),
    redacted,
    original:
      redacted && viewer.role === 'admin'
        ? { barriers: row.barriers, recommendations: row.recommendations, source: row.source }
        : null,
    notes: extras.notes,
  };
}

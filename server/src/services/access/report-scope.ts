import { tables } from '@convene/shared/db';
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { Coordinator } from './coordinator.js';

/**
 * The reports a coordinator may see, as a condition on `reports`: those of their regions,
 * and among those, of their themes. Undefined when they may see every report.
 */
export function reportScope(coordinator: Coordinator): SQL | undefined {
  const conditions: SQL[] = [];
  if (coordinator.regionScope) conditions.push(inArray(tables.reports.region, coordinator.regionScope));
  if (coordinator.themeScope) {
    conditions.push(
      sql`exists (select 1 from ${tables.reportThemes} where ${tables.reportThemes.reportId} = ${tables.reports.id} and ${inArray(tables.reportThemes.themeSlug, coordinator.themeScope)})`,
    );
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** The same rule for one report already loaded (live events, single reads). */
export function inReportScope(coordinator: Coordinator, report: { region: string; themes: string[] }): boolean {
  if (coordinator.regionScope && !coordinator.regionScope.includes(report.region as never)) return false;
  if (coordinator.themeScope && !report.themes.some((t) => coordinator.themeScope!.includes(t))) return false;
  return true;
}

/** Whether a coordinator may work on a theme (compile it, export it). */
export function inThemeScope(coordinator: Coordinator, themeSlug: string): boolean {
  return !coordinator.themeScope || coordinator.themeScope.includes(themeSlug);
}

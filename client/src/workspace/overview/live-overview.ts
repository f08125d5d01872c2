import type { TOverview, TReportSubmittedEvent } from '@convene/shared';

/**
 * The overview with one more report counted, from the live event alone (ids and counts, no
 * text): its themes × region cells, the totals and today's bar. The recent list needs the
 * report itself and comes with the next fetch.
 */
export function countReport(overview: TOverview, event: TReportSubmittedEvent): TOverview {
  if (overview.recent.some((report) => report.id === event.reportId)) return overview; // already counted
  const counts = { ...overview.coverage.counts };
  if (overview.coverage.regions.includes(event.region)) {
    for (const theme of new Set(event.themes)) {
      const row = counts[theme];
      if (row) counts[theme] = { ...row, [event.region]: (row[event.region] ?? 0) + 1 };
    }
  }
  const day = event.receivedAt.slice(0, 10);
  return {
    ...overview,
    coverage: { ...overview.coverage, counts },
    overTime: overview.overTime.map((d) => (d.day === day ? { ...d, count: d.count + 1 } : d)),
    totals: { ...overview.totals, reports: overview.totals.reports + 1 },
  };
}

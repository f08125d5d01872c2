/**
 * The totals a dashboard shows next to a new report — all reports, its region, each of its
 * themes — as of the report's own write (read in the same statement, insert-report-statement.ts).
 */
export type ReportCounts = { total: number; byTheme: Record<string, number>; region: number };

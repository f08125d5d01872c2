/**
 * The short, stable code of a report (R-0042) from its number: what briefs, their lineage and
 * the review pages cite, never the UUID. Four digits at least; more once there are more reports.
 */
export function reportCode(number: number): string {
  return `R-${String(number).padStart(4, '0')}`;
}

/** The number in a report code (R-0042, r-42 → 42), or null when it is not one. */
export function parseReportCode(code: string): number | null {
  const match = /^R-(\d{1,9})$/i.exec(code.trim());
  return match ? Number(match[1]) : null;
}

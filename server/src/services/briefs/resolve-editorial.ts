import type {
  TBriefClaim,
  TBriefEditorial,
  TCompiledClaim,
  TCompiledEditorial,
  TCompiledQuote,
  TCompiledReport,
} from '@convene/shared';

/**
 * The coordinators' editorial parts as a brief gives them: every report id replaced by the
 * report's code, every quote carrying the text it quotes. What no longer holds (a report
 * excluded since, an excerpt whose text was redacted away) is left out rather than cited
 * wrongly: the editor was told when saving, and a brief never cites a report it does not hold.
 */
export function resolveEditorial(editorial: TBriefEditorial, reports: readonly TCompiledReport[]): TCompiledEditorial {
  const byId = new Map(reports.map((r) => [r.reportId, r]));
  const claim = (c: TBriefClaim): TCompiledClaim => ({
    text: c.text,
    codes: [...new Set(c.reportIds.flatMap((id) => byId.get(id)?.code ?? []))],
  });
  const quotes: TCompiledQuote[] = [];
  for (const q of editorial.quotes) {
    const report = byId.get(q.reportId);
    if (!report?.code) continue;
    const whole = report[q.field];
    if (q.excerpt !== undefined && !whole.includes(q.excerpt)) continue;
    if (whole.trim() === '') continue;
    quotes.push({
      code: report.code,
      field: q.field,
      language: report.language,
      text: q.excerpt ?? whole,
      excerpt: q.excerpt !== undefined,
    });
  }
  return {
    summary: editorial.summary,
    keyBarriers: editorial.keyBarriers.map(claim),
    keyRecommendations: editorial.keyRecommendations.map(claim),
    closingNote: editorial.closingNote,
    quotes,
  };
}

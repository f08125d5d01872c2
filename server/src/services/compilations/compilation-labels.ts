import {
  catalogs,
  REGIONS,
  type TAffectedGroup,
  type TCompilation,
  type TCompiledCrossReference,
  type TCompiledReport,
} from '@convene/shared';

/**
 * The English words a brief uses for codes. Briefs are written in English, the working
 * language of the consultations, whatever languages the reports came in.
 */
export type TCompilationLabels = {
  region(region: string): string;
  /** A country's English name, or the code itself when it is not a known region code. */
  country(code: string): string;
  group(group: TAffectedGroup): string;
  language(language: string): string;
};

const regionLabels: Record<string, string> = catalogs.en.report.regions;
const groupLabels: Record<string, string> = catalogs.en.report.groups;
const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

function displayName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    // A malformed code (the snapshot's countries are plain strings) is shown as it is.
    return code;
  }
}

export const englishLabels: TCompilationLabels = {
  region: (region) => regionLabels[region] ?? region,
  country: (code) => displayName(countryNames, code),
  group: (group) => groupLabels[group] ?? group,
  language: (language) => displayName(languageNames, language),
};

/** "Kenya (KE)": the name for readers, the code so nobody has to guess which country. */
export function countryLabel(code: string, labels: TCompilationLabels = englishLabels): string {
  const name = labels.country(code);
  return name === code ? code : `${name} (${code})`;
}

/** "2027-03-01 14:00 UTC": coordinators sit in every time zone, so briefs speak UTC. */
export function formatUtc(instant: string): string {
  const iso = new Date(instant).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The theme's English name, else the first it has, else its slug. */
export function themeTitle(c: TCompilation): string {
  const first = Object.keys(c.themeName).sort()[0];
  return c.themeName.en ?? (first === undefined ? undefined : c.themeName[first]) ?? c.themeSlug;
}

/** The brief's title: which compilation it is, and whether it can still change. */
export function compilationTitle(c: TCompilation): string {
  const theme = themeTitle(c);
  if (c.number !== null && c.frozenAt !== null) {
    const by = c.frozenBy === null ? '' : ` by ${c.frozenBy}`;
    return `${theme} — compilation ${c.number} (frozen ${formatUtc(c.frozenAt)}${by})`;
  }
  return `${theme} — compilation (live, compiled ${formatUtc(c.compiledAt)})`;
}

/** The sentence that accounts for reports a brief leaves out, so totals add up for readers. */
export function withheldSentence(withheld: number): string {
  if (withheld === 0) return 'No included report was withheld.';
  if (withheld === 1)
    return "1 included report was left out at the reporter's request (shared with coordinators only).";
  return `${withheld} included reports were left out at the reporters' request (shared with coordinators only).`;
}

export const ANONYMOUS_ATTRIBUTION = 'Anonymous / not attributed';

/** Credit only where the reporter consented to it; the snapshot already holds null otherwise. */
export function attributionText(report: TCompiledReport): string {
  return report.attribution === null ? ANONYMOUS_ATTRIBUTION : `Submitted by ${report.attribution}`;
}

/** "Kenya (KE) → Saudi Arabia (SA)", or null when the report names no corridor. */
export function corridorText(report: TCompiledReport, labels: TCompilationLabels = englishLabels): string | null {
  if (report.corridor === null) return null;
  return `${countryLabel(report.corridor.origin, labels)} → ${countryLabel(report.corridor.destination, labels)}`;
}

/** Counts per region in the usual order of regions, then any other key the snapshot has. */
export function regionCounts(c: TCompilation): Array<{ region: string; count: number }> {
  const known: readonly string[] = REGIONS;
  const others = Object.keys(c.counts.byRegion)
    .filter((r) => !known.includes(r))
    .sort();
  return [...REGIONS, ...others].map((region) => ({ region, count: c.counts.byRegion[region] ?? 0 }));
}

/** Every report once, in the brief's order: region, then country, then as compiled. */
export function* compiledReports(c: TCompilation): Generator<TCompiledReport> {
  for (const region of c.regions) for (const country of region.countries) yield* country.reports;
}

/** Each report's number in the brief ("Report 3"): its place in the brief's order, from 1. */
export function reportNumbers(c: TCompilation): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const report of compiledReports(c)) numbers.set(report.reportId, numbers.size + 1);
  return numbers;
}

/**
 * "See Report 3 under Morocco (MA); reference …": how a country names a report given in full under
 * another of its countries, so a reader of that country finds it and the text is not repeated.
 */
export function crossReferenceText(
  ref: TCompiledCrossReference,
  numbers: Map<string, number>,
  labels: TCompilationLabels = englishLabels,
): string {
  const number = numbers.get(ref.reportId);
  const where = `under ${countryLabel(ref.country, labels)}; reference ${ref.reportId}`;
  return number === undefined ? `See the report ${where}` : `See Report ${number} ${where}`;
}

/** Texts split into lines, whatever line endings the device that sent them used. */
export function textLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

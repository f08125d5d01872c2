/*
 * The input form's constants, without zod: the public report page imports them on its first
 * render, and zod (≈20 KB gzipped) must not travel with it. The zod schema (report.ts) reads
 * the same constants.
 */

/** Length limits of a report's texts: generous for testimony, bounded for the database. */
export const REPORT_LIMITS = {
  barriers: 10_000,
  recommendations: 10_000,
  source: 2_000,
  organization: 200,
  contactName: 200,
  contactEmail: 254,
  /** Loose on purpose: numbers are written in many ways; digits, spaces, + ( ) . - only. */
  contactPhone: 40,
  countries: 30,
  themes: 8,
  subtopics: 12,
} as const;

/** What a phone number may look like: at least 4 digits among + ( ) . - and spaces. */
export const PHONE_PATTERN = /^\+?[0-9 ().-]*[0-9][0-9 ().-]*$/;

/** Who is affected; the labels live in the catalogs (report.groups.<value>). */
export const AFFECTED_GROUPS = [
  'women',
  'children',
  'unaccompanied_minors',
  'workers',
  'domestic_workers',
  'undocumented',
  'refugees',
  'lgbtqi',
  'disabled',
  'older',
  'indigenous',
  'families',
] as const;

/**
 * What the reporter allows: publish with attribution, use anonymized, or keep it for
 * coordinators only. An anonymous report has nothing to attribute.
 */
export const REPORT_CONSENTS = ['attributed', 'anonymized', 'coordinators_only'] as const;

/** A receipt code as the reporter is given it: three groups of four Crockford base-32 characters. */
export const RECEIPT_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** What ZReceiptCode accepts, read the same way (trimmed, upper-cased), or null when it is not a code. */
export function readReceiptCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return RECEIPT_CODE_PATTERN.test(code) ? code : null;
}

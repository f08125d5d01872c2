import { z } from 'zod';
import { REGIONS } from '../geo/regions.js';
import { ZIdentityEnvelope } from './reporter-key.js';
import { freeText, ZCountry, ZInstant, ZLanguage, ZSlug, ZUuid } from './common.js';
import { ZConsentVersion } from './consent-version.js';
import { AFFECTED_GROUPS, RECEIPT_CODE_PATTERN, REPORT_CONSENTS, REPORT_LIMITS } from './report-limits.js';

export {
  AFFECTED_GROUPS,
  readReceiptCode,
  RECEIPT_CODE_PATTERN,
  REPORT_CONSENTS,
  REPORT_LIMITS,
} from './report-limits.js';

export const ZRegion = z.enum(REGIONS, {
  error: (issue) => (issue.input === undefined || issue.input === '' ? 'required' : 'invalid_value'),
});

export const ZAffectedGroup = z.enum(AFFECTED_GROUPS, { error: 'invalid_value' });
export type TAffectedGroup = z.infer<typeof ZAffectedGroup>;

export const ZReportConsent = z.enum(REPORT_CONSENTS, { error: 'required' });
export type TReportConsent = z.infer<typeof ZReportConsent>;

/** How a theme got on a report: picked by the reporter, a suggestion they accepted, or set in review. */
export const THEME_PROVENANCES = ['chosen', 'suggested', 'coordinator'] as const;
export const ZThemeProvenance = z.enum(THEME_PROVENANCES, { error: 'invalid_value' });
export type TThemeProvenance = z.infer<typeof ZThemeProvenance>;

export const REPORT_STATUSES = ['new', 'reviewed', 'included', 'excluded'] as const;
export const ZReportStatus = z.enum(REPORT_STATUSES);
export type TReportStatus = z.infer<typeof ZReportStatus>;

const optionalText = (max: number) => freeText(max).optional().default('');
const requiredText = (max: number) => freeText(max).pipe(z.string().min(1, { error: 'required' }));

const ZReportTheme = z.strictObject({
  slug: ZSlug,
  subtopics: z.array(ZSlug).max(REPORT_LIMITS.subtopics, { error: 'too_many' }).optional().default([]),
  // Reporters can only choose or accept; 'coordinator' is set in review.
  provenance: z.enum(['chosen', 'suggested'], { error: 'invalid_value' }),
});

/** Anonymous: nothing about the reporter is sent at all, so nothing can be stored. */
const ZAnonymousReporter = z.strictObject({ kind: z.literal('anonymous') });
/**
 * Named: the organization stays in clear (briefs credit it, with attributed consent); the
 * contact's name, email and phone travel only sealed in the browser to the coalition's key
 * (ZIdentityEnvelope). Clear `name`/`email` are refused as unknown keys, never stored.
 */
const ZNamedReporter = z.strictObject({
  kind: z.literal('named'),
  organization: requiredText(REPORT_LIMITS.organization),
  identity: ZIdentityEnvelope.nullable().optional().default(null),
});
export const ZReporter = z.discriminatedUnion('kind', [ZAnonymousReporter, ZNamedReporter], {
  error: 'required',
});
export type TReporter = z.infer<typeof ZReporter>;

const unique = <T>(values: readonly T[]) => new Set(values).size === values.length;

/** The input form's submission. Every message is a catalog key (errors.<key>). */
export const ZCreateReport = z
  .strictObject({
    /** Made on the device before the first attempt: retries and replays of it are one report. */
    clientSubmissionId: ZUuid,
    /** The language the reporter wrote in; the report keeps it. */
    language: ZLanguage,
    reporter: ZReporter,
    region: ZRegion,
    countries: z
      .array(ZCountry, { error: 'required' })
      .min(1, { error: 'required' })
      .max(REPORT_LIMITS.countries, { error: 'too_many' })
      .refine(unique, { error: 'duplicate_values' }),
    corridor: z
      .strictObject({ origin: ZCountry, destination: ZCountry })
      .refine((c) => c.origin !== c.destination, { error: 'corridor_same_country', path: ['destination'] })
      .nullable()
      .optional()
      .default(null),
    themes: z
      .array(ZReportTheme, { error: 'required' })
      .min(1, { error: 'theme_required' })
      .max(REPORT_LIMITS.themes, { error: 'too_many' })
      .refine((themes) => unique(themes.map((t) => t.slug)), { error: 'duplicate_values' }),
    barriers: requiredText(REPORT_LIMITS.barriers),
    recommendations: optionalText(REPORT_LIMITS.recommendations),
    affectedGroups: z
      .array(ZAffectedGroup)
      .max(AFFECTED_GROUPS.length, { error: 'too_many' })
      .refine(unique, { error: 'duplicate_values' })
      .optional()
      .default([]),
    source: optionalText(REPORT_LIMITS.source),
    consent: ZReportConsent,
    /** The consent wording the form showed (shared/src/privacy/consent-versions.ts). */
    consentVersion: ZConsentVersion('report'),
    /** The webinar the reporter came from (the follow-up email's link), if any. */
    webinarSlug: ZSlug.nullable().optional().default(null),
  })
  .refine((r) => !(r.reporter.kind === 'anonymous' && r.consent === 'attributed'), {
    error: 'consent_attribution_anonymous',
    path: ['consent'],
  });
export type TCreateReport = z.infer<typeof ZCreateReport>;
export type TCreateReportInput = z.input<typeof ZCreateReport>;

/** A receipt code: what the reporter keeps to check on the report, e.g. "K7QM-2XDA-9FHT". */
export const ZReceiptCode = z.string().trim().toUpperCase().regex(RECEIPT_CODE_PATTERN, { error: 'invalid_receipt' });

/** The only things a receipt code reveals: that the report arrived, when, and where it is in review. */
export const ZReportReceipt = z.object({
  receiptCode: z.string(),
  status: ZReportStatus,
  receivedAt: ZInstant,
  /** True once the reporter withdrew it (its text and identity are erased); absent in receipts kept from before. */
  withdrawn: z.boolean().default(false),
});
export type TReportReceipt = z.infer<typeof ZReportReceipt>;

/** POST /api/reports answer; `duplicate` when this submission id had already arrived. */
export const ZReportSubmitted = z.object({
  receipt: ZReportReceipt,
  duplicate: z.boolean(),
});
export type TReportSubmitted = z.infer<typeof ZReportSubmitted>;

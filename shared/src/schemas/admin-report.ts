import { z } from 'zod';
import { freeText, ZCountry, ZInstant, ZLanguage, ZSlug, ZUuid } from './common.js';
import { REPORT_LIMITS, ZAffectedGroup, ZRegion, ZReportConsent, ZReportStatus, ZThemeProvenance } from './report.js';

/** GET /api/admin/reports query: every filter optional, `q` searches the text. */
export const ZReportFilter = z.strictObject({
  theme: ZSlug.optional(),
  region: ZRegion.optional(),
  country: ZCountry.optional(),
  webinar: ZSlug.optional(),
  language: ZLanguage.optional(),
  status: ZReportStatus.optional(),
  /** Received on or after / before (instants or dates, UTC). */
  from: z.iso
    .date()
    .or(z.iso.datetime({ offset: true }))
    .optional(),
  to: z.iso
    .date()
    .or(z.iso.datetime({ offset: true }))
    .optional(),
  q: z.string().trim().max(200, { error: 'too_long' }).optional(),
  /**
   * Reports merged into another (near-duplicates): hidden by default (`exclude`), listed too
   * (`include`) or alone (`only`). A search by report code finds merged ones whatever this says.
   */
  merged: z.enum(['exclude', 'include', 'only']).optional(),
  /**
   * Reports their reporter withdrew (tombstones without text): listed with a mark by default
   * (`include`), left out (`exclude`) or alone (`only`).
   */
  withdrawn: z.enum(['include', 'exclude', 'only']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TReportFilter = z.infer<typeof ZReportFilter>;

export const ZReviewTheme = z.object({
  slug: z.string(),
  subtopics: z.array(z.string()),
  provenance: ZThemeProvenance,
});

export const ZReportNote = z.object({
  id: ZUuid,
  authorEmail: z.string().nullable(),
  text: z.string(),
  createdAt: ZInstant,
});

/**
 * The trigram similarity (pg_trgm `similarity` of the barriers, 0–1) from which another report
 * is flagged as a possible duplicate. Measured on report texts in en, fr, es and ar
 * (server/src/services/review/duplicates.fixture.ts, checked by duplicates.test.ts; PGlite and
 * PostgreSQL give the same figures), two accounts per language:
 * - the same network resending with light edits: 0.81–0.90 (8 of 8 pairs flagged at 0.5);
 * - an account copied to another network and rewritten: 0.51–0.72 for a partial rewrite, 0.38–0.60
 *   for a deep one, Arabic lowest (its clitics change many trigrams): 13 of 16 pairs flagged;
 * - another account of the same theme: at most 0.26; of the very same subject in the same words
 *   (detention, asylum, interpreters): 0.28–0.50; none flagged (0 of 120 pairs).
 * 0.45 would catch one more rewrite and flag four of the same-subject accounts; 0.4 two rewrites
 * more for nine false flags. A flag that is wrong costs a reviewer's look on every visit (there
 * is no dismissing it), a missed deep rewrite costs a report counted twice until someone spots
 * it, so 0.5: every resend and most rewrites, no other account.
 */
export const DUPLICATE_THRESHOLD = 0.5;

/** Another report, by its id and short code (R-0042): lineage of merges. */
export const ZReportRef = z.object({ id: ZUuid, code: z.string() });
export type TReportRef = z.infer<typeof ZReportRef>;

/** A report that says almost the same as this one: trigram similarity of the barriers, 0–1. */
export const ZDuplicateCandidate = ZReportRef.extend({
  similarity: z.number().min(0).max(1),
  status: ZReportStatus,
  createdAt: ZInstant,
});
export type TDuplicateCandidate = z.infer<typeof ZDuplicateCandidate>;

/**
 * A report as the workspace shows it. The texts are what the reader may see: redacted when
 * a coordinator redacted them. `original` holds the unredacted texts, for admins only.
 */
export const ZAdminReport = z.object({
  id: ZUuid,
  status: ZReportStatus,
  language: ZLanguage,
  region: ZRegion,
  countries: z.array(z.string()),
  corridor: z.object({ origin: z.string(), destination: z.string() }).nullable(),
  themes: z.array(ZReviewTheme),
  barriers: z.string(),
  recommendations: z.string(),
  source: z.string(),
  affectedGroups: z.array(ZAffectedGroup),
  consent: ZReportConsent,
  /** The consent wording agreed to (consent-versions.ts); null: sent before versions were kept. */
  consentVersion: z.string().nullable(),
  anonymous: z.boolean(),
  organization: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  /** The reporter left a sealed name/email/phone: only an admin's browser can open it (audited). */
  sealedIdentity: z.boolean(),
  webinarSlug: z.string().nullable(),
  createdAt: ZInstant,
  redacted: z.boolean(),
  original: z.object({ barriers: z.string(), recommendations: z.string(), source: z.string() }).nullable(),
  notes: z.array(ZReportNote),
  /** The short, stable code briefs and reviewers cite (R-0042), from reports.number. */
  code: z.string(),
  /** Set when this report was merged into another (the one kept); it then counts under that one. */
  mergedInto: ZReportRef.nullable(),
  /** The reports merged into this one: their codes stay as lineage. */
  mergedReports: z.array(ZReportRef),
  /**
   * Possible duplicates: other reports in the viewer's scope, not merged, whose barriers are at
   * least DUPLICATE_THRESHOLD similar, newest first. Empty for a merged report.
   */
  duplicates: z.array(ZDuplicateCandidate),
  /**
   * When the reporter withdrew it with their receipt code: its texts, identity, notes and
   * translations are erased, and it takes no more edits (409 report_withdrawn). Null: not withdrawn.
   */
  withdrawnAt: ZInstant.nullable(),
});
export type TAdminReport = z.infer<typeof ZAdminReport>;

export const ZAdminReportList = z.object({
  reports: z.array(ZAdminReport),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Matching reports per country code, over every page; a report counts under each of its countries. */
  byCountry: z.record(z.string(), z.number().int()),
});
export type TAdminReportList = z.infer<typeof ZAdminReportList>;

/** PATCH /api/admin/reports/:id — any of: status, themes (re-tag), redaction (null removes it). */
export const ZUpdateReport = z
  .strictObject({
    status: ZReportStatus.optional(),
    themes: z
      .array(z.strictObject({ slug: ZSlug, subtopics: z.array(ZSlug).max(REPORT_LIMITS.subtopics).default([]) }))
      .min(1, { error: 'theme_required' })
      .max(REPORT_LIMITS.themes, { error: 'too_many' })
      .optional(),
    redaction: z
      .strictObject({
        barriers: freeText(REPORT_LIMITS.barriers).pipe(z.string().min(1, { error: 'required' })),
        recommendations: freeText(REPORT_LIMITS.recommendations).default(''),
        source: freeText(REPORT_LIMITS.source).default(''),
      })
      .nullable()
      .optional(),
  })
  .refine((u) => u.status !== undefined || u.themes !== undefined || u.redaction !== undefined, {
    error: 'empty_update',
  });
export type TUpdateReport = z.infer<typeof ZUpdateReport>;

export const ZCreateNote = z.strictObject({
  text: freeText(5000).pipe(z.string().min(1, { error: 'required' })),
});
export type TCreateNote = z.infer<typeof ZCreateNote>;

/** POST /api/admin/reports/:id/merge — merge this report into `into` (the one kept). */
export const ZMergeReport = z.strictObject({ into: ZUuid });
export type TMergeReport = z.infer<typeof ZMergeReport>;

/** The answer to a merge or an unmerge: both reports as they are now. */
export const ZMergeResult = z.object({ kept: ZAdminReport, merged: ZAdminReport });
export type TMergeResult = z.infer<typeof ZMergeResult>;

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
  anonymous: z.boolean(),
  organization: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  webinarSlug: z.string().nullable(),
  createdAt: ZInstant,
  redacted: z.boolean(),
  original: z.object({ barriers: z.string(), recommendations: z.string(), source: z.string() }).nullable(),
  notes: z.array(ZReportNote),
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

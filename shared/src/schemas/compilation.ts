import { z } from 'zod';
import { ZInstant, ZLanguage, ZSlug, ZUuid } from './common.js';
import { ZAffectedGroup, ZRegion } from './report.js';

/**
 * One report as a brief shows it: the redacted text when a coordinator redacted it, and
 * the reporter's organization only when they consented to attribution.
 */
export const ZCompiledReport = z.object({
  reportId: ZUuid,
  language: ZLanguage,
  region: ZRegion,
  countries: z.array(z.string()),
  corridor: z.object({ origin: z.string(), destination: z.string() }).nullable(),
  barriers: z.string(),
  recommendations: z.string(),
  affectedGroups: z.array(ZAffectedGroup),
  source: z.string(),
  /** The organization to credit, or null (anonymous, or no consent to attribution). */
  attribution: z.string().nullable(),
  receivedAt: ZInstant,
});
export type TCompiledReport = z.infer<typeof ZCompiledReport>;

/**
 * A report about several countries is given in full under its first country only; each of
 * its other countries lists it as a cross-reference to that one.
 */
export const ZCompiledCrossReference = z.object({
  reportId: ZUuid,
  /** The country under which the report is given in full (its first). */
  country: z.string(),
});
export type TCompiledCrossReference = z.infer<typeof ZCompiledCrossReference>;

/** Reports of one country, within a region. */
export const ZCompiledCountry = z.object({
  country: z.string(),
  /** The reports whose first country this is, in full. */
  reports: z.array(ZCompiledReport),
  /**
   * Reports also about this country, given in full under another. Absent when there are none,
   * so a compilation frozen before cross-references existed exports the same bytes as ever.
   */
  seeAlso: z.array(ZCompiledCrossReference).optional(),
});
export type TCompiledCountry = z.infer<typeof ZCompiledCountry>;

export const ZCompiledRegion = z.object({
  region: ZRegion,
  /** Reports in the region, each once however many of its countries it names. */
  count: z.number().int(),
  countries: z.array(ZCompiledCountry),
});

/**
 * A theme's included reports, grouped by region then country (a report about several
 * countries appears in full under its first, as a cross-reference under the others). Live until frozen; a frozen one is numbered and never
 * changes, so its exports are the same files every time.
 */
export const ZCompilation = z.object({
  themeSlug: ZSlug,
  /** The theme's name in every language it has. */
  themeName: z.record(z.string(), z.string()),
  /** 1, 2, 3… per theme once frozen; null while live. */
  number: z.number().int().positive().nullable(),
  frozenAt: ZInstant.nullable(),
  /** Who froze it (the coordinator's email), null while live. */
  frozenBy: z.string().nullable(),
  /** When its content was read from the reports. */
  compiledAt: ZInstant,
  counts: z.object({
    total: z.number().int(),
    /** Each report once, in its region. */
    byRegion: z.record(z.string(), z.number().int()),
    /** Each report once under every country it names. */
    byCountry: z.record(z.string(), z.number().int()),
    /** Included reports left out because the reporter allowed coordinators only. */
    withheld: z.number().int(),
  }),
  languages: z.array(ZLanguage),
  regions: z.array(ZCompiledRegion),
});
export type TCompilation = z.infer<typeof ZCompilation>;

export const EXPORT_FORMATS = ['md', 'docx', 'csv', 'json'] as const;
export const ZExportFormat = z.enum(EXPORT_FORMATS);
export type TExportFormat = z.infer<typeof ZExportFormat>;

/** One frozen compilation in the list of a theme's snapshots (GET /api/admin/compilations). */
export const ZCompilationSummary = z.object({
  id: ZUuid,
  themeSlug: ZSlug,
  number: z.number().int().positive(),
  frozenAt: ZInstant,
  /** Who froze it (the coordinator's email); null once that account is gone. */
  frozenBy: z.string().nullable(),
  /** How many reports it holds. */
  reports: z.number().int(),
});
export type TCompilationSummary = z.infer<typeof ZCompilationSummary>;

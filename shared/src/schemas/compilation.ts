import { z } from 'zod';
import { ZInstant, ZLanguage, ZSlug, ZUuid } from './common.js';
import { ZAffectedGroup, ZRegion } from './report.js';

/** A report code as briefs cite it: R-0042. */
export const ZReportCode = z.string().regex(/^R-\d{4,9}$/);

/**
 * A finished translation of one report text as a brief may use it (queued and failed ones
 * never reach a brief): who made it — a machine (which provider, through which pivot
 * language) or a person — and whether a reviewer verified it.
 */
export const ZCompiledTranslation = z.object({
  text: z.string(),
  origin: z.enum(['machine', 'human']),
  verified: z.boolean(),
  provider: z.string().nullable(),
  pivot: ZLanguage.nullable(),
});
export type TCompiledTranslation = z.infer<typeof ZCompiledTranslation>;

/** Translations of a report's texts: field → language → translation (only where one exists). */
export const ZCompiledTranslations = z.object({
  barriers: z.partialRecord(ZLanguage, ZCompiledTranslation).optional(),
  recommendations: z.partialRecord(ZLanguage, ZCompiledTranslation).optional(),
  source: z.partialRecord(ZLanguage, ZCompiledTranslation).optional(),
});
export type TCompiledTranslations = z.infer<typeof ZCompiledTranslations>;

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
  /**
   * Fields below came with briefs in four languages; a compilation frozen before has none of
   * them, and exports exactly as it did. The report's short code (R-0042), what briefs cite.
   */
  code: ZReportCode.optional(),
  /** Finished translations of its texts, as they were when compiled. */
  translations: ZCompiledTranslations.optional(),
  /** Codes of the reports merged into this one (near-duplicates): counted once, here. */
  mergedCodes: z.array(ZReportCode).optional(),
  /**
   * The reporter withdrew it before this compilation: its texts are empty and it has no
   * attribution; briefs say "withdrawn" under its code, so citations of it still resolve.
   */
  withdrawn: z.literal(true).optional(),
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
  /** The report's code (absent in compilations frozen before codes). */
  code: ZReportCode.optional(),
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

/** A key barrier or recommendation as a brief gives it: the coordinators' words and the reports they rest on. */
export const ZCompiledClaim = z.object({
  text: z.partialRecord(ZLanguage, z.string()),
  codes: z.array(ZReportCode),
});
export type TCompiledClaim = z.infer<typeof ZCompiledClaim>;

/** A featured quote: a report's field, whole or a passage of it, with the report's code. */
export const ZCompiledQuote = z.object({
  code: ZReportCode,
  field: z.enum(['barriers', 'recommendations']),
  /** The report's language: what the quoted text is written in. */
  language: ZLanguage,
  /** The quoted text: the passage, or the whole field. */
  text: z.string(),
  /** Whether it is a passage (translations of the whole field do not apply to a passage). */
  excerpt: z.boolean(),
});
export type TCompiledQuote = z.infer<typeof ZCompiledQuote>;

/** The editorial parts of a brief, resolved to report codes (never ids). */
export const ZCompiledEditorial = z.object({
  summary: z.partialRecord(ZLanguage, z.string()),
  keyBarriers: z.array(ZCompiledClaim),
  keyRecommendations: z.array(ZCompiledClaim),
  closingNote: z.partialRecord(ZLanguage, z.string()),
  quotes: z.array(ZCompiledQuote),
});
export type TCompiledEditorial = z.infer<typeof ZCompiledEditorial>;

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
  /**
   * Who froze it: the coordinator's display name (briefs frozen before display names held the
   * email; they keep it, so their files stay the same); null while live or when the account
   * had no display name (briefs then say "a coordinator" in their language).
   */
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
  /**
   * 2: a brief in four languages, with codes, translations, lineage and the editorial parts.
   * Absent in compilations frozen before: they are exported by the renderers of their time.
   */
  layout: z.literal(2).optional(),
  /** The coalition's name on the brief's cover, as configured when compiled. */
  coalition: z.string().optional(),
  /** The coordinators' editorial parts, as they were when compiled. */
  editorial: ZCompiledEditorial.optional(),
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
  /** Who froze it (the coordinator's display name); null when none is known. */
  frozenBy: z.string().nullable(),
  /** How many reports it holds. */
  reports: z.number().int(),
  /**
   * Codes of reports it holds in full that their reporters withdrew after it was frozen: the
   * snapshot stays as it was sent, and the workspace says so (a new snapshot says "withdrawn").
   */
  withdrawnSince: z.array(ZReportCode),
});
export type TCompilationSummary = z.infer<typeof ZCompilationSummary>;

/** ?lang= on every export: the language of the brief's labels, headings, counts and dates (default en). */
export const ZExportQuery = z.object({ lang: ZLanguage.default('en') });
export type TExportQuery = z.infer<typeof ZExportQuery>;

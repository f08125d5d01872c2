import { z } from 'zod';
import { ZLanguage, ZLocalizedText, ZUuid } from './common.js';

/**
 * What coordinators write for a theme's brief. Every claim and quote names the reports it
 * rests on (their ids here; briefs and their JSON lineage show the codes, R-0142).
 */
export const ZBriefClaim = z.object({
  text: ZLocalizedText,
  reportIds: z.array(ZUuid).max(50),
});
export type TBriefClaim = z.infer<typeof ZBriefClaim>;

export const QUOTED_FIELDS = ['barriers', 'recommendations'] as const;

/** A passage of an included report, quoted in the brief (the whole text when no excerpt). */
export const ZBriefQuote = z.object({
  reportId: ZUuid,
  field: z.enum(QUOTED_FIELDS),
  /** A passage of the field's text, as the coordinator chose it; absent: the whole text. */
  excerpt: z.string().trim().min(1).max(2000).optional(),
});
export type TBriefQuote = z.infer<typeof ZBriefQuote>;

export const ZBriefEditorial = z.object({
  summary: ZLocalizedText.default({}),
  keyBarriers: z.array(ZBriefClaim).max(30).default([]),
  keyRecommendations: z.array(ZBriefClaim).max(30).default([]),
  closingNote: ZLocalizedText.default({}),
  quotes: z.array(ZBriefQuote).max(30).default([]),
});
export type TBriefEditorial = z.infer<typeof ZBriefEditorial>;

export const EMPTY_BRIEF_EDITORIAL: TBriefEditorial = {
  summary: {},
  keyBarriers: [],
  keyRecommendations: [],
  closingNote: {},
  quotes: [],
};

/** The language of a brief export: every label, heading, count and date in it. */
export const ZBriefLanguage = ZLanguage;

/** GET/PUT /api/admin/compilations/brief/:theme: a theme's editorial, with the codes of the reports it cites. */
export const ZBriefEditorialView = z.object({
  themeSlug: z.string(),
  editorial: ZBriefEditorial,
  /** Report id → code (R-0042) for every report the editorial cites. */
  codes: z.record(z.string(), z.string()),
  updatedAt: z.string().nullable(),
});
export type TBriefEditorialView = z.infer<typeof ZBriefEditorialView>;

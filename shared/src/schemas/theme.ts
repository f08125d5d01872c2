import { z } from 'zod';
import { LANGUAGES, ZLanguage, ZLocalizedText, ZSlug } from './common.js';

export const ZThemeKind = z.enum(['orientation', 'consultation']);

/** A sub-topic offered under a theme: its slug (stored on reports) and its name in each language. */
export const ZThemeSubtopic = z.object({ slug: ZSlug, name: ZLocalizedText });
export type TThemeSubtopic = z.infer<typeof ZThemeSubtopic>;

export const ZTheme = z.object({
  slug: ZSlug,
  kind: ZThemeKind,
  position: z.number().int(),
  name: ZLocalizedText,
  description: ZLocalizedText,
  /** Offered under the theme on the input form; older reports may hold slugs no longer listed. */
  subtopics: z.array(ZThemeSubtopic).optional(),
});
export type TTheme = z.infer<typeof ZTheme>;

/** GET /api/themes: the themes the input form offers (active, taking reports), in order. */
export const ZThemeList = z.object({ themes: z.array(ZTheme) });
export type TThemeList = z.infer<typeof ZThemeList>;

/** Suggestion keywords of one theme, per language. */
export const ZThemeKeywordLists = z.partialRecord(ZLanguage, z.array(z.string()));
export type TThemeKeywordLists = z.infer<typeof ZThemeKeywordLists>;

/** GET /api/themes/keywords: the suggestion keywords of the themes the form offers, by theme slug. */
export const ZThemeKeywords = z.object({ keywords: z.record(z.string(), ZThemeKeywordLists) });
export type TThemeKeywords = z.infer<typeof ZThemeKeywords>;

/** The whole theme as coordinators see it (admins edit it). */
export const ZAdminTheme = ZTheme.extend({
  active: z.boolean(),
  takesReports: z.boolean(),
  subtopics: z.array(ZThemeSubtopic),
  keywords: ZThemeKeywordLists,
});
export type TAdminTheme = z.infer<typeof ZAdminTheme>;

export const ZAdminThemeList = z.object({ themes: z.array(ZAdminTheme) });
export type TAdminThemeList = z.infer<typeof ZAdminThemeList>;

/**
 * Limits of the editor. Names and descriptions are required in English (the reference
 * catalog, and what the brief and exports fall back to); the other languages are optional
 * and fall back to English where missing.
 */
export const THEME_LIMITS = {
  name: 200,
  description: 1000,
  subtopics: 20,
  subtopicName: 120,
  keywordsPerLanguage: 60,
  keyword: 60,
} as const;

/** Text in the four languages, English required, blank entries dropped. */
const localizedInput = (max: number) =>
  z
    .strictObject(
      Object.fromEntries(
        LANGUAGES.map((language) => [
          language,
          z.string({ error: 'required' }).trim().max(max, { error: 'too_long' }).optional(),
        ]),
      ) as Record<(typeof LANGUAGES)[number], z.ZodOptional<z.ZodString>>,
    )
    .superRefine((value, ctx) => {
      if (!value.en) ctx.addIssue({ code: 'custom', path: ['en'], message: 'required' });
    })
    .transform(
      (value) =>
        Object.fromEntries(Object.entries(value).filter(([, text]) => Boolean(text))) as Partial<
          Record<(typeof LANGUAGES)[number], string>
        >,
    );

const unique = <T>(values: T[], key: (value: T) => string) => new Set(values.map(key)).size === values.length;

export const ZThemeSubtopicInput = z.strictObject({ slug: ZSlug, name: localizedInput(THEME_LIMITS.subtopicName) });

const ZSubtopicsInput = z
  .array(ZThemeSubtopicInput)
  .max(THEME_LIMITS.subtopics, { error: 'too_many' })
  .refine((list) => unique(list, (s) => s.slug), { error: 'duplicate_values' });

const ZKeywordList = z
  .array(
    z
      .string({ error: 'required' })
      .trim()
      .min(2, { error: 'invalid_value' })
      .max(THEME_LIMITS.keyword, { error: 'too_long' }),
  )
  .max(THEME_LIMITS.keywordsPerLanguage, { error: 'too_many' })
  .refine((list) => unique(list, (k) => k.toLowerCase()), { error: 'duplicate_values' });

export const ZKeywordsInput = z.strictObject(
  Object.fromEntries(LANGUAGES.map((language) => [language, ZKeywordList.optional()])) as Record<
    (typeof LANGUAGES)[number],
    z.ZodOptional<typeof ZKeywordList>
  >,
);

const themeFields = {
  name: localizedInput(THEME_LIMITS.name),
  description: localizedInput(THEME_LIMITS.description),
  active: z.boolean({ error: 'invalid_value' }),
  takesReports: z.boolean({ error: 'invalid_value' }),
  subtopics: ZSubtopicsInput,
  keywords: ZKeywordsInput,
};

/** POST /api/admin/themes: a new theme, placed last unless a position is given. */
export const ZCreateTheme = z.strictObject({
  slug: ZSlug,
  kind: ZThemeKind.optional().default('consultation'),
  name: themeFields.name,
  description: themeFields.description,
  active: themeFields.active.optional().default(true),
  takesReports: themeFields.takesReports.optional().default(true),
  subtopics: themeFields.subtopics.optional().default([]),
  keywords: themeFields.keywords.optional().default({}),
});
export type TCreateTheme = z.infer<typeof ZCreateTheme>;

/** PATCH /api/admin/themes/{slug}: any of the editable fields (the slug stays: reports and webinars refer to it). */
export const ZUpdateTheme = z
  .strictObject({
    name: themeFields.name.optional(),
    description: themeFields.description.optional(),
    active: themeFields.active.optional(),
    takesReports: themeFields.takesReports.optional(),
    subtopics: themeFields.subtopics.optional(),
    keywords: themeFields.keywords.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'empty_update' });
export type TUpdateTheme = z.infer<typeof ZUpdateTheme>;

/** POST /api/admin/themes/order: every theme slug, in the new display order. */
export const ZThemeOrder = z.strictObject({
  slugs: z
    .array(ZSlug)
    .min(1, { error: 'required' })
    .max(200, { error: 'too_many' })
    .refine((list) => unique(list, (s) => s), { error: 'duplicate_values' }),
});
export type TThemeOrder = z.infer<typeof ZThemeOrder>;

/** What the editor sends (before the schema's defaults and trimming). */
export type TCreateThemeInput = z.input<typeof ZCreateTheme>;
export type TUpdateThemeInput = z.input<typeof ZUpdateTheme>;

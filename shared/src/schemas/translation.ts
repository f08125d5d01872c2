import { z } from 'zod';
import { ZInstant, ZLanguage, ZUuid } from './common.js';

export const ZTranslatedField = z.enum(['barriers', 'recommendations', 'source']);
export type TTranslatedField = z.infer<typeof ZTranslatedField>;

/** A report text in another language, with its provenance (what reviewers and briefs see). */
export const ZReportTranslation = z.object({
  id: ZUuid,
  field: ZTranslatedField,
  language: ZLanguage,
  sourceLanguage: ZLanguage,
  status: z.enum(['queued', 'done', 'failed']),
  text: z.string().nullable(),
  origin: z.enum(['machine', 'human']),
  provider: z.string().nullable(),
  /** The language a machine translation went through, or null when direct. */
  pivot: ZLanguage.nullable(),
  translatedBy: z.string().nullable(),
  translatedAt: ZInstant.nullable(),
  verified: z.boolean(),
  verifiedBy: z.string().nullable(),
  verifiedAt: ZInstant.nullable(),
});
export type TReportTranslation = z.infer<typeof ZReportTranslation>;

/** A reviewer's own translation (or correction of a machine one), optionally verified at once. */
export const ZHumanTranslationInput = z.object({
  field: ZTranslatedField,
  language: ZLanguage,
  text: z.string().trim().min(1).max(20_000),
  verified: z.boolean().default(false),
});

/** Ask the configured machine provider for translations of a report's texts into languages. */
export const ZMachineTranslationRequest = z.object({
  languages: z.array(ZLanguage).min(1).max(4),
});

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

/** Which machine provider the deployment uses, and whether report text leaves it (the workspace says so). */
export const ZTranslationProviderInfo = z.object({
  provider: z.enum(['none', 'apertium', 'libretranslate']),
  /** True when report text is sent to a service outside this deployment. */
  sendsTextOutside: z.boolean(),
  /** The host that sees the text (an external provider's), or null for none / local. */
  host: z.string().nullable(),
});
export type TTranslationProviderInfo = z.infer<typeof ZTranslationProviderInfo>;

/** A report's translations with what a reviewer needs beside them: its languages and the texts' originals. */
export const ZReportTranslations = z.object({
  reportId: ZUuid,
  /** The language the reporter declared. */
  declaredLanguage: ZLanguage,
  /** What the language check found instead, when it differs with confidence; null otherwise. */
  detectedLanguage: ZLanguage.nullable(),
  /** What translations start from: the detected language when there is one, else the declared one. */
  sourceLanguage: ZLanguage,
  /** The texts as the viewer reads them (redacted when the report is). */
  originals: z.object({ barriers: z.string(), recommendations: z.string(), source: z.string() }),
  translations: z.array(ZReportTranslation),
});
export type TReportTranslations = z.infer<typeof ZReportTranslations>;

export type THumanTranslationInput = z.infer<typeof ZHumanTranslationInput>;
export type TMachineTranslationRequest = z.infer<typeof ZMachineTranslationRequest>;

/** Mark one translation verified (or take the mark back). */
export const ZVerifyTranslationInput = z.object({
  field: ZTranslatedField,
  language: ZLanguage,
  verified: z.boolean().default(true),
});
export type TVerifyTranslationInput = z.infer<typeof ZVerifyTranslationInput>;

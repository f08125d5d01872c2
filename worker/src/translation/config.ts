import type { TTranslationProviderInfo } from '@convene/shared';
import { z } from 'zod';
import { apertiumProvider } from './apertium.js';
import { libreTranslateProvider } from './libretranslate.js';
import type { TranslationProvider } from './provider.js';

/** Translation variables, read by the worker (which translates) and the API (which says who will see the text). */
export const translationEnvShape = {
  // Machine translation: none (human translations only) | apertium (local apertium-apy) | libretranslate.
  TRANSLATION_PROVIDER: z.enum(['none', 'apertium', 'libretranslate']).default('none'),
  // apertium-apy's base URL, e.g. http://127.0.0.1:2737 (Debian: apertium-apy apertium-eng-spa apertium-fr-es).
  APERTIUM_URL: z.url().optional(),
  // A LibreTranslate-compatible service's base URL; report text is sent there (the workspace says so).
  LIBRETRANSLATE_URL: z.url().optional(),
  // Its API key, when it requires one.
  LIBRETRANSLATE_API_KEY: z.string().min(1).optional(),
};

export type TranslationEnv = {
  TRANSLATION_PROVIDER: 'none' | 'apertium' | 'libretranslate';
  APERTIUM_URL?: string;
  LIBRETRANSLATE_URL?: string;
  LIBRETRANSLATE_API_KEY?: string;
};

/** For a superRefine: the chosen provider's URL must be set, so a misconfiguration fails at start. */
export function translationEnvIssues(env: TranslationEnv): { path: string; message: string }[] {
  if (env.TRANSLATION_PROVIDER === 'apertium' && !env.APERTIUM_URL) {
    return [{ path: 'APERTIUM_URL', message: 'required when TRANSLATION_PROVIDER=apertium' }];
  }
  if (env.TRANSLATION_PROVIDER === 'libretranslate' && !env.LIBRETRANSLATE_URL) {
    return [{ path: 'LIBRETRANSLATE_URL', message: 'required when TRANSLATION_PROVIDER=libretranslate' }];
  }
  return [];
}

/** The configured machine provider, or null for none. */
export function createTranslationProvider(env: TranslationEnv): TranslationProvider | null {
  if (env.TRANSLATION_PROVIDER === 'apertium' && env.APERTIUM_URL) return apertiumProvider({ url: env.APERTIUM_URL });
  if (env.TRANSLATION_PROVIDER === 'libretranslate' && env.LIBRETRANSLATE_URL) {
    return libreTranslateProvider({ url: env.LIBRETRANSLATE_URL, apiKey: env.LIBRETRANSLATE_API_KEY });
  }
  return null;
}

/** What the workspace tells reviewers: which provider, and whether (and where) text leaves the deployment. */
export function describeTranslationProvider(env: TranslationEnv): TTranslationProviderInfo {
  const provider = createTranslationProvider(env);
  if (!provider) return { provider: 'none', sendsTextOutside: false, host: null };
  return {
    provider: provider.name,
    sendsTextOutside: provider.sendsTextOutside,
    host: provider.sendsTextOutside ? provider.host : null,
  };
}

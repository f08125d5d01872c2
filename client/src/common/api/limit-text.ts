import type { TLanguage } from '@convene/shared';
import type { TFunction } from '../i18n/translate';
import type { ApiError } from './http';

type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * "Too many attempts from your network. Try again in 12 minutes.", in the reader's language
 * with its plural form (Arabic has six), from a 429's Retry-After in seconds.
 */
export function waitText(t: TFunction, language: TLanguage, seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const form = new Intl.PluralRules(language).select(minutes) as PluralForm;
  return t(`formLimits.wait.${form}`, { minutes });
}

/** The text of a refusal by the public forms' limits (rate limit, trap field), or null for any other. */
export function limitText(t: TFunction, language: TLanguage, error: ApiError): string | null {
  if (error.status === 429 && error.retryAfter) return waitText(t, language, error.retryAfter);
  if (error.code === 'honeypot_filled') return t('formLimits.trapFilled');
  return null;
}

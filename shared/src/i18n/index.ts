import { RTL_LANGUAGES, type TLanguage } from '../schemas/common.js';
import { ar } from './ar.js';
import { en, type Catalog } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

export type { Catalog } from './en.js';

/** All catalogs, by language. Used by the client (i18next) and by the email renderer. */
export const catalogs: Record<TLanguage, Catalog> = { en, fr, es, ar };

/** The text direction of a language, for <html dir> and email bodies. */
export function textDirection(language: TLanguage): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

/** The English text of a field error code, for API messages. */
export function englishError(code: string): string {
  const errors = en.errors as Record<string, string>;
  return errors[code] ?? errors.invalid_value;
}

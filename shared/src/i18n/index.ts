import type { TLanguage } from '../schemas/common.js';
import { ar } from './ar.js';
import { en, type Catalog } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

export type { Catalog } from './en.js';
export { CATALOG_LANGUAGES, isLanguage, textDirection } from './languages.js';

/**
 * All catalogs, by language, loaded at once: for Node (emails, server pages, tests). The
 * browser loads one at a time through `@convene/shared/i18n/load`.
 */
export const catalogs: Record<TLanguage, Catalog> = { en, fr, es, ar };

/** The English text of a field error code, for API messages. */
export function englishError(code: string): string {
  const errors = en.errors as Record<string, string>;
  return errors[code] ?? errors.invalid_value;
}

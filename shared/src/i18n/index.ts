import type { TLanguage } from '../schemas/common.js';
import { ar } from './ar.js';
import { en, type Catalog } from './en.js';
import { es } from './es.js';
import { arEmail } from './email/ar.js';
import { enEmail, type EmailCatalog } from './email/en.js';
import { esEmail } from './email/es.js';
import { frEmail } from './email/fr.js';
import { fr } from './fr.js';

export type { Catalog } from './en.js';
export type { EmailCatalog } from './email/en.js';

/**
 * A page catalog plus the email texts: what Node renders mail and server pages from. The
 * email texts live apart so the browser, which never sends mail, does not download them.
 */
export type FullCatalog = Catalog & { email: EmailCatalog };
export { CATALOG_LANGUAGES, isLanguage, textDirection } from './languages.js';

/**
 * All catalogs, by language, loaded at once: for Node (emails, server pages, tests). The
 * browser loads one at a time through `@convene/shared/i18n/load`.
 */
export const catalogs: Record<TLanguage, FullCatalog> = {
  en: { ...en, email: enEmail },
  fr: { ...fr, email: frEmail },
  es: { ...es, email: esEmail },
  ar: { ...ar, email: arEmail },
};

/** The English text of a field error code, for API messages. */
export function englishError(code: string): string {
  const errors = en.errors as Record<string, string>;
  return errors[code] ?? errors.invalid_value;
}

import type { TLanguage } from '../schemas/common.js';

/*
 * The languages with a catalog and their writing direction, without zod. LANGUAGES and
 * RTL_LANGUAGES in schemas/common.ts say the same (languages.test.ts holds the two together),
 * but that module builds zod schemas, and whatever imports it at run time pulls zod
 * (a quarter of the client) into the browser's first load. The client's language detection,
 * switcher and <html dir> use these instead.
 */
const DIRECTIONS = { en: 'ltr', fr: 'ltr', es: 'ltr', ar: 'rtl' } as const satisfies Record<TLanguage, 'ltr' | 'rtl'>;

/** The languages with a catalog, in the order pickers show them: LANGUAGES, zod-free. */
export const CATALOG_LANGUAGES = Object.keys(DIRECTIONS) as readonly TLanguage[];

/** Whether a value names a language with a catalog: ZLanguage's test, zod-free. */
export function isLanguage(value: unknown): value is TLanguage {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DIRECTIONS, value);
}

/** The text direction of a language, for <html dir> and email bodies. */
export function textDirection(language: TLanguage): 'rtl' | 'ltr' {
  return DIRECTIONS[language];
}

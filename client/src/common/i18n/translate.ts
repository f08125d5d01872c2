import type { Catalog } from '@convene/shared';

/** "webinars.kind.orientation": the dotted path of every text in a catalog. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of the reference catalog: t() accepts nothing else. */
export type TranslationKey = Leaves<Catalog>;

/** Values for the {{name}} placeholders of a text. */
export type TranslationVars = Readonly<Record<string, string | number>>;

/** The text behind a key, with its {{name}} placeholders filled in; the key itself if absent. */
export type TFunction = (key: TranslationKey, vars?: TranslationVars) => string;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * Looks a key up in one catalog. The catalogs use nothing but {{name}} interpolation (no
 * plurals, nesting or formatters), so this is all the client needs of an i18n library.
 */
export function translate(catalog: Catalog, key: TranslationKey, vars?: TranslationVars): string {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  if (!vars) return node;
  // React escapes what it renders: the values go in as they are.
  return node.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = vars[name];
    return value === undefined ? placeholder : String(value);
  });
}

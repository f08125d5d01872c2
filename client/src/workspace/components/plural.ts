export type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

const rules = new Map<string, Intl.PluralRules>();

/**
 * The catalog key of a count's plural form, e.g. "admin.overviewLinks.cell.few" for 3 in
 * Arabic: the catalogs give every text that counts all six forms (CLDR), each with {{count}}.
 */
export function pluralKey<Base extends string>(base: Base, language: string, count: number): `${Base}.${PluralForm}` {
  let rule = rules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(language);
    rules.set(language, rule);
  }
  return `${base}.${rule.select(count) as PluralForm}`;
}

import { catalogs, type TLanguage } from '@convene/shared';
import i18next, { type TFunction } from 'i18next';

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(Object.entries(catalogs).map(([lang, catalog]) => [lang, { translation: catalog }])),
  fallbackLng: 'en',
  initAsync: false,
  // Text parts are plain; the HTML layout escapes every value itself.
  interpolation: { escapeValue: false },
});

const translators = new Map<TLanguage, TFunction>();

/** A translator for one language, from the shared catalogs (one per language, kept). */
export function translatorFor(language: TLanguage): TFunction {
  let t = translators.get(language);
  if (!t) translators.set(language, (t = instance.getFixedT(language)));
  return t;
}

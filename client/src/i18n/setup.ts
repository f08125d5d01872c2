import { catalogs, LANGUAGES, textDirection, ZLanguage, type TLanguage } from '@convene/shared';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readPreference, writePreference } from './storage';

const LANGUAGE_KEY = 'convene.lang';

/**
 * A language named in itself ("Français", "العربية"), so readers find theirs whatever the
 * page language. From Intl, so a language added to the catalogs is named without code here.
 */
export function endonym(language: TLanguage): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
    return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
  } catch {
    return language;
  }
}

/** The language a tag names, if it has a catalog ("AR" and "ar" alike). */
export function asLanguage(value: string | null | undefined): TLanguage | undefined {
  if (!value) return undefined;
  const parsed = ZLanguage.safeParse(value.toLowerCase());
  return parsed.success ? parsed.data : undefined;
}

/** ?lang= (links in emails carry it), then the stored choice, then the browser's languages. */
export function detectLanguage(): TLanguage {
  const fromQuery = asLanguage(new URLSearchParams(window.location.search).get('lang'));
  if (fromQuery) {
    writePreference(LANGUAGE_KEY, fromQuery);
    return fromQuery;
  }
  const stored = asLanguage(readPreference(LANGUAGE_KEY));
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    // "fr-CA" and "ar-EG" count as French and Arabic.
    const primary = asLanguage(tag.split('-')[0]);
    if (primary) return primary;
  }
  return 'en';
}

function applyToDocument(language: TLanguage): void {
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
}

/** Switches the UI language, remembers it and keeps a ?lang= in the address in step. */
export async function changeLanguage(language: TLanguage): Promise<void> {
  writePreference(LANGUAGE_KEY, language);
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', language);
    window.history.replaceState(window.history.state, '', url);
  }
  await i18next.changeLanguage(language);
}

/** Initialises i18next synchronously (resources are bundled), before the first render. */
export function setupI18n(): void {
  const language = detectLanguage();
  i18next.on('languageChanged', (lng) => applyToDocument(asLanguage(lng) ?? 'en'));
  void i18next.use(initReactI18next).init({
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: catalogs[l] }])),
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    defaultNS: 'translation',
    // React escapes; i18next must not escape twice.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  applyToDocument(language);
}

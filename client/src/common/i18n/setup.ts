import { isLanguage, textDirection, type Catalog, type TLanguage } from '@convene/shared';
import { loadCatalog } from '@convene/shared/i18n/load';
import { embeddedCatalog } from '../page-data';
import { setActiveLanguage } from './active-language';
import { readPreference, writeLanguageCookie, writePreference } from './storage';

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
  const lower = value.toLowerCase();
  return isLanguage(lower) ? lower : undefined;
}

/** Keeps a chosen language on the device, and tells the server so its next pages come in it. */
function rememberLanguage(language: TLanguage): void {
  writePreference(LANGUAGE_KEY, language);
  writeLanguageCookie(language);
}

/** ?lang= (links in emails carry it), then the stored choice, then the browser's languages. */
export function detectLanguage(): TLanguage {
  const fromQuery = asLanguage(new URLSearchParams(window.location.search).get('lang'));
  if (fromQuery) {
    rememberLanguage(fromQuery);
    return fromQuery;
  }
  const stored = asLanguage(readPreference(LANGUAGE_KEY));
  if (stored) {
    writeLanguageCookie(stored); // a choice kept before the cookie existed
    return stored;
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    // "fr-CA" and "ar-EG" count as French and Arabic.
    const primary = asLanguage(tag.split('-')[0]);
    if (primary) return primary;
  }
  return 'en';
}

/** Sets <html lang dir> and re-renders every translated component in the language. */
function activate(language: TLanguage, catalog: Catalog): void {
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
  setActiveLanguage(language, catalog);
}

// Each switch fetches a catalog: only the latest choice may win, whatever order they arrive in.
let latestSwitch = 0;

/**
 * Switches the UI language once its catalog is loaded, remembers it and keeps a ?lang= in
 * the address in step. Rejects, changing nothing, when the catalog cannot be fetched.
 */
export async function changeLanguage(language: TLanguage): Promise<void> {
  const thisSwitch = ++latestSwitch;
  const catalog = await loadCatalog(language);
  if (thisSwitch !== latestSwitch) return;
  rememberLanguage(language);
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', language);
    window.history.replaceState(window.history.state, '', url);
  }
  activate(language, catalog);
}

/**
 * Detects the language and loads its catalog (and only that one): await it before the first
 * render, so the page never shows keys or switches language under the reader.
 */
export async function setupI18n(): Promise<void> {
  const language = detectLanguage();
  // A page the server wrote carries the catalog of the language it chose the same way: no
  // catalog round trip before the first render. Another language (or no such page) loads it.
  activate(language, embeddedCatalog(language) ?? (await loadCatalog(language)));
}

import { LANGUAGE_COOKIE } from '@convene/shared';

/*
 * localStorage can throw (private browsing, storage disabled, quota): a preference that
 * cannot be kept must never break the page.
 */

/** The stored value of a key, or null when absent or storage is unusable. */
export function readPreference(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Keeps a value if storage is usable; silently does nothing otherwise. */
export function writePreference(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Nothing to do: the choice still holds for this visit.
  }
}

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language cookie the server writes pages by (server/src/client-pages/page-language.ts):
 * a stored choice in localStorage alone would reach only the client, after the page came in
 * another language.
 */
export function writeLanguageCookie(language: string): void {
  try {
    document.cookie = `${LANGUAGE_COOKIE}=${encodeURIComponent(language)}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax`;
  } catch {
    // Cookies disabled: the server falls back to Accept-Language.
  }
}

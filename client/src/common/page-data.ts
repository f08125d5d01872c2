import { PAGE_DATA_ID, type Catalog, type TLanguage, type TPageData } from '@convene/shared';

let data: TPageData | null | undefined;
const taken = new Set<string>();

/**
 * What the server wrote into this page (server/src/client-pages), read once. Null for a page
 * without it: the service worker's offline shell, or the Vite dev server.
 */
function pageData(): TPageData | null {
  if (data === undefined) {
    const element = document.getElementById(PAGE_DATA_ID);
    try {
      data = element?.textContent ? (JSON.parse(element.textContent) as TPageData) : null;
    } catch {
      data = null; // a truncated page: fetch as if there were nothing
    }
  }
  return data;
}

/** The catalog the page came with, when it is the one of `language`. */
export function embeddedCatalog(language: TLanguage): Catalog | undefined {
  const found = pageData();
  return found?.language === language ? found.catalog : undefined;
}

/**
 * The API answer for `path` the page came with, once: the first render shows it without a
 * request; anything later (a retry, coming back to the page) asks the API. It is what the
 * API sent at that moment, checked on the server with the same shared schema.
 */
export function takeEmbedded<T>(path: string): T | undefined {
  if (taken.has(path)) return undefined;
  taken.add(path);
  const found = pageData()?.api[path];
  return found === undefined ? undefined : (found as T);
}

/** Whether the page came with an answer for `path` that was not taken yet. */
export function hasEmbedded(path: string): boolean {
  return !taken.has(path) && pageData()?.api[path] !== undefined;
}

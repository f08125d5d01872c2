import type { TLanguage } from '../schemas/common.js';
import type { Catalog } from './en.js';

/*
 * What a server-written page carries for its first render (server/src/client-pages writes it,
 * client/src/common/page-data.ts reads it), so the client needs no request before it.
 */

/** The id of the `<script type="application/json">` element holding a TPageData. */
export const PAGE_DATA_ID = 'convene-page-data';

/** The cookie that tells the server the language a reader picked, so its pages come in it. */
export const LANGUAGE_COOKIE = 'convene_lang';

export type TPageData = {
  /** The page's language (also its <html lang>). */
  language: TLanguage;
  /** That language's page catalog. */
  catalog: Catalog;
  /** API answers by path (e.g. "/api/themes"), as the API would send them at that moment. */
  api: Record<string, unknown>;
};

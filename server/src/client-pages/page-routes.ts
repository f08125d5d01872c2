import { ZPrivacyFacts, ZPublicWebinarList, ZThemeList, type TLanguage } from '@convene/shared';
import type { AppContext } from '../context.js';
import { privacyFacts } from '../services/privacy/privacy-facts.js';
import { listThemes } from '../services/themes/list-themes.js';
import { listPublicWebinars } from '../services/webinars/list-public-webinars.js';

/**
 * What one page route needs on its first render, written into its HTML: the manifest keys
 * of its code (preloaded with the page instead of after the entry ran), and the API answers
 * it would fetch first, keyed by API path (the client takes them instead of requesting them).
 */
export type PageRoute = {
  chunks: (language: TLanguage) => string[];
  data?: (ctx: AppContext) => Promise<Record<string, unknown>>;
  /**
   * Kept out of search engines: sent with `X-Robots-Tag: noindex` and the robots meta in its
   * HTML, so a crawler sees it without running the app (whose runtime, Preact, does not
   * hoist a component's `<meta>` into <head> as React 19 did).
   */
  noindex?: true;
};

const page = (name: string) => `src/public/pages/${name}.tsx`;
/** The theme and calendar pages' own catalog (shared/src/i18n/resources), one per language. */
const resourcesCatalog = (language: TLanguage) => `../shared/src/i18n/resources/${language}.ts`;
/** The privacy notice's own catalog (shared/src/i18n/privacy), one per language. */
const privacyCatalog = (language: TLanguage) => `../shared/src/i18n/privacy/${language}.ts`;

const ROUTES: { match: (pathname: string) => boolean; route: PageRoute }[] = [
  {
    // The list is in the entry chunk; its webinars travel with the page.
    match: (p) => p === '/',
    route: {
      chunks: () => [],
      // Parsed with the API's own schema, so the client gets exactly what GET /api/webinars sends.
      data: async (ctx) => ({
        '/api/webinars': ZPublicWebinarList.parse({ webinars: await listPublicWebinars(ctx.db) }),
      }),
    },
  },
  {
    match: (p) => p === '/report' || p === '/report/',
    route: {
      chunks: () => [page('report-page')],
      data: async (ctx) => ({ '/api/themes': ZThemeList.parse({ themes: await listThemes(ctx.db) }) }),
    },
  },
  { match: (p) => p === '/report/status', route: { chunks: () => [page('receipt-page')] } },
  { match: (p) => p.startsWith('/webinars/'), route: { chunks: () => [page('webinar-page')] } },
  // Its link carries the registration's token, the only credential of the page.
  { match: (p) => p.startsWith('/manage/'), route: { chunks: () => [page('manage-page')], noindex: true } },
  {
    match: (p) => p.startsWith('/themes/'),
    route: { chunks: (language) => [page('theme-page'), resourcesCatalog(language)] },
  },
  {
    match: (p) => p === '/consultations',
    route: { chunks: (language) => [page('consultations-page'), resourcesCatalog(language)] },
  },
  {
    match: (p) => p === '/privacy',
    route: {
      chunks: (language) => [page('privacy-page'), privacyCatalog(language)],
      // Written into the page, so the notice states this deployment's controller and periods at once.
      data: async (ctx) => ({ '/api/privacy': ZPrivacyFacts.parse(privacyFacts(ctx.env)) }),
    },
  },
  {
    match: (p) => p === '/admin' || p.startsWith('/admin/'),
    route: { chunks: () => ['src/workspace/admin-workspace.tsx'] },
  },
];

const NOTHING: PageRoute = { chunks: () => [] };

/** The route a page path belongs to (unknown paths get the not-found page, in the entry). */
export function pageRoute(pathname: string): PageRoute {
  return ROUTES.find((r) => r.match(pathname))?.route ?? NOTHING;
}

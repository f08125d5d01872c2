import { PAGE_DATA_ID, textDirection, type Catalog, type TLanguage, type TPageData } from '@convene/shared';
import { chunkFiles, type ClientBuild } from './client-build.js';
import { embedJson } from './embed-json.js';

export type PageInput = {
  language: TLanguage;
  catalog: Catalog;
  /** Manifest keys of the route's code, preloaded with the page. */
  chunks: string[];
  api: Record<string, unknown>;
  /** Whether the path is the webinar list, whose heading the page shows before any script. */
  list: boolean;
  /** Whether the page asks not to be indexed (a robots meta in its head). */
  noindex?: boolean;
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What #root holds until the app's first render replaces it (React clears the container): the
 * list's heading and intro, or the "Loading…" status, in the page's language and styled by
 * the inlined CSS. A reader on a slow link sees the page begin as soon as the HTML is in.
 */
function shell(catalog: Catalog, list: boolean): string {
  const status = `<p role="status" class="status">${escapeHtml(catalog.webinars.loading)}</p>`;
  const heading = list
    ? `<h1>${escapeHtml(catalog.webinars.title)}</h1><p class="lead">${escapeHtml(catalog.webinars.intro)}</p>`
    : '';
  return `<main class="main">${heading}${status}</main>`;
}

const unique = (files: string[]) => [...new Set(files)];

function replaceOnce(html: string, search: string | RegExp, replacement: string): string {
  const found = typeof search === 'string' ? html.includes(search) : search.test(html);
  if (!found) throw new Error(`client/dist/index.html: ${String(search)} not found (was index.html changed?)`);
  return html.replace(search, () => replacement);
}

/**
 * One public page's HTML from the built index.html: lang and dir of the reader's language,
 * the entry's CSS inlined (no stylesheet round trip before the first paint), the route's
 * chunks preloaded (they download with the entry, not after it ran), and the catalog and
 * API answers the first render needs embedded as JSON. Returns the CSP hashes of the inline
 * styles, which the response's policy must allow.
 */
export function renderPage(build: ClientBuild, input: PageInput): { html: string; styleHashes: string[] } {
  let html = replaceOnce(
    build.html,
    /<html lang="[^"]*" dir="[^"]*">/,
    `<html lang="${input.language}" dir="${textDirection(input.language)}">`,
  );
  for (const css of build.entryCss) {
    html = replaceOnce(
      html,
      new RegExp(`<link rel="stylesheet"[^>]*href="/${css.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`),
      `<style data-inline="${css.file}">${css.text}</style>`,
    );
  }

  if (input.noindex) html = replaceOnce(html, '</head>', `<meta name="robots" content="noindex">\n  </head>`);

  const preloads = input.chunks.map((key) => chunkFiles(build, key));
  const links = [
    ...unique(preloads.flatMap((p) => p.js)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
    // "preload", not "stylesheet": a route's CSS must not hold the first paint of the shell.
    ...unique(preloads.flatMap((p) => p.css)).map((f) => `<link rel="preload" as="style" crossorigin href="/${f}">`),
  ];
  if (links.length > 0) html = replaceOnce(html, '</head>', `${links.join('\n    ')}\n  </head>`);

  html = replaceOnce(html, '<div id="root"></div>', `<div id="root">${shell(input.catalog, input.list)}</div>`);
  const data: TPageData = { language: input.language, catalog: input.catalog, api: input.api };
  html = replaceOnce(
    html,
    '</body>',
    `<script type="application/json" id="${PAGE_DATA_ID}">${embedJson(data)}</script>\n  </body>`,
  );
  return { html, styleHashes: build.entryCss.map((css) => css.hash) };
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped bytes of a page's static first load, and the files (relative to dist) counted. */
export type FirstLoadBytes = { js: number; css: number; total: number; files: string[] };

/** The gzip size (level 9, as a server would compress a static file) of one built file. */
export async function gzipBytes(file: string): Promise<number> {
  return gzipSync(await readFile(file), { level: 9 }).length;
}

// Vite writes one tag per line with double quotes; single and bare values are read too.
const TAG = /<(script|link)\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, double, single, bare] of source.matchAll(ATTRIBUTE)) {
    attributes.set(name!.toLowerCase(), double ?? single ?? bare ?? '');
  }
  return attributes;
}

/** "/assets/index-x.js" or "assets/index-x.js" → the file in distDir; null for another origin. */
function localFile(distDir: string, url: string): string | null {
  if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url) || url.startsWith('data:')) return null;
  const pathname = url.split(/[?#]/)[0]!.replace(/^\/+/, '');
  return path.join(distDir, decodeURIComponent(pathname));
}

/**
 * What a built page downloads before any of its code runs, gzipped: the entry
 * `<script type="module" src>`, every `<link rel="modulepreload">` and `<link rel="stylesheet">`
 * of `htmlFile`. Chunks loaded later with import() are not counted: the active language's
 * catalog (awaited before the first render), a lazy route's page and the zod chunk it pulls —
 * a caller measuring one page adds those with gzipBytes().
 */
export async function publicFirstLoadGzipBytes(distDir: string, htmlFile = 'index.html'): Promise<FirstLoadBytes> {
  const html = await readFile(path.join(distDir, htmlFile), 'utf8');
  const js = new Set<string>();
  const css = new Set<string>();
  for (const [, tag, source] of html.matchAll(TAG)) {
    const attributes = attributesOf(source!);
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    const url =
      tag!.toLowerCase() === 'script'
        ? attributes.get('type') === 'module'
          ? attributes.get('src')
          : undefined
        : rel.includes('modulepreload') || rel.includes('stylesheet')
          ? attributes.get('href')
          : undefined;
    const file = url ? localFile(distDir, url) : null;
    if (!file) continue;
    (rel.includes('stylesheet') ? css : js).add(file);
  }
  if (js.size === 0) throw new Error(`${htmlFile} in ${distDir} has no <script type="module" src>: not a Vite build?`);

  const sum = async (files: Set<string>) =>
    (await Promise.all([...files].map((file) => gzipBytes(file)))).reduce((a, b) => a + b, 0);
  const [jsBytes, cssBytes] = await Promise.all([sum(js), sum(css)]);
  return {
    js: jsBytes,
    css: cssBytes,
    total: jsBytes + cssBytes,
    files: [...js, ...css].map((file) => path.relative(distDir, file)),
  };
}

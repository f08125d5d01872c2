import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** One chunk of Vite's manifest (build.manifest: true), as far as the page writer reads it. */
type ManifestChunk = { file: string; imports?: string[]; css?: string[] };
type Manifest = Record<string, ManifestChunk>;

/** The built client as the page writer needs it, read once per build. */
export type ClientBuild = {
  /** index.html as Vite wrote it. */
  html: string;
  /** Files (dist-relative, "assets/x.js") the built index.html already loads. */
  loadedByIndex: Set<string>;
  /** The entry's stylesheets, inlined into every page: dist-relative file → its text. */
  entryCss: { file: string; text: string; hash: string }[];
  manifest: Manifest;
};

/** The CSP source of an inline element's text ('sha256-…'). */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const LOADED = /<(?:script|link)\b[^>]*\b(?:src|href)="\/([^"]+)"/g;

function read(dist: string): ClientBuild {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entry = manifest['index.html'];
  if (!entry) throw new Error(`${dist}/.vite/manifest.json has no index.html entry: not a Vite build?`);
  const entryCss = (entry.css ?? []).map((file) => {
    const text = readFileSync(path.join(dist, file), 'utf8');
    return { file, text, hash: cspHash(text) };
  });
  return { html, manifest, entryCss, loadedByIndex: new Set([...html.matchAll(LOADED)].map((m) => m[1]!)) };
}

/**
 * Reads client/dist once, and again whenever index.html changes (a rebuild under a running
 * server, as `npm start` and the tests do): a page must never name chunks that are gone.
 * Returns null while there is no build.
 */
export function clientBuildReader(dist: string): () => ClientBuild | null {
  let cached: { mtimeMs: number; build: ClientBuild } | null = null;
  return () => {
    const stat = statSync(path.join(dist, 'index.html'), { throwIfNoEntry: false });
    if (!stat) return null;
    if (cached?.mtimeMs !== stat.mtimeMs) cached = { mtimeMs: stat.mtimeMs, build: read(dist) };
    return cached.build;
  };
}

/**
 * The files a manifest entry needs before it runs: its own file, its static imports
 * (recursively) and their stylesheets, less what index.html loads already.
 */
export function chunkFiles(build: ClientBuild, key: string): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (name: string) => {
    const chunk = build.manifest[name];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  const fresh = (file: string) => !build.loadedByIndex.has(file);
  return { js: [...js].filter(fresh), css: [...css].filter(fresh) };
}

import type { TLanguage } from '../schemas/common.js';
import type { Catalog } from './en.js';

/*
 * One catalog at a time, for the browser: each language is its own chunk, fetched when it is
 * needed, so a reader downloads one catalog instead of all of them. Node code keeps the
 * synchronous `catalogs` record from the package root.
 */
const loaders: Record<TLanguage, () => Promise<Catalog>> = {
  en: () => import('./en.js').then((m) => m.en),
  fr: () => import('./fr.js').then((m) => m.fr),
  es: () => import('./es.js').then((m) => m.es),
  ar: () => import('./ar.js').then((m) => m.ar),
};

/** The catalog of one language, loaded on demand (a separate chunk in the client build). */
export function loadCatalog(language: TLanguage): Promise<Catalog> {
  return loaders[language]();
}

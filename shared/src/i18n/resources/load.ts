import type { TLanguage } from '../../schemas/common.js';
import type { ResourcesCatalog } from './en.js';

export type { ResourcesCatalog } from './en.js';

/*
 * The theme pages' and consultation calendar's texts, one language at a time: each its own
 * chunk in the client build, fetched by those pages only.
 */
const loaders: Record<TLanguage, () => Promise<ResourcesCatalog>> = {
  en: () => import('./en.js').then((m) => m.enResources),
  fr: () => import('./fr.js').then((m) => m.frResources),
  es: () => import('./es.js').then((m) => m.esResources),
  ar: () => import('./ar.js').then((m) => m.arResources),
};

/** The public resources' texts of one language, loaded on demand. */
export function loadResourcesCatalog(language: TLanguage): Promise<ResourcesCatalog> {
  return loaders[language]();
}

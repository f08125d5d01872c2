import type { TLanguage } from '../../schemas/common.js';
import type { AdminCatalog } from './en.js';

export type { AdminCatalog } from './en.js';

/*
 * The coordinator workspace's texts, one language at a time: each is its own chunk in the
 * client build, fetched by the workspace only, so public pages never carry them.
 */
const loaders: Record<TLanguage, () => Promise<AdminCatalog>> = {
  en: () => import('./en.js').then((m) => m.enAdmin),
  fr: () => import('./fr.js').then((m) => m.frAdmin),
  es: () => import('./es.js').then((m) => m.esAdmin),
  ar: () => import('./ar.js').then((m) => m.arAdmin),
};

/** The workspace texts of one language, loaded on demand. */
export function loadAdminCatalog(language: TLanguage): Promise<AdminCatalog> {
  return loaders[language]();
}

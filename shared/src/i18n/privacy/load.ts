import type { TLanguage } from '../../schemas/common.js';
import type { PrivacyCatalog } from './en.js';

export type { PrivacyCatalog } from './en.js';

/* The privacy notice's texts, one language at a time: each its own chunk, fetched by /privacy only. */
const loaders: Record<TLanguage, () => Promise<PrivacyCatalog>> = {
  en: () => import('./en.js').then((m) => m.enPrivacy),
  fr: () => import('./fr.js').then((m) => m.frPrivacy),
  es: () => import('./es.js').then((m) => m.esPrivacy),
  ar: () => import('./ar.js').then((m) => m.arPrivacy),
};

/** The privacy notice's texts of one language, loaded on demand. */
export function loadPrivacyCatalog(language: TLanguage): Promise<PrivacyCatalog> {
  return loaders[language]();
}

import type { TLanguage } from '../../schemas/common.js';
import { arPrivacy } from './ar.js';
import { enPrivacy, type PrivacyCatalog } from './en.js';
import { esPrivacy } from './es.js';
import { frPrivacy } from './fr.js';

export type { PrivacyCatalog } from './en.js';

/** Every language's privacy notice at once: for Node (tests). */
export const privacyCatalogs: Record<TLanguage, PrivacyCatalog> = {
  en: enPrivacy,
  fr: frPrivacy,
  es: esPrivacy,
  ar: arPrivacy,
};

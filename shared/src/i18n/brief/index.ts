import type { TLanguage } from '../../schemas/common.js';
import { arBrief } from './ar.js';
import { enBrief, type BriefCatalog } from './en.js';
import { esBrief } from './es.js';
import { frBrief } from './fr.js';

export type { BriefCatalog } from './en.js';

/** The brief exports' texts, by language (Node only: exports are rendered by the server). */
export const briefCatalogs: Record<TLanguage, BriefCatalog> = { en: enBrief, fr: frBrief, es: esBrief, ar: arBrief };

import type { TLanguage } from '../../schemas/common.js';
import { arResources } from './ar.js';
import { enResources, type ResourcesCatalog } from './en.js';
import { esResources } from './es.js';
import { frResources } from './fr.js';

export type { ResourcesCatalog } from './en.js';

/** Every language's public resources texts at once: for Node (the iCalendar feeds). */
export const resourcesCatalogs: Record<TLanguage, ResourcesCatalog> = {
  en: enResources,
  fr: frResources,
  es: esResources,
  ar: arResources,
};

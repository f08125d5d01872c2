import type { TLanguage } from '../schemas/common.js';
import type { TThemeSubtopic } from '../schemas/theme.js';
import { ar } from '../i18n/ar.js';
import { en } from '../i18n/en.js';
import { es } from '../i18n/es.js';
import { fr } from '../i18n/fr.js';
import { THEME_KEYWORDS } from './keywords.js';
import { SEED_THEMES } from './seed.js';
import { subtopicsOf } from './subtopics.js';

const SUBTOPIC_NAMES: Record<TLanguage, Record<string, string>> = {
  en: en.report.subtopics,
  fr: fr.report.subtopics,
  es: es.report.subtopics,
  ar: ar.report.subtopics,
};

/**
 * What the database holds for a seed theme before any admin edits it: its sub-topics named
 * from the catalogs (report.subtopics.*) and its suggestion keywords. Themes outside the seed
 * taxonomy (or the orientation) get empty lists, never null: null means "not seeded yet".
 */
export function seedThemeContent(slug: string): {
  subtopics: TThemeSubtopic[];
  keywords: Partial<Record<TLanguage, string[]>>;
} {
  const subtopics = subtopicsOf(slug).map((subtopic) => ({
    slug: subtopic,
    name: Object.fromEntries(
      (Object.keys(SUBTOPIC_NAMES) as TLanguage[]).flatMap((language) => {
        const name = SUBTOPIC_NAMES[language][subtopic];
        return name ? [[language, name]] : [];
      }),
    ),
  }));
  const lists = THEME_KEYWORDS[slug] ?? {};
  const keywords = Object.fromEntries(Object.entries(lists).map(([language, list]) => [language, [...list]]));
  return { subtopics, keywords };
}

/** The seed taxonomy as table rows: the orientation does not take reports. */
export function seedThemeRows() {
  return SEED_THEMES.map((theme) => ({
    ...theme,
    takesReports: theme.kind !== 'orientation',
    ...seedThemeContent(theme.slug),
  }));
}

/**
 * Sub-topics of each consultation theme of the seed taxonomy. Their labels are catalog
 * keys (report.subtopics.<slug>), so they read in every language. A theme a coordinator
 * adds later simply has none.
 */
export const THEME_SUBTOPICS: Readonly<Record<string, readonly string[]>> = {
  'human-rights-inclusion': ['access-to-services', 'discrimination', 'detention', 'access-to-justice', 'health'],
  'drivers-of-migration': ['climate-disasters', 'conflict-violence', 'poverty-livelihoods', 'governance'],
  'cooperation-governance': ['return-readmission', 'border-management', 'consular-protection', 'data-policy'],
  'contributions-development': ['remittances', 'skills-recognition', 'diaspora-investment', 'labour-mobility'],
  'smuggling-trafficking': ['trafficking', 'smuggling', 'forced-labour', 'victim-protection'],
  'irregular-migration-pathways': [
    'regularization',
    'visas-permits',
    'family-reunification',
    'missing-migrants',
    'documents-identity',
  ],
};

/** Every sub-topic slug, for the catalog type check. */
export const ALL_SUBTOPICS = [...new Set(Object.values(THEME_SUBTOPICS).flat())];

/** The sub-topics of a theme (none for a theme outside the seed taxonomy). */
export function subtopicsOf(themeSlug: string): readonly string[] {
  return THEME_SUBTOPICS[themeSlug] ?? [];
}

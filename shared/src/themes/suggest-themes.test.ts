import { describe, expect, it } from '@jest/globals';
import { THEME_KEYWORDS } from './keywords.js';
import { createThemeSuggester } from './suggest-themes.js';

// The seed lists, as the database holds them after the first start.
const seeded = createThemeSuggester(THEME_KEYWORDS);
const slugs = (text: string, exclude: string[] = []) => seeded(text, exclude).map((s) => s.slug);

describe('createThemeSuggester', () => {
  it('suggests themes from keywords in each catalog language, whatever the accents and case', () => {
    expect(slugs('Many were DETAINED and faced racism at the hospital')[0]).toBe('human-rights-inclusion');
    expect(slugs('Les passeurs exigent une rançon ; travail forcé dans les champs')[0]).toBe('smuggling-trafficking');
    expect(slugs('Sin papeles no hay permiso de trabajo ni regularización')[0]).toBe('irregular-migration-pathways');
    expect(slugs('الجفاف والفقر يدفعان الشباب إلى الهجرة')[0]).toBe('drivers-of-migration');
  });

  it('matches Arabic keywords with attached articles and prepositions, and without vowel marks', () => {
    expect(slugs('تعرضوا للاحتجاز التعسفي')).toContain('human-rights-inclusion');
    expect(slugs('وبالاتِّجار بالبشر')).toContain('smuggling-trafficking');
  });

  it('says which words led to a suggestion, ranks by how many, and leaves out themes already chosen', () => {
    const [first] = seeded('deportation, pushbacks at the border control post, no consulate help');
    expect(first).toMatchObject({ slug: 'cooperation-governance' });
    expect(first!.matches).toEqual(expect.arrayContaining(['deport', 'pushback', 'consulate']));
    expect(slugs('deportation and pushbacks', ['cooperation-governance'])).not.toContain('cooperation-governance');
  });

  it('suggests nothing for text without keywords, and does not match inside unrelated words', () => {
    expect(slugs('We met on Tuesday.')).toEqual([]);
    expect(slugs('ok')).toEqual([]);
    // "traitement" (treatment) is not "traite" (trafficking); "warning" is not "war".
    expect(slugs('Le traitement médical, a warning')).not.toContain('smuggling-trafficking');
  });

  it('uses only the lists it is given: a keyword added to a theme makes it suggested, a removed one no longer', () => {
    const before = createThemeSuggester({ 'urban-integration': { en: ['tenancy'] }, other: { fr: ['loyer'] } });
    expect(before('Tenancy rules and evictions').map((s) => s.slug)).toEqual(['urban-integration']);
    expect(before('evictions everywhere')).toEqual([]);
    // The same text against edited lists: "eviction" added in English, "tenancy" removed.
    const after = createThemeSuggester({ 'urban-integration': { en: ['evict'] }, other: { fr: ['loyer'] } });
    expect(after('Tenancy rules and evictions')).toEqual([{ slug: 'urban-integration', score: 1, matches: ['evict'] }]);
    expect(after('Le loyer est trop cher').map((s) => s.slug)).toEqual(['other']);
    // Themes and languages without lists, and keywords that fold to nothing, match nothing.
    const sparse = createThemeSuggester({ empty: {}, blank: { en: ['  ', '—'] } });
    expect(sparse('anything at all — really')).toEqual([]);
  });
});

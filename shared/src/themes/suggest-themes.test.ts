import { describe, expect, it } from '@jest/globals';
import { suggestThemes } from './suggest-themes.js';

const slugs = (text: string, exclude: string[] = []) => suggestThemes(text, exclude).map((s) => s.slug);

describe('suggestThemes', () => {
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
    const [first] = suggestThemes('deportation, pushbacks at the border control post, no consulate help');
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
});

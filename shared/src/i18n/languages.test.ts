import { describe, expect, it } from '@jest/globals';
import { LANGUAGES, RTL_LANGUAGES, ZLanguage } from '../schemas/common.js';
import { catalogs } from './index.js';
import { CATALOG_LANGUAGES, isLanguage, textDirection } from './languages.js';
import { loadCatalog } from './load.js';

describe('the zod-free language list', () => {
  it('names the same languages as LANGUAGES, in the same order', () => {
    expect(CATALOG_LANGUAGES).toEqual(LANGUAGES);
  });

  it('gives right-to-left exactly to RTL_LANGUAGES', () => {
    const rtl = CATALOG_LANGUAGES.filter((l) => textDirection(l) === 'rtl');
    expect(rtl).toEqual([...RTL_LANGUAGES]);
  });

  it('accepts what ZLanguage accepts and nothing else', () => {
    for (const value of [...LANGUAGES, 'EN', 'de', '', 'toString', '__proto__', 1, null, undefined]) {
      expect(isLanguage(value)).toBe(ZLanguage.safeParse(value).success);
    }
  });
});

describe('loadCatalog', () => {
  it('loads the page texts of the catalogs record, without the email texts, for every language', async () => {
    for (const language of LANGUAGES) {
      const { email, ...pages } = catalogs[language];
      const loaded = await loadCatalog(language);
      expect(loaded).toEqual(pages);
      expect(loaded).not.toHaveProperty('email');
      expect(Object.keys(email).length).toBeGreaterThan(0);
    }
  });
});

import { describe, expect, it } from '@jest/globals';
import { LANGUAGES } from '../../schemas/common.js';
import { enAdmin } from './en.js';
import { loadAdminCatalog } from './load.js';

type Tree = { [key: string]: string | Tree };

/** "overview.coverage.title" → its text, for every text of a catalog. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the coordinator workspace catalogs', () => {
  const reference = leaves(enAdmin as unknown as Tree);

  it.each(LANGUAGES)('%s has every English key, each text non-empty with the same placeholders', async (language) => {
    const catalog = leaves((await loadAdminCatalog(language)) as unknown as Tree);
    expect([...catalog.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, text] of catalog) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(text) }).toEqual({
        key,
        placeholders: placeholders(reference.get(key)!),
      });
    }
  });
});

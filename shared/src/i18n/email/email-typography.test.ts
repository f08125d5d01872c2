import { describe, expect, it } from '@jest/globals';
import { frEmail } from './fr.js';

/** Every string of a catalog, with its key path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => strings(v, path ? `${path}.${key}` : key));
  }
  return [];
}

// A no-break space (U+00A0) or a narrow no-break space (U+202F).
const NO_BREAK = '[\\u00a0\\u202f]';

describe('French email texts', () => {
  const texts = strings(frEmail);

  it('has texts to check', () => {
    expect(texts.length).toBeGreaterThan(20);
  });

  it('puts a no-break space before every colon, semicolon, exclamation and question mark', () => {
    // French typography: the space before a "high" punctuation mark never breaks; an
    // ordinary space, or none, is wrong (a line may then start with the colon).
    const wrong = texts.filter(([, text]) => new RegExp(`(^|(?!${NO_BREAK}).)[:;!?]`, 'u').test(text));
    expect(wrong).toEqual([]);
  });

  it('puts a no-break space inside the guillemets', () => {
    const wrong = texts.filter(
      ([, text]) => new RegExp(`«(?!${NO_BREAK})`, 'u').test(text) || new RegExp(`(?<!${NO_BREAK})»`, 'u').test(text),
    );
    expect(wrong).toEqual([]);
  });
});

import { THEME_KEYWORDS } from './keywords.js';

export type ThemeSuggestion = {
  slug: string;
  /** Distinct keywords found; more means a stronger hint. */
  score: number;
  /** The keywords as written in the list, to say why the theme is suggested. */
  matches: string[];
};

/**
 * Folds text for matching: lower case, no accents or Arabic vowel marks, the usual
 * Arabic letter variants merged, anything that is not a letter or digit turned into a
 * space. "Détention", "detention" and "DETENCIÓN" meet their keywords whatever the typing.
 */
export function foldForMatching(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/ـ/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

type Compiled = { slug: string; keyword: string; folded: string; anywhere: boolean };

// Arabic attaches articles and prepositions to the word (الاحتجاز، بالاحتجاز), so its
// keywords match inside a word; elsewhere a keyword is the start of a word, which lets a
// stem such as "discrimin" cover its forms.
const ARABIC = /[\u0600-\u06ff]/;

let compiled: Compiled[] | null = null;
function keywords(): Compiled[] {
  compiled ??= Object.entries(THEME_KEYWORDS).flatMap(([slug, byLanguage]) =>
    Object.values(byLanguage).flatMap((list) =>
      list.map((keyword) => ({
        slug,
        keyword,
        folded: foldForMatching(keyword).trim(),
        anywhere: ARABIC.test(keyword),
      })),
    ),
  );
  return compiled;
}

/**
 * Themes the text seems to be about, strongest first, from the multilingual keyword lists
 * (deterministic, on the device, no service). Keywords of every language are tried: people
 * mix languages. `exclude` drops themes already on the report.
 */
export function suggestThemes(text: string, exclude: Iterable<string> = [], limit = 3): ThemeSuggestion[] {
  const folded = foldForMatching(text);
  if (folded.trim().length < 3) return [];
  const skip = new Set(exclude);
  const found = new Map<string, Set<string>>();
  for (const k of keywords()) {
    if (skip.has(k.slug)) continue;
    const hit = k.anywhere ? folded.includes(k.folded) : folded.includes(` ${k.folded}`);
    if (!hit) continue;
    const matches = found.get(k.slug) ?? new Set<string>();
    matches.add(k.keyword);
    found.set(k.slug, matches);
  }
  return [...found.entries()]
    .map(([slug, matches]) => ({ slug, score: matches.size, matches: [...matches] }))
    .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug))
    .slice(0, limit);
}

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

/** Keyword lists by theme slug, then by language (the shape GET /api/themes/keywords answers). */
export type KeywordLists = Readonly<Record<string, Readonly<Partial<Record<string, readonly string[]>>>>>;

export type ThemeSuggester = (text: string, exclude?: Iterable<string>, limit?: number) => ThemeSuggestion[];

// Arabic attaches articles and prepositions to the word (الاحتجاز، بالاحتجاز), so its
// keywords match inside a word; elsewhere a keyword is the start of a word, which lets a
// stem such as "discrimin" cover its forms.
const ARABIC = /[\u0600-\u06ff]/;

/**
 * A matcher for the given keyword lists (they come from the database, edited by admins).
 * The lists are folded once here, not on every keystroke. Keywords of every language are
 * tried: people mix languages. The matcher gives the themes the text seems to be about,
 * strongest first (deterministic, on the device, no service); `exclude` drops themes
 * already on the report.
 */
export function createThemeSuggester(lists: KeywordLists): ThemeSuggester {
  const compiled: Compiled[] = Object.entries(lists).flatMap(([slug, byLanguage]) =>
    Object.values(byLanguage).flatMap((list) =>
      (list ?? []).flatMap((keyword) => {
        const folded = foldForMatching(keyword).trim();
        // A keyword that folds to nothing (punctuation only) would match every text.
        return folded.length === 0 ? [] : [{ slug, keyword, folded, anywhere: ARABIC.test(keyword) }];
      }),
    ),
  );
  return (text, exclude = [], limit = 3) => {
    const folded = foldForMatching(text);
    if (folded.trim().length < 3) return [];
    const skip = new Set(exclude);
    const found = new Map<string, Set<string>>();
    for (const k of compiled) {
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
  };
}

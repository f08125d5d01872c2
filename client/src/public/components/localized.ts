import { pickLocalized, textDirection, type TLanguage, type TLocalizedText } from '@convene/shared';

/**
 * The text for the reader plus the lang/dir attributes of the language it is really in, so a
 * title that falls back to English in the Arabic UI is read and laid out as English.
 */
export function localized(
  text: TLocalizedText,
  language: TLanguage,
): { text: string; lang: TLanguage; dir: 'ltr' | 'rtl' } {
  const actual: TLanguage =
    text[language] !== undefined
      ? language
      : text.en !== undefined
        ? 'en'
        : ((Object.keys(text) as TLanguage[]).find((l) => text[l] !== undefined) ?? language);
  return { text: pickLocalized(text, language), lang: actual, dir: textDirection(actual) };
}

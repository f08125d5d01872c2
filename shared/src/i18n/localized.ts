import type { TLanguage, TLocalizedText } from '../schemas/common.js';

/** The text in the reader's language, else English, else whatever language there is. */
export function pickLocalized(text: TLocalizedText, language: TLanguage): string {
  return text[language] ?? text.en ?? Object.values(text).find((v) => v !== undefined) ?? '';
}

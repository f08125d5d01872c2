import { createThemeSuggester, type ThemeSuggester } from '@convene/shared/themes/suggest';
import { fetchThemeKeywords } from '../../api/theme-keywords';

/**
 * The matcher over the keyword lists of the database. Loaded on demand (this module and the
 * lists), once the reporter starts writing. Rejects when neither the network nor the device
 * has the lists, so that a later keystroke tries again.
 */
export async function loadThemeSuggester(): Promise<ThemeSuggester> {
  const result = await fetchThemeKeywords();
  if (!result.ok) throw new Error(`keywords: ${result.error.code}`);
  return createThemeSuggester(result.data.keywords);
}

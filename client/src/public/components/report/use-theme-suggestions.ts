import type { ThemeSuggester, ThemeSuggestion } from '@convene/shared';
import { useEffect, useMemo, useState } from 'react';

let suggest: ThemeSuggester | null = null;
let loading: Promise<void> | null = null;

/**
 * Theme suggestions for what the reporter wrote. The keyword lists (every language, as
 * admins keep them in the database) and the matcher are fetched once the reporter starts
 * writing, not with the form: they are not needed to open it, and the first load has a
 * budget (README "Client bundle budget"). They are fetched once per page load: an admin's
 * edit reaches the next form opened.
 */
export function useThemeSuggestions(text: string, exclude: ReadonlySet<string>): ThemeSuggestion[] {
  const [ready, setReady] = useState(suggest !== null);
  const writing = text.trim().length > 0;

  useEffect(() => {
    if (ready || !writing) return;
    loading ??= import('./theme-suggester')
      .then((module) => module.loadThemeSuggester())
      .then((suggester) => {
        suggest = suggester;
      });
    let current = true;
    loading.then(
      () => current && setReady(true),
      () => {
        // Offline before the chunk or the lists were kept: no suggestions, and a later keystroke tries again.
        loading = null;
      },
    );
    return () => {
      current = false;
    };
  }, [ready, writing, text]);

  return useMemo(() => (ready && suggest ? suggest(text, exclude) : []), [ready, text, exclude]);
}

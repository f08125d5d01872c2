import type { ThemeSuggestion } from '@convene/shared';
import { useEffect, useMemo, useState } from 'react';

type Suggest = (text: string, exclude: Iterable<string>) => ThemeSuggestion[];

let suggest: Suggest | null = null;
let loading: Promise<void> | null = null;

/**
 * Theme suggestions for what the reporter wrote. The keyword lists (every language) are
 * fetched once the reporter starts writing, not with the form: they are not needed to
 * open it, and the first load has a budget (README "Client bundle budget").
 */
export function useThemeSuggestions(text: string, exclude: ReadonlySet<string>): ThemeSuggestion[] {
  const [ready, setReady] = useState(suggest !== null);
  const writing = text.trim().length > 0;

  useEffect(() => {
    if (ready || !writing) return;
    loading ??= import('@convene/shared/themes/suggest').then((module) => {
      suggest = module.suggestThemes;
    });
    let current = true;
    loading.then(
      () => current && setReady(true),
      () => {
        // Offline before the chunk was cached: no suggestions, and a later keystroke tries again.
        loading = null;
      },
    );
    return () => {
      current = false;
    };
  }, [ready, writing, text]);

  return useMemo(() => (ready && suggest ? suggest(text, exclude) : []), [ready, text, exclude]);
}

import type { TAdminTheme } from '@convene/shared';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../common/api/http';
import { getThemes } from '../api/endpoints';

export type ThemesState =
  { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ok'; data: TAdminTheme[] };

let cached: TAdminTheme[] | undefined;
let pending: Promise<ThemesState> | undefined;
const listeners = new Set<(themes: TAdminTheme[]) => void>();

/** The taxonomy, fetched once for the whole workspace (every page names themes). */
function loadThemes(): Promise<ThemesState> {
  pending ??= getThemes().then((result) => {
    if (result.ok) {
      cached = result.data.themes;
      return { state: 'ok', data: cached };
    }
    pending = undefined; // the next page that needs them tries again
    return { state: 'failed', error: result.error };
  });
  return pending;
}

/** The taxonomy editor saved: every page of this workspace names themes as they now are. */
export function replaceThemes(themes: TAdminTheme[]): void {
  cached = themes;
  pending = Promise.resolve({ state: 'ok', data: themes });
  for (const listener of listeners) listener(themes);
}

export function useThemes(): ThemesState {
  const [state, setState] = useState<ThemesState>(() =>
    cached ? { state: 'ok', data: cached } : { state: 'loading' },
  );
  useEffect(() => {
    let live = true;
    const listener = (themes: TAdminTheme[]) => setState({ state: 'ok', data: themes });
    listeners.add(listener);
    if (!cached) {
      loadThemes().then((next) => {
        if (live) setState(next);
      });
    }
    return () => {
      live = false;
      listeners.delete(listener);
    };
  }, []);
  return state;
}

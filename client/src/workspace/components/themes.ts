import type { TTheme } from '@convene/shared';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../common/api/http';
import { getThemes } from '../api/endpoints';

export type ThemesState = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ok'; data: TTheme[] };

let cached: TTheme[] | undefined;
let pending: Promise<ThemesState> | undefined;

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

export function useThemes(): ThemesState {
  const [state, setState] = useState<ThemesState>(() =>
    cached ? { state: 'ok', data: cached } : { state: 'loading' },
  );
  useEffect(() => {
    if (cached) return;
    let live = true;
    loadThemes().then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}

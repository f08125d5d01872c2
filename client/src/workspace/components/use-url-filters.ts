import { useCallback, useMemo } from 'react';
import { useLocation } from 'wouter';
import type { FilterValues } from './filter-bar';
import { useSearch } from './navigation';

/**
 * Filters kept in the address (`/contacts?country=SN`), so that a filtered list can be shared,
 * reloaded and left with Back. Only `keys` are read; applying drops the page number.
 */
export function useUrlFilters(
  path: string,
  keys: readonly string[],
): { values: FilterValues; search: string; apply: (values: FilterValues) => void } {
  const search = useSearch();
  const [, navigate] = useLocation();
  const keyList = keys.join(',');
  const values = useMemo(() => {
    const params = new URLSearchParams(search);
    const out: FilterValues = {};
    for (const key of keyList.split(',')) {
      const value = params.get(key)?.trim();
      if (value) out[key] = value;
    }
    return out;
  }, [search, keyList]);
  const apply = useCallback(
    (next: FilterValues) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(next)) if (value) params.set(key, value);
      const text = params.toString();
      navigate(text ? `${path}?${text}` : path);
    },
    [navigate, path],
  );
  return { values, search, apply };
}

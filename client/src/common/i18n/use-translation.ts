import type { TLanguage } from '@convene/shared';
import { useCallback, useSyncExternalStore } from 'react';
import { getActiveLanguage, subscribeToLanguage } from './active-language';
import { translate, type TFunction } from './translate';

/**
 * `const { t } = useTranslation()`: t in the current UI language, typed against the
 * catalog's keys. The component re-renders when the language changes.
 */
export function useTranslation(): { t: TFunction; language: TLanguage } {
  const { language, catalog } = useSyncExternalStore(subscribeToLanguage, getActiveLanguage);
  const t = useCallback<TFunction>((key, vars) => translate(catalog, key, vars), [catalog]);
  return { t, language };
}

import type { TLanguage } from '@convene/shared';
import { useTranslation } from '../../common/i18n/use-translation';

/** The current UI language; components using it re-render when it changes. */
export function useLanguage(): TLanguage {
  return useTranslation().language;
}

import type { TLanguage } from '@convene/shared';
import { useTranslation } from 'react-i18next';
import { asLanguage } from '../i18n/setup';

/** The current UI language; components using it re-render when it changes. */
export function useLanguage(): TLanguage {
  const { i18n } = useTranslation();
  return asLanguage(i18n.resolvedLanguage ?? i18n.language) ?? 'en';
}

import type { Catalog } from '@convene/shared';

// Typed keys: t('webinars.title') is checked against the English reference catalog.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}

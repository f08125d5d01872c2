import type { TRegistrant } from '@convene/shared';
import { useCallback } from 'react';
import { useAdminTranslation } from '../i18n/admin-translation';

/** Text kept in its own direction inside a sentence of another (a Latin name in an Arabic question). */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * "Name (address)": who an action is about, in its texts and button names. Names repeat, addresses
 * do not; each part is isolated so that punctuation stays where it belongs in right-to-left texts.
 */
export function useWho(): (registrant: Pick<TRegistrant, 'name' | 'email'>) => string {
  const { t } = useAdminTranslation();
  return useCallback(
    (r) => isolate(t('admin.registrantsPage.who', { name: isolate(r.name), email: isolate(r.email) })),
    [t],
  );
}

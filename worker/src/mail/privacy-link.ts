import type { TLanguage } from '@convene/shared';
import type { TFunction } from 'i18next';
import type { MailBlock } from './html.js';

/** The privacy notice's address, opening in the reader's language (not the browser's). */
export function privacyUrl(publicUrl: string, language: TLanguage): string {
  return `${publicUrl}/privacy?lang=${language}`;
}

/** The paragraph every mail ends with: where the notice says what is kept about the reader and how to take it back. */
export function privacyBlock(t: TFunction, publicUrl: string, language: TLanguage): MailBlock {
  const url = privacyUrl(publicUrl, language);
  return { text: t('email.privacy', { url }), href: url };
}

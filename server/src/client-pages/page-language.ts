import { LANGUAGE_COOKIE, LANGUAGES, type TLanguage } from '@convene/shared';
import type { Request } from 'express';

const asLanguage = (value: unknown): TLanguage | undefined =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value.toLowerCase())
    ? (value.toLowerCase() as TLanguage)
    : undefined;

/**
 * The language a page is written in, in the client's order (client/src/common/i18n/setup.ts):
 * ?lang= (links in emails carry it), then the reader's stored choice (its cookie), then the
 * browser's languages by their q-values ("fr-CA" counts as French), else English.
 */
export function pageLanguage(req: Request): TLanguage {
  return (
    asLanguage(req.query.lang) ??
    asLanguage((req.cookies as Record<string, unknown> | undefined)?.[LANGUAGE_COOKIE]) ??
    // Express's negotiator; with no Accept-Language header it answers the first language.
    asLanguage(req.acceptsLanguages(...LANGUAGES)) ??
    'en'
  );
}

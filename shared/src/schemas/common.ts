import { z } from 'zod';
import { isValidTimeZone } from '../time/zones.js';

/** Languages with a full catalog. Adding one = adding a catalog in i18n/. */
export const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export const ZLanguage = z.enum(LANGUAGES, { error: 'invalid_language' });
export type TLanguage = z.infer<typeof ZLanguage>;

/** Right-to-left languages among LANGUAGES. */
export const RTL_LANGUAGES: readonly TLanguage[] = ['ar'];

/*
 * Error messages in these schemas are catalog keys (errors.<key>), not prose: the client
 * and the server turn them into text in the reader's language.
 */
export const ZTimeZone = z
  .string({ error: 'required' })
  .min(1, { error: 'required' })
  .max(64, { error: 'invalid_time_zone' })
  .refine(isValidTimeZone, { error: 'invalid_time_zone' });

export const ZEmail = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(254, { error: 'invalid_email' })
  .pipe(z.email({ error: 'invalid_email' }));

/** ISO 3166-1 alpha-2 country code. */
export const ZCountry = z
  .string({ error: 'required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: 'invalid_country' });

export const ZSlug = z
  .string({ error: 'required' })
  .min(3, { error: 'invalid_slug' })
  .max(80, { error: 'invalid_slug' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'invalid_slug' });

export const ZUuid = z.uuid({ error: 'invalid_id' });

/** An instant with an explicit offset ("2027-03-01T14:00:00Z"); stored as UTC. */
export const ZInstant = z.iso.datetime({ offset: true, error: 'invalid_datetime' });

/** Text in one or more languages; at least one entry. */
export const ZLocalizedText = z
  .partialRecord(ZLanguage, z.string().trim().min(1, { error: 'required' }).max(5000, { error: 'too_long' }))
  .refine((v) => Object.keys(v).length > 0, { error: 'required' });
export type TLocalizedText = z.infer<typeof ZLocalizedText>;

// PostgreSQL text cannot hold U+0000, and half of a surrogate pair is not a character: the
// driver would garble it or the database refuse it. Both are refused up front, as bad input.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string can be stored and given back exactly as it is. */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** Free text typed by a person: trimmed, bounded, storable. */
export const freeText = (max: number) =>
  z
    .string({ error: 'required' })
    .trim()
    .max(max, { error: 'too_long' })
    .refine(isStorableText, { error: 'invalid_characters' });

import { z } from 'zod';
import { COUNTRY_CODES } from '../geo/countries.js';
import { REGIONS } from '../geo/regions.js';
import { ZCountry, ZEmail, ZInstant, ZLanguage, ZTimeZone, ZUuid } from './common.js';

const knownCountries = new Set(COUNTRY_CODES);

/** What the contacts list filters on: whether a contact may be mailed, and why not. */
export const CONTACT_STATUSES = ['subscribed', 'unsubscribed', 'undeliverable'] as const;
export type TContactStatus = (typeof CONTACT_STATUSES)[number];

/** ISO alpha-2 code that names a country we know ("XX" has the right shape but is no country). */
const ZContactCountry = ZCountry.refine((code) => knownCountries.has(code), { error: 'invalid_country' });

/** Free text on one line: runs of whitespace (newlines of multi-line CSV cells included) become one space. */
const oneLine = (max: number) =>
  z
    .string({ error: 'invalid_value' })
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max, { error: 'too_long' }));

/** A tag: "|" is the separator of the CSV tags cell, so it cannot be part of a tag. */
export const ZContactTag = z
  .string({ error: 'invalid_value' })
  .trim()
  .min(1, { error: 'required' })
  .max(64, { error: 'too_long' })
  .regex(/^[^|\p{Cc}]+$/u, { error: 'invalid_value' });

const ZContactTags = z
  .array(ZContactTag, { error: 'invalid_value' })
  .max(50, { error: 'too_many' })
  // Case-insensitive duplicates collapse to the first spelling.
  .transform((tags) => {
    const byKey = new Map<string, string>();
    for (const tag of tags) if (!byKey.has(tag.toLowerCase())) byKey.set(tag.toLowerCase(), tag);
    return [...byKey.values()];
  });

/** What coordinators see of a contact. Never the unsubscribe token. */
export const ZContact = z.object({
  id: ZUuid,
  email: z.string(),
  name: z.string(),
  organization: z.string(),
  country: z.string().nullable(),
  language: ZLanguage,
  timeZone: z.string().nullable(),
  tags: z.array(z.string()),
  /** Unsubscribed by the contact (one-click link): never mailed again, whatever is imported later. */
  unsubscribed: z.boolean(),
  /** A hard bounce marked the address undeliverable. */
  undeliverable: z.boolean(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});
export type TContact = z.infer<typeof ZContact>;

export const ZContactList = z.object({
  contacts: z.array(ZContact),
  /** Contacts matching the filter, all pages together. */
  total: z.number().int(),
});
export type TContactList = z.infer<typeof ZContactList>;

/**
 * GET /api/admin/contacts query. Values arrive as strings; limit and offset are coerced.
 * `q` searches email, name and organization (case-insensitive substring); `organization`
 * is an exact, case-insensitive match; `tag` an exact one.
 */
export const ZContactFilter = z.strictObject({
  q: z.string().trim().max(200, { error: 'too_long' }).optional(),
  country: ZCountry.optional(),
  language: ZLanguage.optional(),
  tag: z.string().trim().min(1, { error: 'required' }).max(64, { error: 'too_long' }).optional(),
  organization: z.string().trim().min(1, { error: 'required' }).max(200, { error: 'too_long' }).optional(),
  subscribed: z.enum(['true', 'false'], { error: 'invalid_choice' }).optional(),
  /** Contacts whose country lies in the region. */
  region: z.enum(REGIONS, { error: 'invalid_choice' }).optional(),
  /** subscribed: may be mailed; unsubscribed: left by the one-click link; undeliverable: hard-bounced. */
  status: z.enum(CONTACT_STATUSES, { error: 'invalid_choice' }).optional(),
  limit: z.coerce
    .number({ error: 'invalid_number' })
    .int({ error: 'invalid_number' })
    .min(1, { error: 'out_of_range' })
    .max(500, { error: 'out_of_range' })
    .default(100),
  offset: z.coerce
    .number({ error: 'invalid_number' })
    .int({ error: 'invalid_number' })
    .min(0, { error: 'out_of_range' })
    .max(10_000_000, { error: 'out_of_range' })
    .default(0),
});
export type TContactFilter = z.infer<typeof ZContactFilter>;

/** GET /api/admin/contacts/export.csv query: the list's filters, every page at once. */
export const ZContactExportFilter = ZContactFilter.omit({ limit: true, offset: true });
export type TContactExportFilter = z.infer<typeof ZContactExportFilter>;

/**
 * Partial edit by a coordinator. Neither the email (it is the contact's identity) nor the
 * subscription: only the contact unsubscribes, and nobody resubscribes them.
 */
export const ZUpdateContact = z
  .strictObject({
    name: oneLine(200),
    organization: oneLine(200),
    country: ZContactCountry.nullable(),
    language: ZLanguage,
    timeZone: ZTimeZone.nullable(),
    tags: ZContactTags,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: 'empty_update' });
export type TUpdateContact = z.infer<typeof ZUpdateContact>;

/** The separator of several tags in one CSV cell: `network|francophone|west-africa`. */
export const CSV_TAG_SEPARATOR = '|';

/**
 * One CSV row as read from the file, empty cells left out. Only email is required. The
 * language is matched case-insensitively ("FR" → "fr"); the country is an ISO alpha-2 code
 * (any case); the time zone an IANA name; the tags cell holds tags separated by "|".
 */
export const ZContactRow = z.strictObject({
  email: ZEmail,
  name: oneLine(200).optional(),
  organization: oneLine(200).optional(),
  country: ZContactCountry.optional(),
  language: z.string().trim().toLowerCase().pipe(ZLanguage).optional(),
  timeZone: z.string().trim().pipe(ZTimeZone).optional(),
  tags: z
    .string()
    .transform((cell) =>
      cell
        .split(CSV_TAG_SEPARATOR)
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(ZContactTags)
    .optional(),
});
export type TContactRow = z.infer<typeof ZContactRow>;

/** A row that was not imported. No cell content is echoed: the line number finds it. */
export const ZContactImportRejection = z.object({
  /** Physical line of the file where the row starts (the header is line 1). */
  line: z.number().int(),
  /** email, name, organization, country, language, timeZone, tags — or _row for the row as a whole. */
  field: z.string(),
  /** Catalog key under errors.*. */
  code: z.string(),
  message: z.string(),
});

export const ZContactImportResult = z.object({
  /** New contacts. */
  imported: z.number().int(),
  /** Existing contacts (same email, any case) whose fields changed. */
  updated: z.number().int(),
  /** Existing contacts the file left as they were. */
  unchanged: z.number().int(),
  rejected: z.array(ZContactImportRejection),
  /** Later rows with the email of an earlier row (case-insensitive): the first one counts. */
  duplicates: z.array(z.object({ line: z.number().int(), firstLine: z.number().int() })),
});
export type TContactImportResult = z.infer<typeof ZContactImportResult>;

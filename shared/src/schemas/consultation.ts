import { z } from 'zod';
import { REGIONS } from '../geo/regions.js';
import { ZInstant, ZLanguage, ZLocalizedText, ZSlug, ZTimeZone, ZUuid } from './common.js';

export const ZConsultationKind = z.enum(['thematic', 'regional', 'national', 'hearing']);
export type TConsultationKind = z.infer<typeof ZConsultationKind>;

/** A consultation on the public calendar (times as UTC instants, with the host's zone). */
export const ZConsultation = z.object({
  id: ZUuid,
  kind: ZConsultationKind,
  title: ZLocalizedText,
  /** May be empty ({}): the table's default, a consultation needs no description. */
  description: z.partialRecord(ZLanguage, z.string()),
  startsAt: ZInstant,
  endsAt: ZInstant,
  hostTimeZone: ZTimeZone,
  online: z.boolean(),
  place: z.string().nullable(),
  link: z.string().nullable(),
  region: z.string().nullable(),
  themeSlug: ZSlug.nullable(),
  status: z.enum(['scheduled', 'cancelled']),
});
export type TConsultation = z.infer<typeof ZConsultation>;

/** GET /api/consultations: upcoming (not yet ended) consultations, soonest first; cancelled ones flagged. */
export const ZConsultationList = z.object({ consultations: z.array(ZConsultation) });
export type TConsultationList = z.infer<typeof ZConsultationList>;

/** What coordinators see: the public view plus bookkeeping. */
export const ZAdminConsultation = ZConsultation.extend({
  sequence: z.number().int(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});
export type TAdminConsultation = z.infer<typeof ZAdminConsultation>;

export const ZAdminConsultationList = z.object({ consultations: z.array(ZAdminConsultation) });
export type TAdminConsultationList = z.infer<typeof ZAdminConsultationList>;

const ZConsultationUrl = z.url({ protocol: /^https?$/, error: 'invalid_url' }).max(2000, { error: 'too_long' });
const ZPlace = z.string().trim().min(1, { error: 'required' }).max(300, { error: 'too_long' });

const consultationFields = {
  kind: ZConsultationKind,
  title: ZLocalizedText,
  description: ZLocalizedText.or(z.strictObject({})),
  /** Instants; the workspace converts the wall time typed in the host's zone (shared/time/wall-time). */
  startsAt: ZInstant,
  endsAt: ZInstant,
  hostTimeZone: ZTimeZone,
  online: z.boolean(),
  place: ZPlace.nullable(),
  link: ZConsultationUrl.nullable(),
  region: z.enum(REGIONS, { error: 'invalid_choice' }).nullable(),
  themeSlug: ZSlug.nullable(),
};

const endsAfterStart = (v: { startsAt?: string; endsAt?: string }) =>
  v.startsAt === undefined || v.endsAt === undefined || Date.parse(v.endsAt) > Date.parse(v.startsAt);

/** POST /api/admin/consultations. */
export const ZCreateConsultation = z
  .strictObject({
    ...consultationFields,
    description: consultationFields.description.default({}),
    online: consultationFields.online.default(false),
    place: consultationFields.place.default(null),
    link: consultationFields.link.default(null),
    region: consultationFields.region.default(null),
    themeSlug: consultationFields.themeSlug.default(null),
  })
  .refine(endsAfterStart, { error: 'ends_before_start', path: ['endsAt'] });
export type TCreateConsultation = z.infer<typeof ZCreateConsultation>;

/** PATCH /api/admin/consultations/:id: partial edit; every change bumps the sequence. */
export const ZUpdateConsultation = z
  .strictObject(consultationFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: 'empty_update' })
  .refine(endsAfterStart, { error: 'ends_before_start', path: ['endsAt'] });
export type TUpdateConsultation = z.infer<typeof ZUpdateConsultation>;

import { z } from 'zod';
import { ZInstant, ZLocalizedText, ZSlug, ZTimeZone, ZUuid } from './common.js';

export const ZConsultationKind = z.enum(['thematic', 'regional', 'national', 'hearing']);
export type TConsultationKind = z.infer<typeof ZConsultationKind>;

/** A consultation on the public calendar (times as UTC instants, with the host's zone). */
export const ZConsultation = z.object({
  id: ZUuid,
  kind: ZConsultationKind,
  title: ZLocalizedText,
  description: ZLocalizedText,
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

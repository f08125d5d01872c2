import { z } from 'zod';
import { ZInstant, ZLanguage, ZLocalizedText, ZSlug, ZTimeZone, ZUuid } from './common.js';

export const ZWebinarKind = z.enum(['orientation', 'thematic'], { error: 'invalid_choice' });
export const ZWebinarStatus = z.enum(['draft', 'scheduled', 'cancelled', 'completed'], {
  error: 'invalid_choice',
});
export type TWebinarStatus = z.infer<typeof ZWebinarStatus>;

/** Default reminders: 7 days, 1 day and 1 hour before the start. */
export const DEFAULT_REMINDER_OFFSETS_MINUTES = [7 * 24 * 60, 24 * 60, 60];

const ZHttpUrl = z.url({ protocol: /^https?$/, error: 'invalid_url' }).max(2000, { error: 'too_long' });

/** What anyone may see. Never the join URL. */
export const ZPublicWebinar = z.object({
  id: ZUuid,
  slug: ZSlug,
  kind: ZWebinarKind,
  themeSlug: ZSlug,
  title: ZLocalizedText,
  description: ZLocalizedText,
  startsAt: ZInstant,
  durationMinutes: z.number().int(),
  hostTimeZone: ZTimeZone,
  languages: z.array(ZLanguage),
  capacity: z.number().int().nullable(),
  seatsLeft: z.number().int().nullable(),
  status: ZWebinarStatus,
  /** The recording, once the webinar is completed (null before: a link set early stays private). */
  recordingUrl: z.string().nullable(),
});
export type TPublicWebinar = z.infer<typeof ZPublicWebinar>;

export const ZPublicWebinarList = z.object({ webinars: z.array(ZPublicWebinar) });
export type TPublicWebinarList = z.infer<typeof ZPublicWebinarList>;

/** What coordinators see: the public view plus secrets and bookkeeping. */
export const ZAdminWebinar = ZPublicWebinar.extend({
  joinUrl: z.string(),
  recordingUrl: z.string().nullable(),
  reminderOffsetsMinutes: z.array(z.number().int()),
  version: z.number().int(),
  /** Confirmed + waitlisted. */
  registrationsCount: z.number().int(),
  /** Registrations holding a seat: the figure to compare with the capacity. */
  confirmedCount: z.number().int(),
  /** Registrations waiting for a seat (not counted against the capacity). */
  waitlistedCount: z.number().int(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});
export type TAdminWebinar = z.infer<typeof ZAdminWebinar>;

const webinarFields = {
  slug: ZSlug,
  kind: ZWebinarKind,
  themeSlug: ZSlug,
  title: ZLocalizedText,
  description: ZLocalizedText,
  startsAt: ZInstant,
  durationMinutes: z
    .number({ error: 'invalid_number' })
    .int({ error: 'invalid_number' })
    .min(15, { error: 'out_of_range' })
    .max(24 * 60, { error: 'out_of_range' }),
  hostTimeZone: ZTimeZone,
  languages: z.array(ZLanguage).min(1, { error: 'required' }).max(10),
  capacity: z
    .number({ error: 'invalid_number' })
    .int({ error: 'invalid_number' })
    .min(1, { error: 'out_of_range' })
    .max(1_000_000, { error: 'out_of_range' })
    .nullable(),
  joinUrl: ZHttpUrl,
  recordingUrl: ZHttpUrl.nullable(),
  status: z.enum(['draft', 'scheduled'], { error: 'invalid_choice' }),
  reminderOffsetsMinutes: z
    .array(
      z
        .number({ error: 'invalid_number' })
        .int({ error: 'invalid_number' })
        .min(5, { error: 'out_of_range' })
        .max(60 * 24 * 60, { error: 'out_of_range' }),
    )
    .max(10, { error: 'too_many' })
    .refine((v) => new Set(v).size === v.length, { error: 'duplicate_values' }),
};

export const ZCreateWebinar = z.strictObject({
  ...webinarFields,
  slug: webinarFields.slug.optional(),
  capacity: webinarFields.capacity.default(null),
  recordingUrl: webinarFields.recordingUrl.default(null),
  status: webinarFields.status.default('scheduled'),
  reminderOffsetsMinutes: webinarFields.reminderOffsetsMinutes.default(DEFAULT_REMINDER_OFFSETS_MINUTES),
});
export type TCreateWebinar = z.infer<typeof ZCreateWebinar>;

/** Partial edit. Changing startsAt bumps the webinar's version. */
export const ZUpdateWebinar = z
  .strictObject(webinarFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: 'empty_update' });
export type TUpdateWebinar = z.infer<typeof ZUpdateWebinar>;

export const ZAdminWebinarList = z.object({ webinars: z.array(ZAdminWebinar) });

/** Marks a webinar completed; the recording link goes into the follow-up emails. */
export const ZCompleteWebinar = z.strictObject({ recordingUrl: ZHttpUrl.nullable().optional() });
export type TCompleteWebinar = z.infer<typeof ZCompleteWebinar>;

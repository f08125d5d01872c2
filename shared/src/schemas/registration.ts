import { z } from 'zod';
import { freeText, ZCountry, ZEmail, ZInstant, ZLanguage, ZSlug, ZTimeZone, ZUuid } from './common.js';
import { ZPublicWebinar } from './webinar.js';

export const ZRegistrationStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);
export type TRegistrationStatus = z.infer<typeof ZRegistrationStatus>;

export const ZCreateRegistration = z.strictObject({
  name: freeText(200).pipe(z.string().min(1, { error: 'required' })),
  email: ZEmail,
  organization: freeText(200).optional().default(''),
  country: ZCountry,
  language: ZLanguage,
  timeZone: ZTimeZone,
  consent: z.literal(true, { error: 'consent_required' }),
});
export type TCreateRegistration = z.infer<typeof ZCreateRegistration>;
export type TCreateRegistrationInput = z.input<typeof ZCreateRegistration>;

/** What the registrant gets back. No manage token: that travels only by email. */
export const ZRegistrationResult = z.object({
  registration: z.object({
    id: ZUuid,
    webinarSlug: ZSlug,
    status: ZRegistrationStatus,
    language: ZLanguage,
    timeZone: ZTimeZone,
    createdAt: ZInstant,
  }),
  /** True when this email was already registered: nothing new was sent. */
  alreadyRegistered: z.boolean(),
});
export type TRegistrationResult = z.infer<typeof ZRegistrationResult>;

/** The manage page (reached by the secret link in every email): the registrant's own view. */
export const ZManagedRegistration = z.object({
  registration: z.object({
    id: ZUuid,
    status: ZRegistrationStatus,
    name: z.string(),
    email: z.string(),
    language: ZLanguage,
    timeZone: ZTimeZone,
    createdAt: ZInstant,
    cancelledAt: ZInstant.nullable(),
  }),
  webinar: ZPublicWebinar,
  webinarTitle: z.string(),
});
export type TManagedRegistration = z.infer<typeof ZManagedRegistration>;

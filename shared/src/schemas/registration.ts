import { z } from 'zod';
import { freeText, ZCountry, ZEmail, ZInstant, ZLanguage, ZSlug, ZTimeZone, ZUuid } from './common.js';
import { ZConsentVersion } from './consent-version.js';
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
  /** The consent wording the form showed (shared/src/privacy/consent-versions.ts). */
  consentVersion: ZConsentVersion('registration'),
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
  /**
   * The new registration's calendar file (.ics), for the confirmation screen: a link that
   * opens only that file (not the manage link, which travels by email). Null for a repeat or
   * a place on the waiting list.
   */
  calendarUrl: z.string().nullable().optional(),
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

/** The registrant's own change on the manage page: the language and time zone of their later mails. */
export const ZUpdateManagedRegistration = z.strictObject({
  language: ZLanguage,
  timeZone: ZTimeZone,
});
export type TUpdateManagedRegistration = z.infer<typeof ZUpdateManagedRegistration>;

import { z } from 'zod';
import { ZInstant, ZLanguage, ZTimeZone, ZUuid } from './common.js';
import { ZRegistrationStatus } from './registration.js';

/** A registrant as coordinators see them on a webinar's registrants page. */
export const ZRegistrant = z.object({
  id: ZUuid,
  name: z.string(),
  email: z.string(),
  organization: z.string(),
  country: z.string(),
  language: ZLanguage,
  timeZone: ZTimeZone,
  status: ZRegistrationStatus,
  registeredAt: ZInstant,
  /** When they gave consent, and to which wording (consent-versions.ts; null: before versions were kept). */
  consentAt: ZInstant,
  consentVersion: z.string().nullable(),
  cancelledAt: ZInstant.nullable(),
  /** Set when they attended: from an imported attendance report or ticked by hand. */
  attendedAt: ZInstant.nullable(),
  attendanceSource: z.enum(['import', 'manual']).nullable(),
  /** Set when the retention policy erased the name, email and organization (the row stays for the counts). */
  erasedAt: ZInstant.nullable(),
});
export type TRegistrant = z.infer<typeof ZRegistrant>;

/**
 * True counts of a webinar's registrations, whatever the list is filtered to. attended counts
 * the registrants still registered who attended; absentees the confirmed ones who did not:
 * completing the webinar mails the first a follow-up and the second an absentee follow-up.
 */
export const ZRegistrantCounts = z.object({
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  cancelled: z.number().int(),
  attended: z.number().int(),
  absentees: z.number().int(),
});
export type TRegistrantCounts = z.infer<typeof ZRegistrantCounts>;

/** Query of the registrants list: one status, and words matched in name, email or organization. */
export const ZRegistrantFilter = z.strictObject({
  status: ZRegistrationStatus.optional(),
  q: z.string().trim().max(200, { error: 'too_long' }).optional(),
});
export type TRegistrantFilter = z.infer<typeof ZRegistrantFilter>;

export const ZRegistrantList = z.object({
  registrants: z.array(ZRegistrant),
  counts: ZRegistrantCounts,
});
export type TRegistrantList = z.infer<typeof ZRegistrantList>;

/**
 * Promoting someone from the waiting list. A full webinar refuses it (409 webinar_full)
 * unless overCapacity says the coordinator means to add a seat beyond the capacity.
 */
export const ZPromoteRegistrant = z.strictObject({ overCapacity: z.boolean().optional().default(false) });
export type TPromoteRegistrant = z.infer<typeof ZPromoteRegistrant>;

/** Ticking (or unticking) one registrant's attendance by hand. */
export const ZSetAttendance = z.strictObject({ attended: z.boolean({ error: 'required' }) });
export type TSetAttendance = z.infer<typeof ZSetAttendance>;

/** Why a line of an attendance report marked nobody. */
export const ZAttendanceLineCode = z.enum(['not_registered', 'registration_cancelled', 'no_email', 'not_attended']);

/**
 * What an attendance import did. Lines are data lines of the report (a person may appear on
 * several when they rejoined); addresses are never echoed, only line numbers (1 = first line).
 */
export const ZAttendanceImportResult = z.object({
  /** The column the addresses were read from, as the file names it. */
  emailColumn: z.string(),
  lines: z.number().int(),
  /** Registrants newly marked as attended by this import. */
  marked: z.number().int(),
  /** Registrants found who were already marked. */
  alreadyMarked: z.number().int(),
  /** Lines that matched a registrant (several lines may match the same person). */
  matchedLines: z.number().int(),
  unmatchedLines: z.number().int(),
  unmatched: z.array(z.object({ line: z.number().int(), code: ZAttendanceLineCode })),
  counts: ZRegistrantCounts,
});
export type TAttendanceImportResult = z.infer<typeof ZAttendanceImportResult>;

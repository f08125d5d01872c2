import type { TAttendanceImportResult } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { registrationBody } from '../factories.js';
import type { CoordinatorSession } from './coordinator-session.js';
import { recipientOf } from './mail-helpers.js';
import type { TestStack } from './stack.js';

/**
 * Steps of running a webinar programme, shared by the integration and browser tests:
 * register people, let the webinar happen (move it into the past), import its attendance,
 * complete it, and sort the follow-ups the SMTP sink received.
 */

/** Registers someone through the public API; returns the registration's id and status. */
export async function registerFor(
  stack: TestStack,
  slug: string,
  email: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; status: string }> {
  const res = await stack.request(`/api/webinars/${slug}/registrations`, {
    method: 'POST',
    json: registrationBody({ email, ...extra }),
  });
  if (res.status !== 201) throw new Error(`registration answered ${res.status}`);
  return ((await res.json()) as { registration: { id: string; status: string } }).registration;
}

/** Moves a webinar's start so that it began `minutesAgo` minutes ago (90 minutes long: ended after 90). */
export async function startedMinutesAgo(db: Db, webinarId: string, minutesAgo: number): Promise<void> {
  await db
    .update(tables.webinars)
    .set({ startsAt: new Date(Date.now() - minutesAgo * 60_000) })
    .where(eq(tables.webinars.id, webinarId));
}

/** POSTs an attendance report file; returns status and body. */
export async function uploadAttendance(
  stack: TestStack,
  session: CoordinatorSession,
  webinarId: string,
  bytes: Buffer,
  contentType = 'text/csv',
): Promise<{ status: number; body: TAttendanceImportResult & { error?: { code: string } } }> {
  const res = await stack.request(`/api/admin/webinars/${webinarId}/attendance`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': contentType },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as TAttendanceImportResult & { error?: { code: string } } };
}

/** POSTs the completion; returns status and body. */
export async function completeWebinar(
  stack: TestStack,
  session: CoordinatorSession,
  webinarId: string,
  recordingUrl?: string,
): Promise<{ status: number; body: { error?: { code: string } } }> {
  const res = await stack.request(`/api/admin/webinars/${webinarId}/complete`, {
    method: 'POST',
    headers: session.headers,
    json: recordingUrl ? { recordingUrl } : {},
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
}

/** The follow-up subjects of every catalog language, by kind (each kind has its own subject). */
const SUBJECT_PREFIXES = {
  attendee: ['Thank you for joining:', 'Merci de votre participation', 'Gracias por participar:', 'شكراً لمشاركتك:'],
  absentee: ['Sorry we missed you:', 'Vous nous avez manqué', 'Le echamos de menos:', 'افتقدناك:'],
};

/** Follow-up mails in the sink, per kind, as recipient → number of such mails. */
export function followUpsIn(messages: ParsedMail[]): { attendee: Map<string, number>; absentee: Map<string, number> } {
  const result = { attendee: new Map<string, number>(), absentee: new Map<string, number>() };
  for (const mail of messages) {
    for (const kind of ['attendee', 'absentee'] as const) {
      if (SUBJECT_PREFIXES[kind].some((p) => mail.subject?.startsWith(p))) {
        const to = recipientOf(mail);
        result[kind].set(to, (result[kind].get(to) ?? 0) + 1);
      }
    }
  }
  return result;
}

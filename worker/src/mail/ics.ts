import { createEvent } from 'ics';

export type CalendarInvite = {
  /** Stable per registration, so updates and cancellations replace the same event. */
  uid: string;
  /** Grows with every change of the event (the webinar version). */
  sequence: number;
  /** PUBLISH for a downloaded file; REQUEST and CANCEL for the mails' scheduling messages. */
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  start: Date;
  durationMinutes: number;
  title: string;
  description: string;
  url?: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** DTSTAMP: when this copy is made (now when absent). */
  timestamp?: Date;
};

/** An iCalendar (RFC 5545) event with UTC times, as a string. */
export function buildIcs(invite: CalendarInvite): string {
  const { error, value } = createEvent({
    productId: '-//Convene//Webinars//EN',
    method: invite.method,
    uid: invite.uid,
    sequence: invite.sequence,
    ...(invite.timestamp ? { timestamp: invite.timestamp.getTime() } : {}),
    start: invite.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: invite.durationMinutes },
    title: invite.title,
    description: invite.description,
    ...(invite.url ? { url: invite.url, location: invite.url } : {}),
    status: invite.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: invite.organizer,
    attendees: [{ ...invite.attendee, rsvp: false, partstat: 'ACCEPTED', role: 'REQ-PARTICIPANT' }],
  });
  if (error || !value) throw error ?? new Error('ics produced nothing');
  return value;
}

import { pickLocalized, resourcesCatalogs, type TLanguage } from '@convene/shared';
import { createEvents, type EventAttributes } from 'ics';
import type { ConsultationRow } from './consultation-views.js';

export type FeedOptions = {
  /** PUBLIC_URL: its host makes the UIDs (uuid@host), its origin the calendar's links. */
  publicUrl: string;
  language: TLanguage;
  /** What the feed holds, for the calendar's name ("Consultations — Africa"). */
  scope?: string;
};

/** The stable UID of a consultation's event: the same in every feed, for good. */
export function consultationUid(id: string, publicUrl: string): string {
  return `${id}@${new URL(publicUrl).hostname}`;
}

/**
 * An iCalendar (RFC 5545) feed of consultations that calendar apps subscribe to. Each event's
 * UID comes from the consultation's id and its SEQUENCE grows with every edit, so an update
 * replaces the event a calendar holds; a cancelled one stays, as STATUS:CANCELLED. DTSTAMP and
 * LAST-MODIFIED are the last change, so an unchanged feed is the same bytes.
 */
export function buildConsultationsFeed(rows: ConsultationRow[], options: FeedOptions): string {
  const texts = resourcesCatalogs[options.language];
  const origin = new URL(options.publicUrl).origin;
  const calName = options.scope ? `${texts.feedName} — ${options.scope}` : texts.feedName;
  // DTSTAMP (`timestamp`) is in the library's schema but not in its types.
  const events: (EventAttributes & { timestamp: number })[] = rows.map((row) => {
    const description = pickLocalized(row.description, options.language);
    const location = [row.place, row.online ? texts.online : null].filter(Boolean).join(' · ');
    return {
      uid: consultationUid(row.id, options.publicUrl),
      sequence: row.sequence,
      timestamp: row.updatedAt.getTime(),
      lastModified: row.updatedAt.getTime(),
      created: row.createdAt.getTime(),
      start: row.startsAt.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: row.endsAt.getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: pickLocalized(row.title, options.language),
      ...(description ? { description } : {}),
      ...(location ? { location } : {}),
      url: row.link ?? `${origin}/consultations`,
      status: row.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      categories: [row.kind],
    };
  });
  const { error, value } = createEvents(events, {
    productId: '-//Convene//Consultations//EN',
    method: 'PUBLISH',
    calName,
  });
  if (error || !value) throw error ?? new Error('ics produced nothing');
  return value;
}

import { formatInstant, pickLocalized, type TLanguage } from '@convene/shared';
import type { WebinarRow } from '../outbox/notification-context.js';
import { translatorFor } from './i18n.js';
import { Lru } from './lru.js';

/**
 * What every mail about one webinar shares in one language and one reader's zone: rendered
 * once, not once per recipient. 1,000 reminders of a webinar in four languages and a dozen
 * zones render these parts a few dozen times instead of 1,000.
 */
export type SharedParts = {
  title: string;
  /** The "when" paragraph: reader's zone (named), host zone, duration. */
  when: string;
};

/**
 * Entries kept: a few webinars × four languages × the zones of their readers. An entry is a
 * few kilobytes; a missing one is only rendered again.
 */
const CAPACITY = 500;
const cache = new Lru<string, SharedParts>(CAPACITY);

/**
 * The shared parts for this webinar as it is now. The key holds the webinar's version (a new
 * start time) and its last update (any other edit: title, join URL, duration), so an edited
 * webinar never gets the parts of its earlier state.
 */
export function sharedPartsFor(webinar: WebinarRow, lang: TLanguage, zone: string): SharedParts {
  const key = `${webinar.id}|${webinar.version}|${webinar.updatedAt.getTime()}|${lang}|${zone}`;
  return cache.getOrCreate(key, () => makeSharedParts(webinar, lang, zone));
}

/** For tests: the number of entries, and a way to start from none. */
export const renderCache = { size: () => cache.size, clear: () => cache.clear(), capacity: CAPACITY };

function makeSharedParts(webinar: WebinarRow, lang: TLanguage, zone: string): SharedParts {
  const t = translatorFor(lang);
  const title = pickLocalized(webinar.title, lang);
  const when = [
    t('email.when', { time: formatInstant(webinar.startsAt, zone, lang).full }),
    t('email.hostTime', { time: formatInstant(webinar.startsAt, webinar.hostTimeZone, lang).full }),
    t('email.duration', { minutes: webinar.durationMinutes }),
  ].join('\n');
  return { title, when };
}

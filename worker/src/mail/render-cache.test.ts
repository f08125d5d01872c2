import type { RegistrationRow, WebinarRow } from '../outbox/notification-context.js';
import { renderCache, sharedPartsFor } from './render-cache.js';
import { Lru } from './lru.js';
import { renderReminder } from './templates/reminder.js';

const webinar = {
  id: '00000000-0000-4000-8000-00000000000a',
  version: 1,
  updatedAt: new Date('2026-12-01T09:00:00Z'),
  slug: 'labour-rights',
  title: { en: 'Labour rights', fr: 'Droits du travail', es: 'Derechos laborales', ar: 'حقوق العمل' },
  description: { en: 'About labour rights' },
  startsAt: new Date('2026-12-05T10:00:00Z'),
  durationMinutes: 90,
  hostTimeZone: 'Europe/Zurich',
  joinUrl: 'https://meet.example.org/j/1',
} as unknown as WebinarRow;

const registration = (i: number, lang: 'en' | 'ar', timeZone: string) =>
  ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Participant ${i}`,
    email: `p.${i}@example.org`,
    language: lang,
    timeZone,
    manageToken: `token-${i}`,
  }) as unknown as RegistrationRow;

const settings = { publicUrl: 'http://convene.test', mailFrom: 'Convene <no-reply@convene.localhost>' };
const reminderFor = (w: WebinarRow, r: RegistrationRow) =>
  renderReminder(
    {
      notification: { id: 'n', kind: 'reminder', offsetMinutes: 60 } as never,
      webinar: w,
      registration: r,
      contact: null,
    },
    settings,
  );

describe('the render cache', () => {
  beforeEach(() => renderCache.clear());

  it('renders the shared parts once per webinar, language and zone, however many registrants', () => {
    for (let i = 0; i < 40; i++)
      reminderFor(webinar, registration(i, i % 2 ? 'ar' : 'en', i % 4 < 2 ? 'Asia/Beirut' : 'Africa/Nairobi'));
    expect(renderCache.size()).toBe(4);
    expect(sharedPartsFor(webinar, 'en', 'Asia/Beirut')).toBe(sharedPartsFor({ ...webinar }, 'en', 'Asia/Beirut'));
  });

  it('gives each registrant their own link, name and calendar UID from the shared parts', () => {
    const a = reminderFor(webinar, registration(1, 'en', 'Asia/Beirut'));
    const b = reminderFor(webinar, registration(2, 'en', 'Asia/Beirut'));
    expect(a.text).toContain('/manage/token-1?lang=en');
    expect(b.text).toContain('/manage/token-2?lang=en');
    expect(a.calendar!.content).toContain('UID:registration-00000000-0000-4000-8000-000000000001@convene');
    const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded(b.calendar!.content)).toContain('CN="Participant 2":mailto:p.2@example.org');
    expect(unfolded(b.calendar!.content)).toContain('/manage/token-2?lang=en');
    expect(unfolded(b.calendar!.content)).not.toContain('Participant 1');
  });

  it('never serves a rescheduled or edited webinar the parts of its earlier state', () => {
    const r = registration(1, 'en', 'Asia/Beirut');
    const before = reminderFor(webinar, r);
    const moved = reminderFor(
      {
        ...webinar,
        version: 2,
        startsAt: new Date('2026-12-06T15:30:00Z'),
        updatedAt: new Date('2026-12-02T09:00:00Z'),
      },
      r,
    );
    expect(moved.text).not.toBe(before.text);
    expect(moved.calendar!.content).toContain('DTSTART:20261206T153000Z');
    expect(moved.calendar!.content).toContain('SEQUENCE:1');
    // Same version, another title: only its last update tells the edit apart.
    const renamed = reminderFor(
      { ...webinar, title: { ...webinar.title, en: 'Regular pathways' }, updatedAt: new Date('2026-12-01T10:00:00Z') },
      r,
    );
    expect(renamed.subject).toContain('Regular pathways');
    expect(renamed.calendar!.content).toContain('SUMMARY:Regular pathways');
  });

  it('keeps at most its capacity of entries', () => {
    for (let i = 0; i < renderCache.capacity + 50; i++)
      sharedPartsFor({ ...webinar, id: `w-${i}` } as WebinarRow, 'en', 'UTC');
    expect(renderCache.size()).toBe(renderCache.capacity);
  });
});

describe('Lru', () => {
  it('drops the least recently used entry when full', () => {
    const lru = new Lru<string, number>(2);
    lru.getOrCreate('a', () => 1);
    lru.getOrCreate('b', () => 2);
    lru.getOrCreate('a', () => -1); // a is used again: b is now the oldest
    lru.getOrCreate('c', () => 3);
    expect(lru.getOrCreate('a', () => -1)).toBe(1);
    expect(lru.getOrCreate('b', () => 20)).toBe(20);
    expect(lru.size).toBe(2);
  });
});

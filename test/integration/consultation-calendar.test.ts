import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { TAdminConsultation, TConsultation } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { ensureThemes } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const DAY = 24 * 3600_000;
const THEME = 'human-rights-inclusion';
/** Whole minutes from now, as consultations are scheduled (iCalendar times have no milliseconds). */
const inDays = (days: number, hours = 0) =>
  new Date(Math.floor((Date.now() + days * DAY + hours * 3600_000) / 60_000) * 60_000).toISOString();

/** The VEVENTs of a feed, by UID. */
function eventsOf(text: string): Map<string, VEvent> {
  const parsed = ical.sync.parseICS(text);
  const events = new Map<string, VEvent>();
  for (const item of Object.values(parsed)) if (item?.type === 'VEVENT') events.set(item.uid, item);
  return events;
}

describe.each(databaseKinds())('consultation calendar (%s)', (kind) => {
  let stack: TestStack;
  let admin: CoordinatorSession;

  const request = (path: string, init: RequestInit & { json?: unknown } = {}) =>
    stack.request(path, { ...init, headers: { ...admin.headers, ...(init.headers as object) } });

  const hearing = (overrides: Record<string, unknown> = {}) => ({
    kind: 'hearing',
    title: { en: 'Multistakeholder hearing on inclusion', ar: 'جلسة استماع حول الإدماج' },
    description: { en: 'Hybrid hearing with civil society.' },
    startsAt: inDays(20),
    endsAt: inDays(20, 3),
    hostTimeZone: 'America/New_York',
    online: true,
    place: 'UN Headquarters, New York',
    link: 'https://example.org/hearing',
    region: 'americas',
    themeSlug: THEME,
    ...overrides,
  });

  async function create(overrides: Record<string, unknown> = {}): Promise<TAdminConsultation> {
    const res = await request('/api/admin/consultations', { method: 'POST', json: hearing(overrides) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { consultation: TAdminConsultation }).consultation;
  }

  async function feed(path: string) {
    const res = await stack.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    return res.text();
  }

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, smtp: false });
    admin = await signIn(stack);
    await ensureThemes(stack.db);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    await stack.db.execute(sql`truncate table consultations`);
  });

  it('creates a consultation, audits it and lists it publicly, soonest first', async () => {
    const later = await create();
    const sooner = await create({
      kind: 'regional',
      title: { en: 'Regional review for Africa' },
      startsAt: inDays(5),
      endsAt: inDays(6),
      hostTimeZone: 'Africa/Addis_Ababa',
      region: 'africa',
      themeSlug: null,
      online: false,
      link: null,
    });
    expect(later.sequence).toBe(0);
    const res = await stack.request('/api/consultations');
    expect(res.status).toBe(200);
    const { consultations } = (await res.json()) as { consultations: TConsultation[] };
    expect(consultations.map((c) => c.id)).toEqual([sooner.id, later.id]);
    expect(consultations[0]).not.toHaveProperty('sequence');
    const audit = await stack.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.action, 'consultation.create'));
    expect(audit.map((a) => a.targetId).sort()).toEqual([later.id, sooner.id].sort());
  });

  it('filters the public list by theme and by region; an unknown region is 404', async () => {
    const onTheme = await create();
    const national = await create({ kind: 'national', themeSlug: null, region: 'europe', title: { en: 'National' } });
    const byTheme = (await (await stack.request(`/api/consultations?theme=${THEME}`)).json()) as {
      consultations: TConsultation[];
    };
    expect(byTheme.consultations.map((c) => c.id)).toEqual([onTheme.id]);
    const byRegion = (await (await stack.request('/api/consultations?region=europe')).json()) as {
      consultations: TConsultation[];
    };
    expect(byRegion.consultations.map((c) => c.id)).toEqual([national.id]);
    expect((await stack.request('/api/consultations?region=atlantis')).status).toBe(404);
  });

  it('refuses an end before the start, with a field error', async () => {
    const res = await request('/api/admin/consultations', {
      method: 'POST',
      json: hearing({ endsAt: inDays(1) }),
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { fields?: Record<string, { code: string }> } };
    expect(error.fields?.endsAt?.code).toBe('ends_before_start');
  });

  it('gives a feed with a stable UID per consultation, SEQUENCE, DTSTAMP and LAST-MODIFIED', async () => {
    const c = await create();
    const text = await feed('/api/consultations.ics');
    const events = eventsOf(text);
    const uid = `${c.id}@convene.test`;
    const event = events.get(uid);
    expect(event).toBeDefined();
    expect(event!.summary).toBe('Multistakeholder hearing on inclusion');
    expect(event!.sequence).toBe(0);
    expect(event!.start.toISOString()).toBe(c.startsAt);
    expect(event!.end?.toISOString()).toBe(c.endsAt);
    expect(event!.dtstamp).toBeDefined();
    expect(event!.lastmodified).toBeDefined();
    expect(text).toContain('LAST-MODIFIED:');
    // The same feed twice is the same bytes: nothing in it moves unless the calendar changes.
    expect(await feed('/api/consultations.ics')).toBe(text);
    // In Arabic, the title in Arabic.
    expect(eventsOf(await feed('/api/consultations.ics?lang=ar')).get(uid)?.summary).toBe('جلسة استماع حول الإدماج');
  });

  it('replaces an edited event: same UID, higher SEQUENCE, the new time', async () => {
    const c = await create();
    const before = eventsOf(await feed('/api/consultations.ics')).get(`${c.id}@convene.test`)!;
    const startsAt = new Date(Date.parse(c.startsAt) + DAY).toISOString();
    const endsAt = new Date(Date.parse(c.endsAt) + DAY).toISOString();
    const res = await request(`/api/admin/consultations/${c.id}`, { method: 'PATCH', json: { startsAt, endsAt } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { consultation: TAdminConsultation }).consultation.sequence).toBe(1);
    const events = eventsOf(await feed('/api/consultations.ics'));
    expect([...events.keys()]).toEqual([`${c.id}@convene.test`]);
    const after = events.get(`${c.id}@convene.test`)!;
    expect(after.sequence).toBeGreaterThan(before.sequence!);
    expect(after.start.toISOString()).toBe(startsAt);
  });

  it('keeps a cancelled consultation in the feed as STATUS:CANCELLED with a higher SEQUENCE', async () => {
    const c = await create();
    const res = await request(`/api/admin/consultations/${c.id}/cancel`, { method: 'POST' });
    expect(res.status).toBe(200);
    const event = eventsOf(await feed('/api/consultations.ics')).get(`${c.id}@convene.test`)!;
    expect(event.status).toBe('CANCELLED');
    expect(event.sequence).toBe(1);
    const list = (await (await stack.request('/api/consultations')).json()) as { consultations: TConsultation[] };
    expect(list.consultations.find((x) => x.id === c.id)?.status).toBe('cancelled');
  });

  it('serves one feed per theme and per region, by query or by path', async () => {
    const onTheme = await create();
    const african = await create({ region: 'africa', themeSlug: null, title: { en: 'Africa review' } });
    const uids = async (path: string) => [...eventsOf(await feed(path)).keys()].sort();
    expect(await uids(`/api/consultations.ics?theme=${THEME}`)).toEqual([`${onTheme.id}@convene.test`]);
    expect(await uids(`/api/consultations/theme/${THEME}.ics`)).toEqual([`${onTheme.id}@convene.test`]);
    expect(await uids('/api/consultations.ics?region=africa')).toEqual([`${african.id}@convene.test`]);
    expect(await uids('/api/consultations/region/africa.ics')).toEqual([`${african.id}@convene.test`]);
    expect(await uids('/api/consultations.ics')).toEqual(
      [`${onTheme.id}@convene.test`, `${african.id}@convene.test`].sort(),
    );
    // An empty calendar is still a calendar a phone can subscribe to.
    expect(await uids('/api/consultations/region/oceania.ics')).toEqual([]);
  });

  it('lets only signed-in coordinators change the calendar', async () => {
    const res = await stack.request('/api/admin/consultations', { method: 'POST', json: hearing() });
    expect([401, 403]).toContain(res.status);
    expect((await stack.request('/api/consultations')).status).toBe(200);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { and, eq, sql } from 'drizzle-orm';
import { createWebinarRow, registrationBody, truncateActivity } from '../factories.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const DAY = 24 * 3600_000;

/*
 * The API keeps the webinars people register for in memory. These tests change a webinar
 * straight in the database, as another API process would (its changes never pass through this
 * process), after a first registration put the webinar in this process's cache.
 */
describe.each(databaseKinds())('registration against a webinar changed by another process (%s)', (kind) => {
  let stack: TestStack;
  const w = tables.webinars;
  const register = (slug: string, email?: string) =>
    stack.request(`/api/webinars/${slug}/registrations`, {
      method: 'POST',
      json: registrationBody(email ? { email } : {}),
    });

  beforeAll(async () => {
    stack = await startTestStack({ kind, smtp: false });
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
  });

  it('plans the reminders of a newcomer for the new time after a reschedule elsewhere', async () => {
    const webinar = await createWebinarRow(stack.db);
    expect((await register(webinar.slug)).status).toBe(201);

    const startsAt = new Date(webinar.startsAt.getTime() + 2 * DAY);
    await stack.db
      .update(w)
      .set({ startsAt, version: webinar.version + 1 })
      .where(eq(w.id, webinar.id));

    const res = await register(webinar.slug);
    expect(res.status).toBe(201);
    const { registration } = (await res.json()) as { registration: { id: string } };
    const n = tables.notifications;
    const reminders = await stack.db
      .select()
      .from(n)
      .where(and(eq(n.registrationId, registration.id), eq(n.kind, 'reminder')));
    expect(reminders).toHaveLength(3);
    for (const r of reminders) {
      expect(r.webinarVersion).toBe(webinar.version + 1);
      expect(r.scheduledAt.getTime()).toBe(startsAt.getTime() - r.offsetMinutes! * 60_000);
    }
  });

  it('takes a seat for a newcomer, then waitlists the next, once a capacity was set elsewhere', async () => {
    const webinar = await createWebinarRow(stack.db, { capacity: null });
    expect((await register(webinar.slug)).status).toBe(201);

    await stack.db.update(w).set({ capacity: 2, confirmedCount: 1 }).where(eq(w.id, webinar.id));

    const statusOf = async (res: Response) =>
      ((await res.json()) as { registration: { status: string } }).registration.status;
    expect(await statusOf(await register(webinar.slug))).toBe('confirmed');
    expect(await statusOf(await register(webinar.slug))).toBe('waitlisted');
    const [row] = await stack.db.select().from(w).where(eq(w.id, webinar.id));
    expect(row?.confirmedCount).toBe(2);
  });

  it('answers 409 once the webinar was cancelled elsewhere, and stores nothing', async () => {
    const webinar = await createWebinarRow(stack.db);
    expect((await register(webinar.slug)).status).toBe(201);

    await stack.db.update(w).set({ status: 'cancelled' }).where(eq(w.id, webinar.id));

    const res = await register(webinar.slug, 'late.comer@example.org');
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('registration_closed');
    const r = tables.registrations;
    expect(await stack.db.select().from(r).where(eq(r.emailNormalized, 'late.comer@example.org'))).toHaveLength(0);
  });

  it('answers 404 on the old slug once the slug was changed elsewhere', async () => {
    const webinar = await createWebinarRow(stack.db);
    expect((await register(webinar.slug)).status).toBe(201);

    await stack.db
      .update(w)
      .set({ slug: `${webinar.slug}-moved` })
      .where(eq(w.id, webinar.id));

    expect((await register(webinar.slug)).status).toBe(404);
    expect((await register(`${webinar.slug}-moved`)).status).toBe(201);
  });

  it('takes one seat for 20 identical requests, then gives exactly the seats left to 20 people at once', async () => {
    const webinar = await createWebinarRow(stack.db, { capacity: 5 });
    const same = await Promise.all(Array.from({ length: 20 }, () => register(webinar.slug, 'same@example.org')));
    expect(same.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201].sort());
    const [afterSame] = await stack.db.select().from(w).where(eq(w.id, webinar.id));
    expect(afterSame?.confirmedCount).toBe(1);

    const crowd = await Promise.all(
      Array.from({ length: 20 }, (_, i) => register(webinar.slug, `crowd.${i}@example.org`)),
    );
    expect(crowd.map((r) => r.status)).toEqual(Array(20).fill(201));

    const r = tables.registrations;
    const counts = await stack.db
      .select({ status: r.status, n: sql<number>`count(*)::int` })
      .from(r)
      .where(eq(r.webinarId, webinar.id))
      .groupBy(r.status);
    expect(Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]))).toEqual({ confirmed: 5, waitlisted: 16 });
    const [row] = await stack.db.select().from(w).where(eq(w.id, webinar.id));
    expect(row?.confirmedCount).toBe(5);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { confirmations, createWebinarRow, eventually, registrationBody, truncateActivity } from '../factories.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

describe.each(databaseKinds())('POST /api/webinars/:slug/registrations (%s)', (kind) => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ kind });
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
    stack.sink?.messages.splice(0);
  });

  it('registers once and sends one email when 20 identical requests arrive at once', async () => {
    const webinar = await createWebinarRow(stack.db);
    const body = registrationBody({ email: 'Same.Person@Example.org' });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        stack.request(`/api/webinars/${webinar.slug}/registrations`, { method: 'POST', json: body }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const payloads = await Promise.all(responses.map((r) => r.json() as Promise<{ registration: { id: string } }>));
    expect(new Set(payloads.map((p) => p.registration.id)).size).toBe(1);

    const rows = await stack.db
      .select()
      .from(tables.registrations)
      .where(eq(tables.registrations.webinarId, webinar.id));
    expect(rows).toHaveLength(1);
    expect(await confirmations(stack)).toHaveLength(1);
    // The confirmed registrant also has the three reminders still ahead (the webinar is 10 days away).
    const all = await stack.db.select().from(tables.notifications);
    expect(all.filter((n) => n.kind === 'reminder')).toHaveLength(3);

    await stack.sink!.waitFor(1);
    // Give a duplicate every chance to arrive before counting.
    await eventually(async () => {
      const [n] = await confirmations(stack);
      return n?.status === 'sent';
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(stack.sink!.messages).toHaveLength(1);
  });

  it('treats the same email in another case as the same person', async () => {
    const webinar = await createWebinarRow(stack.db);
    const first = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody({ email: 'x.y@example.org' }),
    });
    const second = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody({ email: 'X.Y@EXAMPLE.ORG' }),
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(((await second.json()) as { alreadyRegistered: boolean }).alreadyRegistered).toBe(true);
  });

  it('puts registrants past the capacity on the waitlist', async () => {
    const webinar = await createWebinarRow(stack.db, { capacity: 2 });
    const results = [];
    for (let i = 0; i < 4; i++) {
      const res = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
        method: 'POST',
        json: registrationBody(),
      });
      expect(res.status).toBe(201);
      results.push(((await res.json()) as { registration: { status: string } }).registration.status);
    }
    expect(results).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    const page = (await (await stack.request(`/api/webinars/${webinar.slug}`)).json()) as {
      webinar: { seatsLeft: number };
    };
    expect(page.webinar.seatsLeft).toBe(0);
  });

  it('answers 404 for an unknown webinar and for a draft', async () => {
    const draft = await createWebinarRow(stack.db, { status: 'draft' });
    for (const slug of ['no-such-webinar', draft.slug, 'NOT A SLUG']) {
      const res = await stack.request(`/api/webinars/${encodeURIComponent(slug)}/registrations`, {
        method: 'POST',
        json: registrationBody(),
      });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('answers 409 when the webinar is cancelled or over', async () => {
    const cancelled = await createWebinarRow(stack.db, { status: 'cancelled' });
    const past = await createWebinarRow(stack.db, {
      startsAt: new Date(Date.now() - 3 * 3600_000),
      durationMinutes: 60,
    });
    for (const w of [cancelled, past]) {
      const res = await stack.request(`/api/webinars/${w.slug}/registrations`, {
        method: 'POST',
        json: registrationBody(),
      });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('registration_closed');
    }
    expect(await stack.db.select().from(tables.registrations)).toHaveLength(0);
  });

  it.each([
    ['an empty object', {}, ['name', 'email', 'country', 'language', 'timeZone', 'consent', 'consentVersion']],
    ['a bad email', registrationBody({ email: 'not-an-email' }), ['email']],
    ['an unknown time zone', registrationBody({ timeZone: 'Mars/Olympus_Mons' }), ['timeZone']],
    ['an unsupported language', { ...registrationBody(), language: 'de' }, ['language']],
    ['no consent', { ...registrationBody(), consent: false }, ['consent']],
    ['a bad country', registrationBody({ country: 'Senegal' }), ['country']],
    ['wrong types', { ...registrationBody(), name: 42, consent: 'yes' }, ['name', 'consent']],
    ['an unknown field', { ...registrationBody(), isAdmin: true }, ['isAdmin']],
    ['a 10,000-character name', registrationBody({ name: 'a'.repeat(10_000) }), ['name']],
  ])('answers 400 with field errors for %s, and writes nothing', async (_label, body, fields) => {
    const webinar = await createWebinarRow(stack.db);
    const res = await stack.request(`/api/webinars/${webinar.slug}/registrations`, { method: 'POST', json: body });
    expect(res.status).toBe(400);
    const json = (await res.json()) as {
      error: { code: string; fields: Record<string, { code: string; message: string }> };
    };
    expect(json.error.code).toBe('validation_failed');
    expect(Object.keys(json.error.fields).sort()).toEqual([...fields].sort());
    for (const f of Object.values(json.error.fields)) {
      expect(f.code).toMatch(/^[a-z_]+$/);
      expect(f.message.length).toBeGreaterThan(0);
    }
    expect(await stack.db.select().from(tables.registrations)).toHaveLength(0);
  });

  it.each([
    ['malformed JSON', '{"name": ', 'application/json', 400, 'invalid_json'],
    ['a JSON array', '[1,2,3]', 'application/json', 400, 'invalid_body'],
    ['a JSON string', '"hello"', 'application/json', 400, 'invalid_json'],
    ['form encoding', 'name=x&email=y', 'application/x-www-form-urlencoded', 400, 'invalid_body'],
    ['no body', '', 'application/json', 400, 'validation_failed'],
    [
      'a body over the limit',
      JSON.stringify({ name: 'x'.repeat(200_000) }),
      'application/json',
      413,
      'payload_too_large',
    ],
  ])('answers %s with a structured error, never a 500', async (_label, body, type, status, code) => {
    const webinar = await createWebinarRow(stack.db);
    const res = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('never shows the join URL in public webinar responses', async () => {
    const webinar = await createWebinarRow(stack.db);
    const list = await (await stack.request('/api/webinars')).text();
    const one = await (await stack.request(`/api/webinars/${webinar.slug}`)).text();
    expect(list).toContain(webinar.slug);
    expect(list).not.toContain(webinar.joinUrl);
    expect(one).not.toContain(webinar.joinUrl);
    expect(one).not.toContain('joinUrl');
  });
});

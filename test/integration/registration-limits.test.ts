import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { createWebinarRow, registrationBody, reportBody } from '../factories.js';
import { recipientOf, settle } from '../support/mail-helpers.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const LIMIT = 3;
let nextHost = 1;
/** Each test comes from its own client network (the stack trusts one proxy hop). */
const fromNewNetwork = () => ({ 'x-forwarded-for': `203.0.113.${nextHost++}` });

describe.each(databaseKinds())('public form limits (%s)', (kind) => {
  let stack: TestStack;
  let slug: string;

  const register = (body: object, headers: Record<string, string>) =>
    stack.request(`/api/webinars/${slug}/registrations`, { method: 'POST', json: body, headers });
  const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
  const registeredEmails = async () =>
    (await stack.db.select({ email: tables.registrations.email }).from(tables.registrations)).map((r) => r.email);

  beforeAll(async () => {
    stack = await startTestStack({
      kind,
      env: { TRUST_PROXY: '1', REGISTRATION_RATE_LIMIT: String(LIMIT), REPORT_RATE_LIMIT: '100' },
    });
    slug = (await createWebinarRow(stack.db)).slug;
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  describe('POST /api/webinars/:slug/registrations', () => {
    it('answers 429 with Retry-After past REGISTRATION_RATE_LIMIT per network, and stores and mails nothing more', async () => {
      const network = fromNewNetwork();
      const bodies = Array.from({ length: LIMIT + 2 }, () => registrationBody());
      const answers: { status: number; retryAfter: string | null; code?: string }[] = [];
      for (const body of bodies) {
        const res = await register(body, network);
        answers.push({
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          ...(res.status === 429 ? { code: await errorCode(res) } : {}),
        });
        if (res.status !== 429) await res.arrayBuffer();
      }
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 429, 429]);
      for (const refused of answers.slice(LIMIT)) {
        expect(refused.code).toBe('rate_limited');
        // Whole seconds until the hour's window ends.
        expect(Number(refused.retryAfter)).toBeGreaterThan(3000);
        expect(Number(refused.retryAfter)).toBeLessThanOrEqual(3600);
      }

      const accepted = bodies.slice(0, LIMIT).map((b) => b.email);
      expect((await registeredEmails()).sort()).toEqual([...accepted].sort());
      await stack.sink!.waitFor(LIMIT);
      await settle(stack.sink!.messages);
      expect(stack.sink!.messages.map(recipientOf).sort()).toEqual([...accepted].sort());

      // Another network is not held back by this one.
      const other = registrationBody();
      const res = await register(other, fromNewNetwork());
      expect(res.status).toBe(201);
      await stack.sink!.waitFor(LIMIT + 1);
    });

    it('refuses a filled trap field with 400 honeypot_filled, storing and mailing nothing', async () => {
      await settle(stack.sink!.messages);
      const before = stack.sink!.messages.length;
      const body = registrationBody();
      const res = await register({ ...body, website: 'https://spam.example' }, fromNewNetwork());
      expect(res.status).toBe(400);
      expect(await errorCode(res)).toBe('honeypot_filled');
      expect(await registeredEmails()).not.toContain(body.email);
      expect(
        await stack.db.select().from(tables.registrations).where(eq(tables.registrations.email, body.email)),
      ).toEqual([]);
      await settle(stack.sink!.messages);
      expect(stack.sink!.messages.length).toBe(before);

      // Left empty, as a person leaves it, the field is no obstacle.
      const person = registrationBody();
      const ok = await register({ ...person, website: '' }, fromNewNetwork());
      expect(ok.status).toBe(201);
    });
  });

  describe('POST /api/reports', () => {
    it('refuses a filled trap field with 400 honeypot_filled and stores no report', async () => {
      const body = reportBody();
      const res = await stack.request('/api/reports', {
        method: 'POST',
        json: { ...body, website: 'cheap pills' },
        headers: fromNewNetwork(),
      });
      expect(res.status).toBe(400);
      expect(await errorCode(res)).toBe('honeypot_filled');
      const stored = await stack.db
        .select()
        .from(tables.reports)
        .where(eq(tables.reports.clientSubmissionId, body.clientSubmissionId));
      expect(stored).toEqual([]);

      const kept = await stack.request('/api/reports', {
        method: 'POST',
        json: { ...reportBody(), website: '' },
        headers: fromNewNetwork(),
      });
      expect(kept.status).toBe(201);
    });
  });
});

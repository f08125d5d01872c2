import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { and, eq, sql } from 'drizzle-orm';
import { createWebinarRow, truncateActivity } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { calendarOf, recipientOf, settle } from '../support/mail-helpers.js';
import { registerFor } from '../support/programme-steps.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const DAY = 24 * 3600_000;

describe.each(databaseKinds())('registrants page actions (%s)', (kind) => {
  let stack: TestStack;
  let session: CoordinatorSession;

  beforeAll(async () => {
    stack = await startTestStack({ kind });
    session = await signIn(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
    stack.sink!.messages.splice(0);
  });

  /** Two confirmed, two waitlisted (capacity 2), one cancelled; their confirmations drained. */
  async function fullWebinar() {
    const webinar = await createWebinarRow(stack.db, { capacity: 2, startsAt: new Date(Date.now() + 3 * DAY) });
    const people = {
      one: await registerFor(stack, webinar.slug, 'one@example.org', { name: 'Oumar Ba', organization: 'Red Sur' }),
      two: await registerFor(stack, webinar.slug, 'two@example.org'),
      three: await registerFor(stack, webinar.slug, 'three@example.org', { language: 'fr' }),
      four: await registerFor(stack, webinar.slug, 'four@example.org'),
      five: await registerFor(stack, webinar.slug, 'five@example.org'),
    };
    const [five] = await stack.db
      .select()
      .from(tables.registrations)
      .where(eq(tables.registrations.id, people.five.id));
    // Five leaves by their manage link: the freed seat does not exist (they were waitlisted).
    // Their waiting-list mail first: sent after the cancellation, it would rightly be skipped.
    await stack.sink!.waitFor(5);
    await stack.request(`/api/registrations/manage/${five!.manageToken}/cancel`, { method: 'POST' });
    await stack.sink!.waitFor(6);
    await settle(stack.sink!.messages);
    stack.sink!.messages.splice(0);
    return { webinar, people };
  }

  const act = (webinarId: string, registrationId: string, action: string, json?: unknown) =>
    stack.request(`/api/admin/webinars/${webinarId}/registrations/${registrationId}/${action}`, {
      method: 'POST',
      headers: session.headers,
      ...(json === undefined ? {} : { json }),
    });
  const list = async (webinarId: string, query = '') => {
    const res = await stack.request(`/api/admin/webinars/${webinarId}/registrations${query}`, {
      headers: session.headers,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      registrants: { id: string; email: string; status: string }[];
      counts: Record<string, number>;
    };
  };

  it('lists true counts whatever the filter, and searches name, email and organization', async () => {
    const { webinar } = await fullWebinar();
    const all = await list(webinar.id);
    expect(all.counts).toEqual({ confirmed: 2, waitlisted: 2, cancelled: 1, attended: 0, absentees: 2 });
    expect(all.registrants).toHaveLength(5);
    const waiting = await list(webinar.id, '?status=waitlisted');
    expect(waiting.registrants.map((r) => r.email)).toEqual(['three@example.org', 'four@example.org']);
    expect(waiting.counts).toEqual(all.counts);
    expect((await list(webinar.id, '?q=oumar')).registrants.map((r) => r.email)).toEqual(['one@example.org']);
    expect((await list(webinar.id, '?q=RED%20SUR')).registrants).toHaveLength(1);
    expect((await list(webinar.id, '?q=two%40')).registrants.map((r) => r.email)).toEqual(['two@example.org']);
    expect((await list(webinar.id, '?q=%25')).registrants).toHaveLength(0);
    const bad = await stack.request(`/api/admin/webinars/${webinar.id}/registrations?status=maybe`, {
      headers: session.headers,
    });
    expect(bad.status).toBe(400);
  });

  it('refuses to promote into a full webinar unless over capacity is asked for, then mails the promotion and reminders', async () => {
    const { webinar, people } = await fullWebinar();
    const refused = await act(webinar.id, people.four.id, 'promote', {});
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('webinar_full');

    // Someone further down the list, over the capacity, on purpose.
    const promoted = await act(webinar.id, people.four.id, 'promote', { overCapacity: true });
    expect(promoted.status).toBe(200);
    expect(((await promoted.json()) as { registrant: { status: string } }).registrant.status).toBe('confirmed');
    const again = await act(webinar.id, people.four.id, 'promote', { overCapacity: true });
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('not_waitlisted');
    const [mail] = await stack.sink!.waitFor(1);
    await settle(stack.sink!.messages);
    expect(stack.sink!.messages).toHaveLength(1);
    expect(recipientOf(mail!)).toBe('four@example.org');
    expect(mail!.subject).toBe('A place opened up: Regular pathways and decent work');
    expect(calendarOf(mail!)!.text).toContain('METHOD:REQUEST');
    const reminders = await stack.db
      .select()
      .from(tables.notifications)
      .where(and(eq(tables.notifications.registrationId, people.four.id), eq(tables.notifications.kind, 'reminder')));
    expect(reminders.map((r) => r.offsetMinutes).sort()).toEqual([1440, 60].sort());
    const [w] = await stack.db.select().from(tables.webinars).where(eq(tables.webinars.id, webinar.id));
    expect(w!.confirmedCount).toBe(3);
    expect((await list(webinar.id)).counts).toMatchObject({ confirmed: 3, waitlisted: 1 });

    const audit = await stack.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.action, 'registration.promote'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain('@');
  });

  it('cancels on behalf: one cancellation mail, and the freed seat goes to the first on the waiting list', async () => {
    const { webinar, people } = await fullWebinar();
    for (let i = 0; i < 2; i++) {
      const res = await act(webinar.id, people.one.id, 'cancel');
      expect(res.status).toBe(200);
      expect(((await res.json()) as { registrant: { status: string } }).registrant.status).toBe('cancelled');
    }
    await stack.sink!.waitFor(2);
    await settle(stack.sink!.messages);
    const mailTo = (email: string) => stack.sink!.messages.filter((m) => recipientOf(m) === email);
    expect(stack.sink!.messages).toHaveLength(2);
    expect(mailTo('one@example.org').map((m) => m.subject)).toEqual([
      'Registration cancelled: Regular pathways and decent work',
    ]);
    // The first on the waiting list, in their language (French).
    expect(mailTo('three@example.org')[0]!.subject).toMatch(/^Une place s’est libérée/);
    expect((await list(webinar.id)).counts).toMatchObject({ confirmed: 2, waitlisted: 1, cancelled: 2 });
    const pending = await stack.db
      .select()
      .from(tables.notifications)
      .where(and(eq(tables.notifications.registrationId, people.one.id), eq(tables.notifications.status, 'pending')));
    expect(pending).toHaveLength(0);
  });

  it('resends a confirmation as a new outbox row, once for a double click, again after the interval', async () => {
    const { webinar, people } = await fullWebinar();
    const clicks = await Promise.all([
      act(webinar.id, people.two.id, 'resend-confirmation'),
      act(webinar.id, people.two.id, 'resend-confirmation'),
    ]);
    expect(clicks.map((r) => r.status).sort()).toEqual([202, 429]);
    const refused = clicks.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    await stack.sink!.waitFor(1);
    await settle(stack.sink!.messages);
    expect(stack.sink!.messages).toHaveLength(1);
    expect(stack.sink!.messages[0]!.subject).toBe('Registration confirmed: Regular pathways and decent work');

    // Three minutes later another click sends another one.
    await stack.db.execute(
      sql`update notifications set created_at = now() - interval '3 minutes' where dedupe_key like 'confirmation-resend:%'`,
    );
    expect((await act(webinar.id, people.two.id, 'resend-confirmation')).status).toBe(202);
    await stack.sink!.waitFor(2);
    await settle(stack.sink!.messages);
    expect(stack.sink!.messages).toHaveLength(2);

    const cancelled = await act(webinar.id, people.five.id, 'resend-confirmation');
    expect(cancelled.status).toBe(409);
  });

  it('answers 404 for a registrant of another webinar and for an unknown one', async () => {
    const { people } = await fullWebinar();
    const other = await createWebinarRow(stack.db);
    expect((await act(other.id, people.four.id, 'promote', {})).status).toBe(404);
    expect((await act(other.id, 'not-a-uuid', 'cancel')).status).toBe(404);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { JOBS, SWEEP_JOB_OPTIONS, sweepJobId, type TCampaignPreview } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import { createWebinarRow, eventually, truncateActivity } from '../factories.js';
import { campaignWhenDone, deliveryReport, insertContacts, sendCampaign } from '../support/campaign-helpers.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { recipientOf, settle } from '../support/mail-helpers.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

// The production topology when the suite has PostgreSQL; PGlite otherwise.
const kind = databaseKinds().includes('postgres') ? 'postgres' : 'pglite';

describe(`SMTP failures during a campaign (${kind})`, () => {
  let stack: TestStack;
  let session: CoordinatorSession;
  // What the sink answers to the nth message it receives; each test sets its own.
  let answer: (index: number, recipients: string[]) => number | undefined = () => undefined;

  beforeAll(async () => {
    stack = await startTestStack({
      kind,
      smtp: { reject: (index, recipients) => answer(index, recipients) },
      // Refused mail retried after 1 s, 2 s, 4 s… instead of 5 s, 10 s, 20 s: the same retries, sooner.
      env: { WORKER_CONCURRENCY: '10', MAIL_RETRY_SECONDS: '1' },
    });
    session = await signIn(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    answer = () => undefined;
    await stack.db.execute(sql`truncate table contacts cascade`);
    await truncateActivity(stack.db);
    stack.sink!.messages.splice(0);
  });

  it('delivers every invitation exactly once when the server answers 421 to one message in five', async () => {
    const emails = await insertContacts(stack.db, 200, 'busy');
    const webinar = await createWebinarRow(stack.db);
    // The first attempt of every fifth recipient is refused, its retry accepted: each refusal
    // belongs to one row, so the rows retried and the attempts added are exactly the refusals.
    let refused = 0;
    const recipients = new Set<string>();
    answer = (_index, to) => {
      const recipient = to.join(',');
      if (recipients.has(recipient)) return undefined;
      recipients.add(recipient);
      if (recipients.size % 5 !== 0) return undefined;
      refused++;
      return 421;
    };

    const campaign = await sendCampaign(stack, session, webinar.id);
    expect(campaign.plannedCount).toBe(200);
    // Refused messages come back after the exponential backoff (1 s, 2 s, 4 s… here).
    await stack.sink!.waitFor(200, 100_000);
    const done = await campaignWhenDone(stack, session, campaign.id, 30_000);
    await settle(stack.sink!.messages);

    expect(refused).toBe(40);
    expect(done.progress).toMatchObject({ total: 200, sent: 200, failed: 0, queued: 0, done: true });
    const report = deliveryReport(stack.sink!.messages, emails);
    expect(report).toEqual({ missing: [], duplicates: 0, unexpected: [] });
    expect(stack.sink!.messages).toHaveLength(200);

    // Each refusal cost exactly one more attempt on its row; nothing was given up on.
    const [totals] = await stack.db
      .select({
        attempts: sql<number>`sum(${tables.notifications.attempts})::int`,
        retried: sql<number>`count(*) filter (where ${tables.notifications.attempts} > 1)::int`,
      })
      .from(tables.notifications)
      .where(eq(tables.notifications.campaignId, campaign.id));
    expect(totals?.attempts).toBe(200 + refused);
    expect(totals?.retried).toBe(refused);
  }, 120_000);

  it('gives up at once on a 550, marks the contact undeliverable and skips it in later campaigns', async () => {
    await insertContacts(stack.db, 1, 'doomed', () => ({ tags: ['doomed'] }));
    const others = await insertContacts(stack.db, 5, 'fine');
    const doomed = 'doomed-0@example.org';
    const webinar = await createWebinarRow(stack.db);
    // The only message of the first campaign is the doomed contact's.
    answer = () => 550;

    const campaign = await sendCampaign(stack, session, webinar.id, { tags: ['doomed'] });
    expect(campaign.plannedCount).toBe(1);
    const row = await eventually(async () => {
      const [n] = await stack.db
        .select()
        .from(tables.notifications)
        .where(eq(tables.notifications.campaignId, campaign.id));
      return n?.status === 'failed' ? n : null;
    });
    answer = () => undefined;
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain('550');

    // Given up on for good: a sweep woken after it does not try the row again.
    const wakeUp = sweepJobId(Date.now());
    const queue = stack.running.ctx.mailQueue.queue;
    await queue.add(JOBS.sweepMail, {}, { ...SWEEP_JOB_OPTIONS, jobId: wakeUp });
    // A sweep that is done leaves no job behind.
    await eventually(async () => (await queue.getJob(wakeUp)) === undefined, 20_000);
    const [after] = await stack.db.select().from(tables.notifications).where(eq(tables.notifications.id, row.id));
    expect(after).toMatchObject({ status: 'failed', attempts: 1 });
    // The sink accepts again by now: a retry would have been received.
    expect(stack.sink!.messages).toHaveLength(0);
    const [contact] = await stack.db.select().from(tables.contacts).where(eq(tables.contacts.emailNormalized, doomed));
    expect(contact?.undeliverableAt).toBeInstanceOf(Date);
    expect(contact?.unsubscribedAt).toBeNull();
    const first = await campaignWhenDone(stack, session, campaign.id);
    expect(first.progress).toMatchObject({ total: 1, sent: 0, failed: 1, done: true });

    const later = await createWebinarRow(stack.db);
    const res = await stack.request('/api/admin/campaigns/preview', {
      method: 'POST',
      headers: session.headers,
      json: { webinarId: later.id, segment: {} },
    });
    expect(((await res.json()) as TCampaignPreview).excluded).toEqual({
      unsubscribed: 0,
      undeliverable: 1,
      alreadyInvited: 0,
    });
    const next = await sendCampaign(stack, session, later.id);
    expect(next).toMatchObject({ plannedCount: 5, skippedCount: 1 });
    await campaignWhenDone(stack, session, next.id);
    await settle(stack.sink!.messages);
    expect(stack.sink!.messages.map(recipientOf).sort()).toEqual([...others].sort());
  });
});

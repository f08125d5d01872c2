import { randomUUID } from 'node:crypto';
import { createLogger } from '@convene/shared/node';
import { DUE_NOW_WAKE_UP_GRID_MS } from '@convene/shared';
import { jest } from '@jest/globals';
import { Redis } from 'ioredis';
import { MailQueue } from './mail-queue.js';

const EARLY_MS = 10_000;

describe('MailQueue.enqueue', () => {
  let redis: Redis;
  let mailQueue: MailQueue;

  beforeEach(() => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    mailQueue = new MailQueue(redis, `mq-${randomUUID()}`, createLogger('test', 'silent'), EARLY_MS);
  });
  afterEach(async () => {
    await mailQueue.queue.obliterate({ force: true });
    await mailQueue.close();
    redis.disconnect();
  });

  const dueNow = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ id: randomUUID(), scheduledAt: new Date(Date.now() - i) }));

  it('wakes one sweep for mail falling due within one grid cell, not one per registration', async () => {
    // 30 confirmations, each due at a millisecond of its own, enqueued as concurrent registrations would.
    await Promise.all(dueNow(30).map((n) => mailQueue.enqueue([n])));

    const delayed = await mailQueue.queue.getDelayed();
    // The 30 calls may straddle one cell boundary, never more.
    expect(delayed.length).toBeGreaterThanOrEqual(1);
    expect(delayed.length).toBeLessThanOrEqual(2);
    for (const job of delayed) {
      expect(job.id).toMatch(/^sweep-at-\d+$/);
      // Strictly later than the enqueue, at most one cell: the sweep sees rows committed before it.
      expect(job.opts.delay).toBeGreaterThan(0);
      expect(job.opts.delay).toBeLessThanOrEqual(DUE_NOW_WAKE_UP_GRID_MS);
    }
  });

  it('keeps the wake-ups of mail ahead exact, one per instant', async () => {
    const inAnHour = Date.now() + 3_600_000;
    await mailQueue.enqueue([
      { id: randomUUID(), scheduledAt: new Date(inAnHour) },
      { id: randomUUID(), scheduledAt: new Date(inAnHour + 60_000) },
    ]);

    const ids = (await mailQueue.queue.getDelayed()).map((job) => job.id).sort();
    expect(ids).toEqual([`sweep-at-${inAnHour}`, `sweep-at-${inAnHour + 60_000}`]);
  });

  it('does not send Redis a wake-up it already added whose time has not come', async () => {
    const addBulk = jest.spyOn(mailQueue.queue, 'addBulk');
    const reminderAt = new Date(Date.now() + 3_600_000);
    // Every registrant of a webinar shares its reminders' instants.
    for (let i = 0; i < 5; i++) await mailQueue.enqueue([{ id: randomUUID(), scheduledAt: reminderAt }]);

    expect(addBulk).toHaveBeenCalledTimes(1);
    expect((await mailQueue.queue.getDelayed()).map((job) => job.id)).toEqual([`sweep-at-${reminderAt.getTime()}`]);
  });

  it('adds the wake-up again once its add failed', async () => {
    const reminderAt = new Date(Date.now() + 3_600_000);
    const addBulk = jest.spyOn(mailQueue.queue, 'addBulk').mockRejectedValueOnce(new Error('Redis went away'));
    // A failure is logged, not thrown: the rows are committed and the reconciler has them.
    await expect(mailQueue.enqueue([{ id: randomUUID(), scheduledAt: reminderAt }])).resolves.toBeUndefined();
    await mailQueue.enqueue([{ id: randomUUID(), scheduledAt: reminderAt }]);

    expect(addBulk).toHaveBeenCalledTimes(2);
    expect((await mailQueue.queue.getDelayed()).map((job) => job.id)).toEqual([`sweep-at-${reminderAt.getTime()}`]);
  });
});

import { QUEUES } from '@convene/shared';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import type { Router } from 'express';
import type { AppContext } from '../../context.js';

export const QUEUES_PATH = '/admin/queues';

/**
 * Bull Board over the mail and schedule queues, read-only: admins look, the reconciler and
 * the outbox stay in charge of retries. Mounted behind the admin check in app.ts.
 */
export function queuesDashboard(ctx: AppContext): { router: Router; close: () => Promise<void> } {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUES_PATH);
  // Its own connection: BullMQ does not close a connection it was handed, so this one does.
  const connection = ctx.redis.duplicate();
  const queues = Object.values(QUEUES).map((name) => new Queue(name, { connection, prefix: ctx.env.QUEUE_PREFIX }));
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: adapter,
  });
  return {
    router: adapter.getRouter() as Router,
    close: async () => {
      await Promise.all(queues.map((q) => q.close()));
      connection.disconnect();
    },
  };
}

import { QUEUES } from '@convene/shared';
import type { Queue } from 'bullmq';
import { Router } from 'express';
import type { AppContext } from '../../context.js';

export const QUEUES_PATH = '/admin/queues';

type Board = { router: Router; queues: Queue[]; connection: AppContext['redis'] };

async function createBoard(ctx: AppContext): Promise<Board> {
  const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }, { Queue }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/express'),
    import('bullmq'),
  ]);
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUES_PATH);
  // Its own connection: BullMQ does not close a connection it was handed, so this one does.
  const connection = ctx.redis.duplicate();
  const queues = Object.values(QUEUES).map((name) => new Queue(name, { connection, prefix: ctx.env.QUEUE_PREFIX }));
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })),
    serverAdapter: adapter,
  });
  return { router: adapter.getRouter() as Router, queues, connection };
}

/**
 * Bull Board over the mail and schedule queues, read-only: admins look, the reconciler and
 * the outbox stay in charge of retries. Mounted behind the admin check in app.ts. Built on the
 * first request: until an admin opens it, a process holds neither its modules (a few MB of
 * heap) nor its Redis connection.
 */
export function queuesDashboard(ctx: AppContext): { router: Router; close: () => Promise<void> } {
  let board: Promise<Board> | null = null;
  const router = Router();
  router.use((req, res, next) => {
    board ??= createBoard(ctx);
    board.then((b) => b.router(req, res, next), next);
  });
  return {
    router,
    close: async () => {
      if (!board) return;
      const b = await board.catch(() => null);
      if (!b) return;
      await Promise.all(b.queues.map((q) => q.close()));
      b.connection.disconnect();
    },
  };
}

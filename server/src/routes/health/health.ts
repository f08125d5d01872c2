import { Router } from 'express';
import type { AppContext } from '../../context.js';

/**
 * GET /healthz (the process answers) and GET /readyz (its database and Redis answer, and it is
 * not shutting down: a balancer stops routing here as soon as the drain begins).
 */
export function healthRouter(ctx: AppContext): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [database, redis] = await Promise.all([
      ctx.database.ping().then(
        () => 'ok' as const,
        () => 'down' as const,
      ),
      ctx.redis.status === 'ready'
        ? ctx.redis.ping().then(
            () => 'ok' as const,
            () => 'down' as const,
          )
        : Promise.resolve('down' as const),
    ]);
    const ok = database === 'ok' && redis === 'ok';
    // Checked after the probes: a drain that began meanwhile must not answer 200.
    const status = ctx.drain?.draining ? 'draining' : ok ? 'ok' : 'unavailable';
    res.status(status === 'ok' ? 200 : 503).json({ status, checks: { database, redis } });
  });
  return router;
}

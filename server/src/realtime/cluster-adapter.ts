import { createAdapter } from '@socket.io/redis-adapter';
import { createRedis, waitForRedis, type Logger } from '@convene/shared/node';
import type { Redis } from 'ioredis';

export type ClusterAdapter = {
  /** For `new Server(…, { adapter })`. */
  adapter: ReturnType<typeof createAdapter>;
  /**
   * Called once the subscription is back after a lost Redis connection: messages published
   * in between (by any instance) were not received here.
   */
  onResubscribed: (listener: () => void) => void;
  close: () => Promise<void>;
};

/** How long an instance waits for the others to answer a fetchSockets/serverSideEmit request. */
const REQUESTS_TIMEOUT_MS = 3000;

/**
 * The socket.io Redis adapter (PUB/SUB) that joins the API instances: a broadcast, a
 * disconnectSockets or a fetchSockets made on one reaches the sockets of all.
 *
 * Its two connections are dedicated and use the worker options (offline queue, retry for
 * ever): with the API's fail-fast producer options every publish while Redis is down would
 * be an unhandled rejection, which kills the process. Both must be ready before the adapter
 * subscribes, or the SUBSCRIBE is silently lost. ioredis re-subscribes by itself after a
 * reconnection; what was published meanwhile is gone, hence onResubscribed.
 */
export async function createClusterAdapter(redisUrl: string, prefix: string, logger: Logger): Promise<ClusterAdapter> {
  const pub = createRedis(redisUrl, 'worker', logger);
  const sub = createRedis(redisUrl, 'worker', logger);
  const quit = (client: Redis) =>
    client.status === 'ready' ? client.quit().then(() => undefined) : client.disconnect();
  try {
    await Promise.all([waitForRedis(pub, 3000), waitForRedis(sub, 3000)]);
  } catch (err) {
    pub.disconnect();
    sub.disconnect();
    throw err;
  }

  const listeners: (() => void)[] = [];
  let closing = false;
  let lost = false;
  sub.on('close', () => {
    if (!closing) lost = true;
  });
  sub.on('ready', () => {
    if (!lost) return;
    lost = false;
    // ioredis sends the SUBSCRIBEs right after 'ready'; a PING queued behind them answers
    // once Redis has applied them.
    sub.ping().then(
      () => listeners.forEach((listener) => listener()),
      (err: Error) => logger.warn({ err: err.message }, 'socket.io subscription check failed'),
    );
  });

  return {
    adapter: createAdapter(pub, sub, { key: `${prefix}:sio`, requestsTimeout: REQUESTS_TIMEOUT_MS }),
    onResubscribed: (listener) => listeners.push(listener),
    close: async () => {
      closing = true;
      await Promise.all([quit(pub), quit(sub)]);
    },
  };
}

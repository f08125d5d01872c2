import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

export type PrivateRedis = { url: string; client: Redis; stop: () => Promise<void> };

/**
 * A redis-server of this test's own, so a test can FLUSHALL or kill it without touching
 * the Redis other test files share.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  // Never outlive the test process, even when its afterAll does not run.
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  const client = await connectWhenUp(url, 10_000);
  return {
    url,
    client,
    stop: async () => {
      client.disconnect();
      killChild();
      process.off('exit', killChild);
    },
  };
}

/** A fresh connection per try: an ioredis client that failed once stays in "reconnecting". */
async function connectWhenUp(url: string, timeoutMs: number): Promise<Redis> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: () => null });
    try {
      await client.connect();
      await client.ping();
      return client;
    } catch (err) {
      client.disconnect();
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

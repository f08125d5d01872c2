import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

export type RestartableRedis = {
  url: string;
  /** SIGKILL, as a crash would; resolves once the process is gone. */
  kill: () => Promise<void>;
  /** Starts it again on the same port and data directory; resolves once it answers PING. */
  start: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * A redis-server of this test's own that can crash and come back with its data, like the
 * production one (AOF; fsync on every write, so a SIGKILL loses nothing the test wrote).
 */
export async function startRestartableRedis(): Promise<RestartableRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'convene-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const killChild = () => child?.kill('SIGKILL');
  process.once('exit', killChild);

  const start = async () => {
    child = spawn(
      'redis-server',
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
        ...['--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction'],
      ],
      { stdio: 'ignore' },
    );
    await untilUp(url, 10_000);
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };

  await start();
  return {
    url,
    kill,
    start,
    stop: async () => {
      await kill();
      process.off('exit', killChild);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh connection per try: an ioredis client that failed once stays in "reconnecting". */
async function untilUp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: () => null });
    try {
      await client.connect();
      await client.ping();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      client.disconnect();
    }
  }
}

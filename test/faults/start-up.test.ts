import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '@convene/shared/node';
import { createWebinarRow, registrationBody } from '../factories.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

function runMain(env: Record<string, string>) {
  return spawnSync(TSX, [path.join(REPO_ROOT, 'server/src/main.ts')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'convene-start-')),
      ...env,
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('start-up', () => {
  it('exits 1 with one line saying how to start Redis when Redis is unreachable', () => {
    const result = runMain({ REDIS_URL: 'redis://127.0.0.1:1', PORT: '0' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Redis is not reachable at redis://127.0.0.1:1');
    expect(lines[0]).toContain('redis-server');
  });

  it('lists every configuration problem at once and exits 1', () => {
    const result = runMain({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db',
      ADMIN_EMAIL: 'admin@example.org',
      NODE_ENV: 'production',
    });
    expect(result.status).toBe(1);
    for (const name of ['PORT', 'DATABASE_URL', 'ADMIN_PASSWORD', 'SESSION_SECRET', 'PRIVACY_KEY'])
      expect(result.stderr).toContain(name);
  });

  it('refuses to run the API alone on the single-process embedded database', () => {
    const result = runMain({ RUN_WORKER: 'false' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('single-process');
  });
});

describe('Redis going away while running', () => {
  let redis: PrivateRedis;
  let stack: TestStack;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    stack = await startTestStack({ kind: 'pglite', withWorker: false, smtp: false, redisUrl: redis.url });
  });
  afterAll(async () => {
    try {
      await stack?.stop();
    } finally {
      await redis?.stop();
    }
  });

  it('makes registration fail fast with 503 and Retry-After, writing nothing', async () => {
    const webinar = await createWebinarRow(stack.db);
    await redis.stop();
    // Let the producer connection notice.
    await new Promise((r) => setTimeout(r, 300));
    const res = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody(),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    const ready = await stack.request('/readyz');
    expect(ready.status).toBe(503);
    const health = await stack.request('/healthz');
    expect(health.status).toBe(200);
  });
});

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { REPO_ROOT } from '@convene/shared/node';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { eventually } from '../factories.js';
import { parse } from 'yaml';
import { spawnBuilt, type Child } from '../support/child-process.js';
import { ensureCompiledBuild } from '../support/compiled-build.js';
import { startNginx, type Nginx } from '../support/nginx.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { createTestDatabase, databaseKinds, type TestDatabaseTarget } from '../support/test-database.js';

type Compose = {
  services: Record<
    string,
    {
      command?: string[];
      ports?: string[];
      restart?: string;
      stop_grace_period?: string;
      deploy?: { replicas?: number };
      environment?: Record<string, string>;
      volumes?: string[];
    }
  >;
};

const seconds = (duration: string | undefined) => {
  const match = /^(\d+)s$/.exec(duration ?? '');
  return match ? Number(match[1]) : 10; // Docker's default
};

describe('the production commands', () => {
  const compose = parse(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as Compose;
  const dockerfile = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');

  it('run node itself on the compiled build, so SIGTERM reaches the app (no npm, npx, tsx or shell between)', () => {
    // The last CMD is the runtime stage's; the JSON (exec) form, so node is PID 1, not /bin/sh.
    const cmd = [...dockerfile.matchAll(/^CMD\s+(.*)$/gm)].at(-1)?.[1];
    const commands = {
      Dockerfile: JSON.parse(cmd ?? 'null') as string[],
      'compose server': compose.services.server!.command!,
      'compose worker': compose.services.worker!.command!,
      'npm run start:server': (
        JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
          scripts: Record<string, string>;
        }
      ).scripts['start:server']!.split(' '),
    };
    for (const [where, command] of Object.entries(commands)) {
      expect({ where, program: command[0], condition: command[1] }).toEqual({
        where,
        program: 'node',
        condition: '--conditions=convene-dist',
      });
      expect({ where, entry: command[2] }).toEqual({ where, entry: expect.stringMatching(/^(server|worker)\/dist\//) });
    }
  });

  it('puts two API replicas and two workers behind the nginx balancer, with time to drain before SIGKILL', () => {
    const { lb, server, worker } = compose.services;
    expect(lb!.volumes).toContain('./deploy/nginx/templates:/etc/nginx/templates:ro');
    expect(lb!.ports).toEqual(['3000:80']);
    // A scaled service cannot publish one host port: replicas are reached through lb only.
    expect(server!.ports).toBeUndefined();
    expect(server!.deploy?.replicas).toBe(2);
    expect(worker!.deploy?.replicas).toBe(2);
    expect(server!.environment?.TRUST_PROXY).toBe('1');
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, restart: service.restart }).toEqual({ name, restart: 'unless-stopped' });
    }
    for (const service of [server!, worker!]) {
      // The app's force-quit comes 5 s after the grace period; Docker's SIGKILL must come later.
      const grace = Number(service.environment?.SHUTDOWN_GRACE_SECONDS ?? 20);
      expect(seconds(service.stop_grace_period)).toBeGreaterThan(grace + 5);
    }
  });
});

function portFrom(output: string): number {
  const match = /"url":"http:\/\/localhost:(\d+)"/.exec(output);
  if (!match) throw new Error(`no url in output:\n${output}`);
  return Number(match[1]);
}

type Outcome = { status: number | string; id?: string };

/** One JSON request on the given agent; a network error is an outcome too (its code). */
function send(
  port: number,
  agent: Agent | false,
  method: string,
  urlPath: string,
  body?: unknown,
): Promise<{ status: number | string; json?: Record<string, unknown> }> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, method, path: urlPath, agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          let json: Record<string, unknown> | undefined;
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ status: err.code ?? err.message }));
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function loadRegistration(run: string, i: number) {
  return {
    name: `Load ${i}`,
    email: `drain-${run}-${i}@example.org`,
    country: 'BD',
    language: 'en',
    timeZone: 'Asia/Dhaka',
    consent: true,
  };
}

/** The environment of an API process of these tests (split mode, compiled build). */
function apiEnv(target: TestDatabaseTarget, prefix: string, extra: Record<string, string> = {}) {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: target.databaseUrl!,
    DATA_DIR: target.dataDir,
    QUEUE_PREFIX: prefix,
    SESSION_SECRET: randomBytes(24).toString('hex'),
    HOST: '127.0.0.1',
    PORT: '0',
    RUN_WORKER: 'false',
    TRUST_PROXY: '1',
    // Every request comes from 127.0.0.1: the per-network limit would answer 429.
    REGISTRATION_RATE_LIMIT: '100000',
    SHUTDOWN_GRACE_SECONDS: '20',
    ...extra,
  };
}

// Split mode needs PostgreSQL (PGlite is single-process): defined when the suite has one.
describe('graceful stops of the compiled build on SIGTERM', () => {
  if (!databaseKinds().includes('postgres')) return;
  // A database per test: a worker's reconciler would send the other test's pending mails.
  const targets: TestDatabaseTarget[] = [];
  const freshDatabase = async () => {
    const target = await createTestDatabase('postgres');
    targets.push(target);
    return target;
  };
  const children: Child[] = [];
  let nginx: Nginx | undefined;

  beforeAll(async () => {
    await ensureCompiledBuild();
  }, 300_000);
  afterAll(async () => {
    for (const child of children) await child.stop('SIGKILL');
    await nginx?.stop();
    for (const target of targets) await target.drop();
  });

  it('an API behind nginx under a keep-alive registration load cuts no request, stores every 201 with its confirmation, answers 503 on /readyz and exits within the grace period', async () => {
    expect(existsSync(path.join(REPO_ROOT, 'server', 'dist', 'main.js'))).toBe(true);
    const target = await freshDatabase();
    const run = randomBytes(4).toString('hex');
    const env = (extra: Record<string, string> = {}) => apiEnv(target, `d${run}`, extra);
    // One after the other: this file is about stopping, not about a cold start.
    // The one stopped keeps its port open for 1 s of notice, so /readyz can be seen turning 503.
    const a = spawnBuilt('server/dist/main.js', ['--role=server'], env({ SHUTDOWN_NOTICE_SECONDS: '1' }));
    children.push(a);
    await a.waitForOutput('Convene is up', 60_000);
    const b = spawnBuilt('server/dist/main.js', ['--role=server'], env());
    children.push(b);
    await b.waitForOutput('Convene is up', 60_000);
    const portA = portFrom(a.output());
    nginx = await startNginx([portA, portFrom(b.output())]);
    const lb = nginx.port;

    // The load: 8 keep-alive connections to nginx, registrations for distinct addresses, on
    // until 100 more after API A is gone and at least 300 (at most 900: the orientation seats 1,000).
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const outcomes: Outcome[] = [];
    let stopAt = 900;
    let sent = 0;
    let signalAfter: () => void = () => undefined;
    const hundredDone = new Promise<void>((resolve) => (signalAfter = resolve));
    const loop = async () => {
      while (sent < stopAt) {
        const i = sent++;
        const res = await send(lb, agent, 'POST', '/api/webinars/orientation/registrations', loadRegistration(run, i));
        const registration = res.json?.registration as { id?: string } | undefined;
        outcomes.push({ status: res.status, id: registration?.id });
        if (outcomes.length === 100) signalAfter();
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, loop));

    await hundredDone;
    const exited = new Promise<number | null>((resolve) => a.process.once('exit', (code) => resolve(code)));
    const signalledAt = Date.now();
    const outcomesBeforeSignal = outcomes.length;
    a.process.kill('SIGTERM');
    // Straight to A, a new connection each time, until its port refuses.
    const readiness: (number | string)[] = [];
    for (;;) {
      const res = await send(portA, false, 'GET', '/readyz');
      readiness.push(res.status === 503 ? `503 ${String(res.json?.status)}` : res.status);
      if (typeof res.status === 'string') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const code = await exited;
    const exitMs = Date.now() - signalledAt;
    stopAt = Math.min(900, Math.max(300, sent + 100));
    await load;
    agent.destroy();

    const failed = outcomes.filter((o) => o.status !== 201);
    expect(failed).toEqual([]);
    expect(readiness).toContain('503 draining');
    expect(readiness.at(-1)).toBe('ECONNREFUSED');
    // 0 = drained and closed in order; the force-quit (grace + 5 s) exits 1.
    expect(code).toBe(0);
    expect(a.output()).toContain('shutting down');
    expect(a.output()).not.toContain('grace period over');
    // A really was under load when the signal came: it answered registrations after it.
    const afterSignal = a.output().slice(a.output().indexOf('shutting down'));
    const servedByADuringDrain = afterSignal.match(/"statusCode":201/g)?.length ?? 0;
    expect(servedByADuringDrain).toBeGreaterThan(0);

    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      const ids = outcomes.map((o) => o.id!);
      const stored = await client.query<{ registrations: string; confirmed: string }>(
        `select count(distinct r.id) as registrations,
                count(distinct r.id) filter (where n.id is not null) as confirmed
           from registrations r
           left join notifications n on n.registration_id = r.id and n.kind = 'confirmation'
          where r.email like $1`,
        [`drain-${run}-%`],
      );
      // Nothing committed that the client did not see succeed, and nothing it saw is missing.
      expect(Number(stored.rows[0]!.registrations)).toBe(outcomes.length);
      expect(Number(stored.rows[0]!.confirmed)).toBe(outcomes.length);
      const known = await client.query<{ n: string }>(
        'select count(*) as n from registrations where id = any($1::uuid[])',
        [ids],
      );
      expect(Number(known.rows[0]!.n)).toBe(outcomes.length);
    } finally {
      await client.end();
    }
    // Measured, not asserted.
    process.stdout.write(
      `graceful drain: ${outcomes.length} registrations (${outcomesBeforeSignal} before SIGTERM), ` +
        `A answered ${servedByADuringDrain} after it, exited ${code} after ${exitMs} ms; readyz: ${readiness.join(', ')}; ` +
        `nginx: ${nginx.output().match(/refused|reset by peer|prematurely/g)?.length ?? 0} upstream connections refused or reset, each retried on the other API\n`,
    );
  }, 120_000);

  it('a worker finishes the mails it is sending, loses none and sends none twice', async () => {
    const target = await freshDatabase();
    const run = randomBytes(4).toString('hex');
    const prefix = `w${run}`;
    // Each message is answered 150 ms late, so the worker always has sends in flight.
    const sink = await startSmtpSink({ delayMs: 150 });
    try {
      const api = spawnBuilt('server/dist/main.js', ['--role=server'], apiEnv(target, prefix, { SMTP_URL: sink.url }));
      children.push(api);
      await api.waitForOutput('Convene is up', 60_000);
      const workerEnv = {
        DATABASE_URL: target.databaseUrl!,
        DATA_DIR: target.dataDir,
        QUEUE_PREFIX: prefix,
        SMTP_URL: sink.url,
        WORKER_CONCURRENCY: '5',
        SHUTDOWN_GRACE_SECONDS: '20',
      };
      const [w1, w2] = [1, 2].map(() => spawnBuilt('worker/dist/main.js', [], workerEnv));
      children.push(w1!, w2!);
      await Promise.all([w1!.waitForOutput('workers started', 60_000), w2!.waitForOutput('workers started', 60_000)]);

      const total = 120;
      const port = portFrom(api.output());
      const agent = new Agent({ keepAlive: true, maxSockets: 8 });
      let next = 0;
      const statuses: (number | string)[] = [];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < total) {
            const i = next++;
            const res = await send(
              port,
              agent,
              'POST',
              '/api/webinars/orientation/registrations',
              loadRegistration(run, i),
            );
            statuses.push(res.status);
          }
        }),
      );
      agent.destroy();
      expect(statuses.filter((s) => s !== 201)).toEqual([]);

      await sink.waitFor(20, 60_000);
      const exited = new Promise<number | null>((resolve) => w1!.process.once('exit', (code) => resolve(code)));
      w1!.process.kill('SIGTERM');
      expect(await exited).toBe(0);
      await sink.waitFor(total, 60_000);

      const recipients = sink.messages.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address);
      const distinct = new Set(recipients);
      expect([...distinct].filter((r) => !r?.startsWith(`drain-${run}-`))).toEqual([]);
      expect(distinct.size).toBe(total);
      expect(recipients.length - distinct.size).toBe(0);
      const out = w1!.output();
      expect(out).not.toContain('grace period over');
      // It was sending when the signal came, and finished those sends before exiting.
      const finishedAfterSignal = out.slice(out.indexOf('shutting down')).match(/notification sent/g)?.length ?? 0;
      expect(finishedAfterSignal).toBeGreaterThan(0);

      const client = new pg.Client({ connectionString: target.databaseUrl });
      await client.connect();
      try {
        // The worker records a send just after SMTP's answer: the last rows may lag the sink.
        const statusCounts = async () =>
          (
            await client.query<{ status: string; n: string }>(
              `select n.status, count(*) as n
                 from notifications n join registrations r on r.id = n.registration_id
                where r.email like $1 and n.kind = 'confirmation'
                group by n.status`,
              [`drain-${run}-%`],
            )
          ).rows.map((r) => [r.status, Number(r.n)]);
        await eventually(
          async () => JSON.stringify(await statusCounts()) === JSON.stringify([['sent', total]]),
          10_000,
        ).catch(() => undefined);
        expect(await statusCounts()).toEqual([['sent', total]]);
      } finally {
        await client.end();
      }
      process.stdout.write(
        `worker drain: ${total} mails, ${finishedAfterSignal} finished by the stopped worker after SIGTERM, ` +
          `${recipients.length - distinct.size} duplicates\n`,
      );
    } finally {
      // The workers' pooled SMTP connections first: the sink's close waits for them (30 s).
      for (const child of children) await child.stop('SIGKILL');
      await sink.close();
    }
  }, 120_000);
});

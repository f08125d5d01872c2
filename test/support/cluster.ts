import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tables, type Db } from '@convene/shared/db';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { eventually } from '../factories.js';
import { spawnBuilt, type Child } from './child-process.js';
import { freePort } from './free-port.js';
import { startNginx, type Nginx } from './nginx.js';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres.js';
import { startRestartableRedis, type RestartableRedis } from './restartable-redis.js';
import { startSmtpSink, type SinkOptions, type SmtpSink } from './smtp-sink.js';
import { ADMIN } from './stack.js';

type Request = (urlPath: string, init?: RequestInit & { json?: unknown }) => Promise<Response>;

/** fetch against one base URL, with a `json` body option. */
function requester(base: string): Request {
  return (urlPath, init = {}) => {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return fetch(`${base}${urlPath}`, {
      ...rest,
      headers,
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  };
}

/** One app process of the cluster; `child` is replaced when the test restarts it. */
export type Member = { name: string; child: Child; port?: number };

export type Cluster = {
  postgres: PrivatePostgres;
  redis: RestartableRedis;
  nginx: Nginx;
  sink: SmtpSink;
  apis: Member[];
  workers: Member[];
  /** The deployment's one address: nginx. */
  url: string;
  /** An API's own address, past the balancer. */
  apiUrl: (i: number) => string;
  /** drizzle on the private PostgreSQL, for what a test sets up or checks directly. */
  db: Db;
  /** A plain client pool on it, for raw SQL. */
  pool: pg.Pool;
  /** Starts a new process in place of a member that stopped (as a restart policy would). */
  restart: (member: Member) => Promise<void>;
  /** fetch through the balancer, JSON helpers included. */
  request: Request;
  /** The same, straight to one API. */
  api: (i: number) => { request: Request };
  stop: () => Promise<void>;
};

export type ClusterOptions = {
  apis?: number;
  workers?: number;
  sink?: SinkOptions;
  /** Extra environment of every app process. */
  env?: Record<string, string>;
  workerEnv?: Record<string, string>;
};

/**
 * The production topology of DESIGN.md §3 on one machine: a private PostgreSQL (initdb) and
 * a private Redis (append-only, as docker-compose runs it) that a test may stop, kill and
 * restart; nginx from deploy/nginx in front of the APIs; the APIs and workers as processes of
 * the compiled build (`npm run build:node` first); an SMTP sink in this process.
 *
 * Every app process is started at the same instant on the empty database. Their ports are
 * chosen here, so nginx's upstream list is fixed and a restarted API comes back on its own.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const [postgres, redis, sink] = await Promise.all([
    startPrivatePostgres('convene'),
    startRestartableRedis(),
    startSmtpSink(options.sink),
  ]);
  const apiPorts = await Promise.all(Array.from({ length: options.apis ?? 2 }, () => freePort()));
  const nginx = await startNginx(apiPorts);
  const pool = new pg.Pool({ connectionString: postgres.url, max: 4 });
  // The private server is restarted on purpose: an idle client's lost connection is no error.
  pool.on('error', () => undefined);
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'convene-cluster-'));
    dirs.push(dir);
    return dir;
  };

  const common = {
    NODE_ENV: 'production',
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    SMTP_URL: sink.url,
    PUBLIC_URL: nginx.url,
    QUEUE_PREFIX: `k${randomBytes(4).toString('hex')}`,
    SESSION_SECRET: randomBytes(24).toString('hex'),
    PRIVACY_KEY: randomBytes(24).toString('hex'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
    SHUTDOWN_GRACE_SECONDS: '20',
    ...options.env,
  };
  const apiEnv = (port: number) => ({
    ...common,
    HOST: '127.0.0.1',
    PORT: String(port),
    RUN_WORKER: 'false',
    TRUST_PROXY: '1',
    // Every test request comes from 127.0.0.1: the per-network limits would answer 429.
    REGISTRATION_RATE_LIMIT: '100000',
    REPORT_RATE_LIMIT: '100000',
    // Each container has a data directory of its own.
    DATA_DIR: dataDir(),
  });
  const workerEnv = () => ({ ...common, DATA_DIR: dataDir(), ...options.workerEnv });
  const spawnApi = (port: number) => spawnBuilt('server/dist/main.js', ['--role=server'], apiEnv(port));
  const spawnWorker = () => spawnBuilt('worker/dist/main.js', [], workerEnv());
  const ready = async (member: Member) =>
    member.port === undefined
      ? member.child.waitForOutput('workers started', 90_000)
      : member.child.waitForOutput('Convene is up', 90_000);

  const apis: Member[] = [];
  const workers: Member[] = [];
  const stopAll = async () => {
    await Promise.all([...apis, ...workers].map((m) => m.child.stop('SIGKILL')));
  };
  try {
    await allAtOnce(postgres.url, () => {
      apiPorts.forEach((port, i) => apis.push({ name: `api-${i + 1}`, child: spawnApi(port), port }));
      for (let i = 0; i < (options.workers ?? 2); i++) workers.push({ name: `worker-${i + 1}`, child: spawnWorker() });
      return [...apis, ...workers].map((m) => m.child);
    });
    await Promise.all([...apis, ...workers].map(ready));
  } catch (err) {
    await stopAll();
    await Promise.all([nginx.stop(), pool.end(), sink.close(), redis.stop(), postgres.destroy()]);
    throw err;
  }

  return {
    postgres,
    redis,
    nginx,
    sink,
    apis,
    workers,
    url: nginx.url,
    apiUrl: (i) => `http://127.0.0.1:${apis[i]!.port}`,
    db: drizzle({ client: pool, schema: tables }) as unknown as Db,
    pool,
    restart: async (member) => {
      await member.child.stop('SIGKILL');
      member.child = member.port === undefined ? spawnWorker() : spawnApi(member.port);
      await ready(member);
    },
    request: requester(nginx.url),
    api: (i) => ({ request: requester(`http://127.0.0.1:${apis[i]!.port}`) }),
    stop: async () => {
      await stopAll();
      // The workers' pooled SMTP connections are gone: the sink closes at once.
      await Promise.all([nginx.stop(), pool.end(), sink.close()]);
      await Promise.all([redis.stop(), postgres.destroy()]);
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the processes `spawn` returns so that none of them touches the database before all
 * of them are there. Staggered starts (each process loads its code at its own pace) would
 * hide the race a real cold start meets: an uncommitted CREATE SCHEMA of drizzle's own schema
 * holds back the first statement of every process until all are waiting on it; then it is
 * rolled back, so the database is still empty and they all go at the same instant.
 */
async function allAtOnce(url: string, spawn: () => Child[]): Promise<void> {
  const gate = new pg.Client({ connectionString: url });
  const watcher = new pg.Client({ connectionString: url });
  await Promise.all([gate.connect(), watcher.connect()]);
  try {
    await gate.query('begin');
    await gate.query('create schema drizzle');
    const children = spawn();
    await eventually(async () => {
      for (const child of children)
        if (child.process.exitCode !== null) throw new Error(`exited before the gate:\n${child.output()}`);
      // Waiting on a lock: the advisory start-up lock, or the gate's schema behind it. Asked
      // on another connection: pg_stat_activity is a snapshot within the gate's transaction.
      const { rows } = await watcher.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
      );
      return Number(rows[0]!.n) === children.length;
    }, 90_000);
  } finally {
    await gate.query('rollback').catch(() => undefined);
    await Promise.all([gate.end(), watcher.end()]);
  }
}

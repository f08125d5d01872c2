import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_JOB_OPTIONS, JOBS, notificationJobId } from '@convene/shared';
import { openDatabase, tables, type Database } from '@convene/shared/db';
import { createLogger } from '@convene/shared/node';
import { startWorkers, type RunningWorkers } from '@convene/worker';
import { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createWebinarRow, eventually } from '../factories.js';
import { insertContacts } from '../support/campaign-helpers.js';
import { recipientOf } from '../support/mail-helpers.js';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

type LogLine = { level: number; msg: string; notificationId?: string; code?: string };

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/*
 * The connection to PostgreSQL fails between a claim and its record — the database stopped
 * (a private server, restarted by the test) or the worker's backend terminated — and the row
 * must still end up sent, once, with one warning that names ids only.
 */
describe('outbox claims when the database fails mid-send (private PostgreSQL)', () => {
  let server: PrivatePostgres;
  let database: Database;
  let sink: SmtpSink;
  let workers: RunningWorkers;
  let redis: Redis;
  let queue: Queue;
  let dataDir: string;
  const prefix = `o${randomBytes(4).toString('hex')}`;
  const logs: LogLine[] = [];
  const rawLogs: string[] = [];
  // Set by a test to hold the SMTP reply to the next message until it says so.
  let holdNext: { arrived: () => void; release: Promise<void> } | null = null;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    dataDir = mkdtempSync(path.join(tmpdir(), 'convene-claims-'));
    database = await openDatabase({ databaseUrl: server.url, dataDir, poolSize: 4 });
    sink = await startSmtpSink({
      hold: async () => {
        const hold = holdNext;
        holdNext = null;
        if (!hold) return;
        hold.arrived();
        await hold.release;
      },
    });
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          rawLogs.push(line);
          logs.push(JSON.parse(line) as LogLine);
        }
        done();
      },
    });
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    workers = await startWorkers({
      db: database.db,
      logger: createLogger('test', 'info', logStream),
      redisUrl,
      queuePrefix: prefix,
      dataDir,
      smtpUrl: sink.url,
      mailFrom: 'Convene <noreply@convene.test>',
      publicUrl: 'http://convene.test',
      concurrency: 1,
      ratePerSecond: 0,
    });
    redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    queue = new Queue('mail', { connection: redis, prefix });
  });
  // A failed test must not leave the next one without its database.
  afterEach(async () => {
    if (server && !server.running) await server.start();
  });
  afterAll(async () => {
    // Bounded: a job stuck on a dead database must not hold the suite.
    await Promise.race([workers?.close(), new Promise((r) => setTimeout(r, 10_000).unref())]);
    await queue?.close();
    if (redis) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
    await database?.close().catch(() => undefined);
    await sink?.close();
    await server?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** One due invitation; enqueue() adds its job the way the API does. */
  async function invitation(tag: string): Promise<{ id: string; email: string; enqueue: () => Promise<void> }> {
    const webinar = await createWebinarRow(database.db);
    const [email] = await insertContacts(database.db, 1, `${tag}-${randomBytes(3).toString('hex')}`);
    const [contact] = await database.db
      .select({ id: tables.contacts.id })
      .from(tables.contacts)
      .where(eq(tables.contacts.emailNormalized, email!));
    const [row] = await database.db
      .insert(tables.notifications)
      .values({
        kind: 'invitation',
        webinarId: webinar.id,
        contactId: contact!.id,
        webinarVersion: webinar.version,
        dedupeKey: `test:${tag}:${contact!.id}`,
        scheduledAt: new Date(),
      })
      .returning({ id: tables.notifications.id });
    const enqueue = async () => {
      await queue.add(
        JOBS.sendNotification,
        { notificationId: row!.id },
        { ...DEFAULT_JOB_OPTIONS, jobId: notificationJobId(row!.id) },
      );
    };
    return { id: row!.id, email: email!, enqueue };
  }

  const statusOf = async (id: string) =>
    (
      await database.db
        .select({ status: tables.notifications.status })
        .from(tables.notifications)
        .where(eq(tables.notifications.id, id))
    )[0]?.status;
  const mailsTo = (email: string) => sink.messages.filter((m) => recipientOf(m) === email).length;
  const warningsFor = (id: string) => logs.filter((l) => l.level === 40 && l.notificationId === id);
  /** The warnings about a row carry ids and an error code: no address, no error text. */
  const expectIdsOnly = (id: string, email: string) => {
    const lines = rawLogs.filter((line) => line.includes('"level":40') && line.includes(id));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(email);
      expect(Object.keys(JSON.parse(line) as object).sort()).toEqual(
        expect.arrayContaining(['notificationId', 'jobId', 'msg']),
      );
      expect(line).not.toMatch(/terminat|connect|"err"/i);
    }
  };
  const sendingRows = async () =>
    (
      await database.db
        .select({ id: tables.notifications.id })
        .from(tables.notifications)
        .where(eq(tables.notifications.status, 'sending'))
    ).length;

  /** Once the job has finished, nothing can send the row again. */
  async function jobFinished(id: string): Promise<void> {
    await eventually(async () => (await (await queue.getJob(notificationJobId(id)))?.getState()) === 'completed');
  }

  /** Holds the context query of the next send on a table lock; resolves once it waits there. */
  async function blockContextQuery(): Promise<{ locker: pg.Client; blockedPid: () => Promise<number> }> {
    const locker = new pg.Client({ connectionString: server.url });
    locker.on('error', () => undefined);
    await locker.connect();
    await locker.query('begin');
    await locker.query('lock table webinars in access exclusive mode');
    const blockedPid = async () => {
      // Another connection: pg_stat_activity is a snapshot inside the locker's transaction.
      const watcher = new pg.Client({ connectionString: server.url });
      await watcher.connect();
      try {
        return await eventually(async () => {
          const { rows } = await watcher.query<{ pid: number }>(
            // The only statement waiting on a table lock: the context query (its text is too long
            // for pg_stat_activity to show the FROM clause).
            `select pid from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'relation'`,
          );
          return rows[0]?.pid;
        });
      } finally {
        await watcher.end();
      }
    };
    return { locker, blockedPid };
  }

  it('records a mail SMTP accepted while the database was down, and never sends it again', async () => {
    const arrived = deferred();
    const release = deferred();
    holdNext = { arrived: arrived.resolve, release: release.promise };
    const { id, email, enqueue } = await invitation('after-hand-off');
    await enqueue();
    // The worker has claimed the row, recorded the hand-off and is waiting for SMTP's reply.
    await arrived.promise;
    await server.stop();
    release.resolve();
    await eventually(async () => warningsFor(id).length > 0);
    expect(await statusOf(id).catch(() => 'unreachable')).toBe('unreachable');

    await server.start();
    await eventually(async () => (await statusOf(id)) === 'sent', 40_000);
    await jobFinished(id);
    expect(mailsTo(email)).toBe(1);
    expect(await sendingRows()).toBe(0);
    expect(warningsFor(id).map((l) => l.msg)).toEqual(['sent, but recording it failed: the retry records it']);
    expectIdsOnly(id, email);
  }, 60_000);

  it('resumes its own claim after the database went away before the hand-off', async () => {
    const { id, email, enqueue } = await invitation('before-hand-off');
    const { locker, blockedPid } = await blockContextQuery();
    await enqueue();
    await blockedPid();
    // The claim is committed; the context query fails, and so does giving the claim back.
    await server.stop();
    await locker.end().catch(() => undefined);
    await eventually(async () => warningsFor(id).length > 0);

    await server.start();
    await eventually(async () => (await statusOf(id)) === 'sent', 40_000);
    await jobFinished(id);
    expect(mailsTo(email)).toBe(1);
    expect(await sendingRows()).toBe(0);
    expect(warningsFor(id).map((l) => l.msg)).toEqual(['database error before sending: the retry resumes it']);
    expectIdsOnly(id, email);
  }, 60_000);

  it('gives the claim back at once when only its connection was terminated', async () => {
    const { id, email, enqueue } = await invitation('terminated');
    const { locker, blockedPid } = await blockContextQuery();
    await enqueue();
    await locker.query('select pg_terminate_backend($1)', [await blockedPid()]);
    await eventually(async () => warningsFor(id).length > 0);
    expect(await statusOf(id)).toBe('pending');

    await locker.query('commit');
    await locker.end();
    await eventually(async () => (await statusOf(id)) === 'sent', 40_000);
    await jobFinished(id);
    expect(mailsTo(email)).toBe(1);
    expect(await sendingRows()).toBe(0);
    expect(warningsFor(id).map((l) => l.msg)).toEqual(['database error before sending: claim released']);
    expectIdsOnly(id, email);
  }, 60_000);
});

import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENTS, seedThemeRows, type TReportSubmittedEvent } from '@convene/shared';
import { MIGRATIONS_FOLDER } from '@convene/shared/db';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { io, type Socket } from 'socket.io-client';
import { demoProgramme } from '../../server/src/services/seed/demo-programme.js';
import { createWebinarRow, eventually, reportBody } from '../factories.js';
import { nextMailTo, tokenInMail } from '../support/account-mail.js';
import { deliveryReport, insertContacts } from '../support/campaign-helpers.js';
import { startCluster, type Cluster, type Member } from '../support/cluster.js';
import { ensureCompiledBuild } from '../support/compiled-build.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { loadRegistration, send, type Outcome } from '../support/keep-alive-client.js';
import { recipientOf } from '../support/mail-helpers.js';

const PASSWORD = 'a long enough password for tests';
/** Mail jobs each worker runs at once: the bound on mails in flight per worker at a fault. */
const CONCURRENCY = 5;

/** The numbers the notes quote; written to stdout, not asserted. */
function note(text: string): void {
  process.stdout.write(`\n[cluster] ${text}\n`);
}

function disconnected(socket: Socket, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) return resolve('already');
    const timer = setTimeout(() => reject(new Error('socket still connected')), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Collects report:submitted events; `waitFor` resolves once the event of a given report arrives. */
function reportEvents(socket: Socket) {
  const seen: string[] = [];
  socket.on(EVENTS.reportSubmitted, (event: TReportSubmittedEvent) => seen.push(event.reportId));
  return { ids: () => [...seen], waitFor: (id: string) => eventually(async () => seen.includes(id), 10_000) };
}

/**
 * The production topology started as an operator would on an empty database: private
 * PostgreSQL and Redis, nginx from deploy/nginx, 2 APIs and 2 workers of the compiled build
 * (test/support/cluster.ts). The tests share it and run in order: each leaves it whole.
 */
describe('the production topology (2 APIs + 2 workers behind nginx, private PostgreSQL and Redis)', () => {
  let cluster: Cluster;
  let admin: CoordinatorSession;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    await ensureCompiledBuild();
    cluster = await startCluster({
      // 1 s of 503 on /readyz before the port closes, so a test can see the drain begin.
      env: { SHUTDOWN_NOTICE_SECONDS: '1' },
      workerEnv: { WORKER_CONCURRENCY: String(CONCURRENCY) },
      // Each message answered 100 ms late: mails are in flight whenever a fault comes.
      sink: { delayMs: 100 },
    });
    admin = await signIn(cluster);
  }, 300_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await cluster?.stop();
  });

  /** A dashboard connection to one API (or, with `url`, through the balancer). */
  async function dashboard(session: CoordinatorSession, url: string): Promise<Socket> {
    const socket = io(url, {
      transports: ['websocket'],
      extraHeaders: { cookie: session.cookie, origin: cluster.url },
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  /** Invites an account through the balancer, accepts the mailed link through API 2, signs in on API 1. */
  async function createCoordinator(regionScope: string[] | null) {
    const email = `coordinator.${randomBytes(4).toString('hex')}@convene.test`;
    const invited = await cluster.request('/api/admin/accounts/invitations', {
      method: 'POST',
      headers: admin.headers,
      json: { email, role: 'coordinator', regionScope },
    });
    expect(invited.status).toBe(201);
    const { account } = (await invited.json()) as { account: { id: string } };
    const token = tokenInMail(await nextMailTo(cluster.sink, email, 0), 'invitation');
    const accepted = await cluster
      .api(1)
      .request('/api/auth/invitation', { method: 'POST', json: { token, password: PASSWORD } });
    expect(accepted.status).toBe(204);
    return { id: account.id, email, session: await signIn(cluster.api(0), email, PASSWORD) };
  }

  /** Submits a report through API 2 and returns its id (from the receipt's lookup). */
  async function submitThroughSecondApi(region: 'africa' | 'europe'): Promise<string> {
    const body = reportBody(
      region === 'africa' ? {} : { region, countries: ['FR'], corridor: { origin: 'MA', destination: 'FR' } },
    );
    const res = await cluster.api(1).request('/api/reports', { method: 'POST', json: body });
    expect(res.status).toBe(201);
    const { rows } = await cluster.pool.query<{ id: string }>(
      'select id from reports where client_submission_id = $1',
      [body.clientSubmissionId],
    );
    return rows[0]!.id;
  }

  it('came up on the empty database with every process started at once, migrated and seeded once', async () => {
    for (const member of [...cluster.apis, ...cluster.workers]) expect(member.child.process.exitCode).toBeNull();
    for (const i of [0, 1]) expect((await cluster.api(i).request('/readyz')).status).toBe(200);
    const one = async (query: string) => Number((await cluster.pool.query<{ n: string }>(query)).rows[0]!.n);
    expect(await one('select count(*) as n from coordinator_accounts')).toBe(1);
    expect(await one(`select count(*) as n from coordinator_accounts where role = 'admin'`)).toBe(1);
    expect(await one('select count(*) as n from themes')).toBe(seedThemeRows().length);
    expect(await one('select count(*) as n from webinars')).toBe(demoProgramme(new Date()).length);
    expect(await one('select count(*) as n from drizzle.__drizzle_migrations')).toBe(
      readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length,
    );
  });

  it('brings a report stored through one API to dashboards on the other and through nginx, each only in scope', async () => {
    const everything = reportEvents(await dashboard(admin, cluster.apiUrl(0)));
    // Upgraded to WebSocket by nginx (the only transport the workspace uses), to either API.
    const viaBalancer = reportEvents(await dashboard(admin, cluster.url));
    const regional = await createCoordinator(['africa']);
    const africaOnly = reportEvents(await dashboard(regional.session, cluster.apiUrl(0)));

    const europeId = await submitThroughSecondApi('europe');
    const africaId = await submitThroughSecondApi('africa');
    await Promise.all([africaOnly.waitFor(africaId), everything.waitFor(africaId), viaBalancer.waitFor(africaId)]);
    // Both left API 2 in order on one Redis connection: a Europe event would have come first.
    expect(africaOnly.ids()).toEqual([africaId]);
    expect(everything.ids()).toEqual([europeId, africaId]);
    expect(viaBalancer.ids()).toEqual([europeId, africaId]);
  });

  it('closes the sockets on both APIs when the coordinator signs out, or is deactivated, through one', async () => {
    const leaving = await createCoordinator(null);
    const onFirst = await dashboard(leaving.session, cluster.apiUrl(0));
    const onSecond = await dashboard(leaving.session, cluster.apiUrl(1));
    const gone = Promise.all([disconnected(onFirst), disconnected(onSecond)]);
    const out = await cluster.api(1).request('/api/auth/logout', { method: 'POST', headers: leaving.session.headers });
    expect(out.status).toBe(204);
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);

    const leaver = await createCoordinator(['europe']);
    const first = await dashboard(leaver.session, cluster.apiUrl(0));
    const second = await dashboard(leaver.session, cluster.apiUrl(1));
    const closed = Promise.all([disconnected(first), disconnected(second)]);
    const res = await cluster.api(1).request(`/api/admin/accounts/${leaver.id}`, {
      method: 'PATCH',
      headers: admin.headers,
      json: { active: false },
    });
    expect(res.status).toBe(200);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);
    // And it cannot come back: the handshake checks the account.
    await expect(dashboard(leaver.session, cluster.apiUrl(0))).rejects.toThrow('unauthenticated');
  });

  it('drains an API on SIGTERM under a keep-alive registration load through nginx: none cut, every 201 stored with its confirmation', async () => {
    const run = randomBytes(4).toString('hex');
    const stopping = cluster.apis[0]!;
    const port = stopping.port!;
    // 8 keep-alive connections to nginx, registrations for distinct addresses, on until 100
    // more after API 1 is gone and at least 300 (at most 900: the orientation seats 1,000).
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const outcomes: { status: Outcome['status']; id?: string }[] = [];
    let stopAt = 900;
    let sent = 0;
    let signalAfter: () => void = () => undefined;
    const hundredDone = new Promise<void>((resolve) => (signalAfter = resolve));
    const loop = async () => {
      while (sent < stopAt) {
        const i = sent++;
        const res = await send(
          cluster.nginx.port,
          agent,
          'POST',
          '/api/webinars/orientation/registrations',
          loadRegistration(run, i),
        );
        outcomes.push({ status: res.status, id: (res.json?.registration as { id?: string } | undefined)?.id });
        if (outcomes.length === 100) signalAfter();
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, loop));

    await hundredDone;
    const exited = new Promise<number | null>((resolve) => stopping.child.process.once('exit', resolve));
    const signalledAt = Date.now();
    stopping.child.process.kill('SIGTERM');
    // Straight to API 1, a new connection each time, until its port refuses. A probe that
    // reaches the listen backlog just as the listener closes is reset (ECONNRESET): the port is
    // closing, not closed yet, so the probing goes on until it refuses.
    const readiness: (number | string)[] = [];
    for (;;) {
      const res = await send(port, false, 'GET', '/readyz');
      readiness.push(res.status === 503 ? `503 ${String(res.json?.status)}` : res.status);
      if (res.status === 'ECONNREFUSED') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const code = await exited;
    const exitMs = Date.now() - signalledAt;
    stopAt = Math.min(900, Math.max(300, sent + 100));
    await load;
    agent.destroy();

    const output = stopping.child.output();
    expect(outcomes.filter((o) => o.status !== 201)).toEqual([]);
    expect(readiness).toContain('503 draining');
    expect(readiness.at(-1)).toBe('ECONNREFUSED');
    // 0 = drained and closed in order, within SHUTDOWN_GRACE_SECONDS; the force-quit exits 1.
    expect(code).toBe(0);
    expect(output).not.toContain('grace period over');
    // It really was under load when the signal came: it answered registrations after it.
    const servedDuringDrain = output.slice(output.indexOf('shutting down')).match(/"statusCode":201/g)?.length ?? 0;
    expect(servedDuringDrain).toBeGreaterThan(0);

    const { rows } = await cluster.pool.query<{ registrations: string; confirmed: string; known: string }>(
      `select count(distinct r.id) as registrations,
              count(distinct r.id) filter (where n.id is not null) as confirmed,
              count(distinct r.id) filter (where r.id = any($2::uuid[])) as known
         from registrations r
         left join notifications n on n.registration_id = r.id and n.kind = 'confirmation'
        where r.email like $1`,
      [`drain-${run}-%`, outcomes.map((o) => o.id!)],
    );
    // Nothing committed that the client did not see succeed, and nothing it saw is missing.
    expect(rows[0]).toEqual({
      registrations: String(outcomes.length),
      confirmed: String(outcomes.length),
      known: String(outcomes.length),
    });
    note(
      `API drain: ${outcomes.length} registrations through nginx, ${servedDuringDrain} answered by the stopping API ` +
        `after SIGTERM, exit ${code} after ${exitMs} ms; readyz: ${readiness.join(', ')}`,
    );
    // The restart policy brings it back on its port; nginx routes to it again.
    await cluster.restart(stopping);
    expect((await cluster.api(0).request('/readyz')).status).toBe(200);
  }, 120_000);

  it('sends a 2,000-invitation campaign through a worker SIGTERM, a worker kill -9, a PostgreSQL restart and a Redis crash: none missing, none left sending', async () => {
    const run = randomBytes(3).toString('hex');
    const emails = await insertContacts(cluster.db, 2000, `wave-${run}`);
    const webinar = await createWebinarRow(cluster.db);
    const ours = (mail: (typeof cluster.sink.messages)[number]) => recipientOf(mail).startsWith(`wave-${run}-`);
    const delivered = () => cluster.sink.messages.filter(ours).length;
    const atLeast = (n: number) => eventually(async () => delivered() >= n, 90_000);
    const [first, second] = cluster.workers as [Member, Member];

    const created = await cluster.request('/api/admin/campaigns', {
      method: 'POST',
      headers: admin.headers,
      json: { webinarId: webinar.id, segment: {} },
    });
    expect(created.status).toBe(201);
    const faults: string[] = [];
    const fault = (what: string) => faults.push(`${what} at ${delivered()} delivered`);

    // 1. SIGTERM: the worker finishes what it is sending and exits 0; it loses nothing.
    await atLeast(200);
    fault('SIGTERM to worker 1');
    expect(await first.child.stop('SIGTERM')).toBe(0);
    const drained = first.child.output();
    expect(drained).not.toContain('grace period over');
    const finishedAfterSignal =
      drained.slice(drained.indexOf('shutting down')).match(/notification sent/g)?.length ?? 0;
    await cluster.restart(first);

    // 2. kill -9: the mails it had in flight are the only ones that may go out twice.
    await atLeast(600);
    fault('kill -9 of worker 2');
    expect(await second.child.stop('SIGKILL')).toBeNull();
    await cluster.restart(second);

    // 3. PostgreSQL restarts (fast shutdown: every connection cut) under both workers.
    await atLeast(1000);
    fault('PostgreSQL restart');
    await cluster.postgres.stop();
    await new Promise((r) => setTimeout(r, 2000));
    await cluster.postgres.start();

    // 4. Redis dies (kill -9) and comes back with its append-only file, as docker-compose runs it.
    await atLeast(1400);
    fault('Redis kill -9 and restart');
    await cluster.redis.kill();
    await new Promise((r) => setTimeout(r, 2000));
    await cluster.redis.start();
    const lastFaultAt = Date.now();

    // Everyone reached, and no claim left behind, within two minutes of the last fault.
    const missingNow = () => deliveryReport(cluster.sink.messages.filter(ours), emails).missing.length;
    const sendingRows = async () =>
      Number(
        (
          await cluster.pool.query<{ n: string }>(
            `select count(*) as n from notifications where campaign_id is not null and status = 'sending'`,
          )
        ).rows[0]!.n,
      );
    await eventually(async () => missingNow() === 0 && (await sendingRows()) === 0, 120_000).catch(() => undefined);
    const recoveredMs = Date.now() - lastFaultAt;
    const report = deliveryReport(cluster.sink.messages.filter(ours), emails);
    const { rows } = await cluster.pool.query<{ status: string; n: string }>(
      `select status, count(*) as n from notifications where campaign_id is not null group by status order by status`,
    );
    note(
      `campaign of ${emails.length}: ${faults.join('; ')}; ${finishedAfterSignal} finished by worker 1 after SIGTERM; ` +
        `all delivered and recorded ${recoveredMs} ms after the last fault; missing ${report.missing.length}, ` +
        `duplicates ${report.duplicates}; outbox ${rows.map((r) => `${r.status} ${r.n}`).join(', ')}`,
    );
    expect(report.missing).toEqual([]);
    expect(report.unexpected.filter((a) => a.startsWith('wave-'))).toEqual([]);
    expect(rows).toEqual([{ status: 'sent', n: String(emails.length) }]);
    expect(finishedAfterSignal).toBeGreaterThan(0);
    // Only a mail handed to SMTP when its worker died or its database went away can go out
    // twice: at most what the killed worker had in flight, plus what both had at the restart.
    expect(report.duplicates).toBeLessThanOrEqual(3 * CONCURRENCY);
  }, 300_000);
});

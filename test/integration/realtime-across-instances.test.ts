import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENTS, type TReportSubmittedEvent } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import { eventually, reportBody } from '../factories.js';
import { unmailedInvitationToken } from '../support/account-mail.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { startRestartableRedis, type RestartableRedis } from '../support/restartable-redis.js';
import { startTestStack, type TestStack } from '../support/stack.js';

// Two API instances need one database both can open: PostgreSQL (a PGlite belongs to one
// process). jest gives each test file its own copy of process.env.
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

const ORIGIN = 'http://convene.test';
const PASSWORD = 'a long enough password for tests';

/** Collects report:submitted events; `waitFor` resolves once the event of a given report arrives. */
function reportEvents(socket: Socket) {
  const seen: string[] = [];
  socket.on(EVENTS.reportSubmitted, (event: TReportSubmittedEvent) => seen.push(event.reportId));
  return { ids: () => [...seen], waitFor: (id: string) => eventually(async () => seen.includes(id), 10_000) };
}

function disconnected(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket still connected')), 5000);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/**
 * Two API instances (A and B) on one PostgreSQL database and one Redis, as in production
 * behind a balancer: what happens through B reaches the live connections held by A.
 */
describe('live events across API instances', () => {
  let redis: RestartableRedis;
  let a: TestStack;
  let b: TestStack;
  let admin: CoordinatorSession;
  const sockets: Socket[] = [];

  /** A dashboard connection to one instance, signed in with the given session. */
  async function open(stack: TestStack, session: CoordinatorSession, reconnection = false): Promise<Socket> {
    const socket = io(stack.url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie: session.cookie, origin: ORIGIN },
      reconnection,
      forceNew: true,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }

  /** Invites an account through A, accepts the invitation through B, signs in through A. */
  async function createCoordinator(regionScope: string[] | null) {
    const email = `coordinator.${randomBytes(4).toString('hex')}@convene.test`;
    const invited = await a.request('/api/admin/accounts/invitations', {
      method: 'POST',
      headers: admin.headers,
      json: { email, role: 'coordinator', regionScope },
    });
    expect(invited.status).toBe(201);
    const { account } = (await invited.json()) as { account: { id: string } };
    const token = await unmailedInvitationToken(a.db, account.id);
    const accepted = await b.request('/api/auth/invitation', { method: 'POST', json: { token, password: PASSWORD } });
    expect(accepted.status).toBe(204);
    return { id: account.id, session: await signIn(a, email, PASSWORD), email };
  }

  /** Submits a report through B and returns its id. */
  async function submitThroughB(region: 'africa' | 'europe'): Promise<string> {
    const body = reportBody(
      region === 'africa' ? {} : { region, countries: ['FR'], corridor: { origin: 'MA', destination: 'FR' } },
    );
    const res = await b.request('/api/reports', { method: 'POST', json: body });
    expect(res.status).toBe(201);
    const [row] = await b.db
      .select({ id: tables.reports.id })
      .from(tables.reports)
      .where(eq(tables.reports.clientSubmissionId, body.clientSubmissionId));
    return row!.id;
  }

  beforeAll(async () => {
    redis = await startRestartableRedis();
    const shared = {
      SESSION_SECRET: randomBytes(32).toString('hex'),
      REPORT_RATE_LIMIT: '1000',
    };
    a = await startTestStack({ kind: 'postgres', withWorker: false, smtp: false, redisUrl: redis.url, env: shared });
    // Same database, queue prefix and session secret: one deployment, two processes' worth of servers.
    b = await startTestStack({
      kind: 'postgres',
      withWorker: false,
      smtp: false,
      redisUrl: redis.url,
      env: { ...shared, QUEUE_PREFIX: a.prefix, DATABASE_URL: a.target.databaseUrl! },
    });
    admin = await signIn(a);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await b?.stop();
    await a?.stop();
    await redis?.stop();
  });

  it('brings a report submitted through B to a dashboard on A, and keeps another region’s from a scoped one', async () => {
    const everything = reportEvents(await open(a, admin));
    const regional = await createCoordinator(['africa']);
    const africaOnly = reportEvents(await open(a, regional.session));

    const europeId = await submitThroughB('europe');
    const africaId = await submitThroughB('africa');
    await africaOnly.waitFor(africaId);
    await everything.waitFor(africaId);
    // Both went out from B on one Redis connection, in order: a Europe event would have come first.
    expect(africaOnly.ids()).toEqual([africaId]);
    expect(everything.ids()).toEqual([europeId, africaId]);
  });

  it('closes a socket on A when its coordinator signs out through B', async () => {
    const leaving = await createCoordinator(null);
    const socket = await open(a, leaving.session);
    const gone = disconnected(socket);
    const out = await b.request('/api/auth/logout', { method: 'POST', headers: leaving.session.headers });
    expect(out.status).toBe(204);
    expect(await gone).toBe('io server disconnect');
  });

  it('closes a socket on A when the account is deactivated through B', async () => {
    const leaver = await createCoordinator(['europe']);
    const onA = await open(a, leaver.session);
    const onB = await open(b, leaver.session);
    const goneA = disconnected(onA);
    const goneB = disconnected(onB);
    const res = await b.request(`/api/admin/accounts/${leaver.id}`, {
      method: 'PATCH',
      headers: admin.headers,
      json: { active: false },
    });
    expect(res.status).toBe(200);
    expect(await Promise.all([goneA, goneB])).toEqual(['io server disconnect', 'io server disconnect']);
  });

  it('keeps the sockets of the session that changed the password, on every instance, and closes the others', async () => {
    const changer = await createCoordinator(null);
    const other = await signIn(b, changer.email, PASSWORD);
    const otherOnA = await open(a, other);
    const ownOnA = await open(a, changer.session);
    const gone = disconnected(otherOnA);
    const res = await b.request('/api/admin/account/password', {
      method: 'POST',
      headers: changer.session.headers,
      json: { currentPassword: PASSWORD, newPassword: `${PASSWORD} and then some` },
    });
    expect(res.status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    // The same message closed the other session's socket: this one is still answered.
    expect(await ownOnA.emitWithAck(EVENTS.watchCampaign, { campaignId: 'nope' })).toMatchObject({
      error: { code: 'validation_failed' },
    });
    expect(ownOnA.connected).toBe(true);
  });

  it('after a Redis crash and restart, has the dashboard reconnect (to resync) and brings it new reports again', async () => {
    const socket = await open(a, admin, true);
    const events = reportEvents(socket);
    let connects = 0;
    socket.on('connect', () => (connects += 1));

    await redis.kill();
    await redis.start();
    // A's subscription missed whatever was published meanwhile: its clients reconnect and refetch.
    await eventually(async () => connects >= 1, 20_000);

    // B's own connections come back too; until then a submission may fail.
    const body = reportBody();
    const res = await eventually(async () => {
      const attempt = await b.request('/api/reports', { method: 'POST', json: body }).catch(() => null);
      return attempt?.status === 201 ? attempt : null;
    }, 20_000);
    expect(res.status).toBe(201);
    const [row] = await b.db
      .select({ id: tables.reports.id })
      .from(tables.reports)
      .where(eq(tables.reports.clientSubmissionId, body.clientSubmissionId));
    await events.waitFor(row!.id);
  });
});

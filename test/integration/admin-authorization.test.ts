import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENTS, type TAdminReport, type TReportSubmittedEvent } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import { createWebinarRow, registrationBody, reportBody } from '../factories.js';
import { insertContacts } from '../support/campaign-helpers.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { unmailedInvitationToken } from '../support/account-mail.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

/** The parts of a `router` v2 layer the walk reads (Express 5 keeps them on every layer). */
type Layer = {
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
};
type Endpoint = { method: string; path: string };

const ORIGIN = 'http://convene.test';
const PASSWORD = 'a long enough password for tests';
/** Under these prefixes every route is for admins only; the rest is for every coordinator. */
const ADMIN_ONLY = [
  '/api/admin/accounts',
  '/api/admin/audit',
  '/api/admin/retention',
  '/admin/queues',
  // The coalition's keys, and the audited reveal of a sealed identity.
  '/api/admin/reporter-keys',
];
/** Erasure on request and revealing an identity: admins only, on routes otherwise open to coordinators. */
const ADMIN_ONLY_ROUTES = [
  'POST /api/admin/contacts/:id/erase',
  'POST /api/admin/webinars/:id/registrations/:registrationId/erase',
  'POST /api/admin/reports/:id/identity',
];
const QUEUES_PATH = '/admin/queues';
/**
 * Briefs cover every region, and a contact import may hold any country: these may answer
 * 403 to a coordinator of some regions only.
 */
const WHOLE_WORLD_ONLY = [
  'POST /api/admin/contacts/import',
  'POST /api/admin/compilations',
  'GET /api/admin/compilations/:id',
  'GET /api/admin/compilations/:id/export.:format',
  'GET /api/admin/compilations/live/:theme/export.:format',
  // Public briefs and the public consultation calendar are programme-wide too.
  'POST /api/admin/compilations/:id/publication',
  'DELETE /api/admin/compilations/:id/publication',
  'POST /api/admin/consultations',
  'PATCH /api/admin/consultations/:id',
  'POST /api/admin/consultations/:id/cancel',
  // A brief's editorial speaks for every region.
  'GET /api/admin/compilations/brief/:theme',
  'PUT /api/admin/compilations/brief/:theme',
];
/** Webinars are programme-wide: every request but a read under this prefix is for unscoped coordinators. */
const WEBINARS = '/api/admin/webinars';
const changesWebinars = (route: Endpoint) =>
  (route.path === WEBINARS || route.path.startsWith(`${WEBINARS}/`)) && route.method !== 'GET';

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const join = (prefix: string, path: string) => `${prefix}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
/** Read by every coordinator (the workspace names themes with it), changed by admins only. */
const ADMIN_ONLY_CHANGES = ['/api/admin/themes'];
const under = (path: string, prefixes: string[]) => prefixes.some((p) => path === p || path.startsWith(`${p}/`));
const isAdminOnly = (route: { method: string; path: string }) =>
  under(route.path, ADMIN_ONLY) ||
  ADMIN_ONLY_ROUTES.includes(`${route.method} ${route.path}`) ||
  (route.method !== 'GET' && under(route.path, ADMIN_ONLY_CHANGES));

/** Every (method, path) the router answers, mount paths joined, walking mounted routers too. */
function routesOf(stack: Layer[], prefix = ''): Endpoint[] {
  const found: Endpoint[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const methods = Object.keys(layer.route.methods).map((m) => (m === '_all' ? 'GET' : m.toUpperCase()));
      for (const path of list(layer.route.path))
        for (const method of methods) found.push({ method, path: join(prefix, path) });
    } else if (layer.handle.stack) {
      for (const mount of list(layer.rawPath ?? '/')) found.push(...routesOf(layer.handle.stack, join(prefix, mount)));
    }
  }
  return found;
}

/**
 * The Express app serving the stack. socket.io wraps the server's request listeners in a
 * closure, so the app is taken from a request it handled instead: Express gives each
 * request its `app`.
 */
async function runningApp(stack: TestStack): Promise<{ router: { stack: Layer[] } }> {
  const server = stack.running.server;
  let seen: (IncomingMessage & { app?: { router: { stack: Layer[] } } }) | undefined;
  const capture = (req: IncomingMessage) => {
    seen = req;
  };
  server.prependListener('request', capture);
  try {
    await (await stack.request('/healthz')).arrayBuffer();
  } finally {
    server.off('request', capture);
  }
  if (!seen?.app?.router) throw new Error('no Express app behind the server');
  return seen.app;
}

/** The paths where something is mounted (middleware or router), to find Bull Board. */
function mountsOf(stack: Layer[]): string[] {
  return stack.filter((l) => !l.route).flatMap((l) => list(l.rawPath ?? '/'));
}

/** A concrete URL for a route pattern: parameters get plausible values, optional parts are kept. */
function concrete(path: string): string {
  const values: Record<string, () => string> = {
    theme: () => 'human-rights-inclusion',
    format: () => 'md',
    slug: () => 'no-such-webinar',
  };
  return path
    .replace(/[{}]/g, '')
    .replace(/\*(\w+)/g, 'x')
    .replace(/:(\w+)/g, (_m, name: string) => (values[name] ?? (() => randomUUID()))());
}

function connect(stack: TestStack, headers: Record<string, string>): Socket {
  return io(stack.url, { path: '/socket.io', transports: ['websocket'], extraHeaders: headers, reconnection: false });
}

/** 'connected', or the reason the handshake was refused. */
function outcome(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.once('connect_error', (err) => resolve(err.message));
    socket.once('connect', () => resolve('connected'));
  });
}

function disconnected(socket: Socket, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket still connected')), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Collects report:submitted events; `waitFor` resolves once the event of a given report arrives. */
function reportEvents(socket: Socket) {
  const seen: TReportSubmittedEvent[] = [];
  const waiters: { id: string; resolve: () => void }[] = [];
  socket.on(EVENTS.reportSubmitted, (event: TReportSubmittedEvent) => {
    seen.push(event);
    for (const w of waiters.filter((x) => x.id === event.reportId)) w.resolve();
  });
  return {
    ids: () => seen.map((e) => e.reportId),
    waitFor: (id: string, timeoutMs = 5000) =>
      new Promise<void>((resolve, reject) => {
        if (seen.some((e) => e.reportId === id)) return resolve();
        const timer = setTimeout(() => reject(new Error(`no report:submitted for ${id}`)), timeoutMs);
        waiters.push({
          id,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
  };
}

async function errorCode(res: Response): Promise<string | undefined> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
  return body?.error?.code;
}

describe('admin authorization', () => {
  let stack: TestStack;
  let routes: Endpoint[];
  let admin: CoordinatorSession;
  let coordinator: CoordinatorSession;
  let regional: CoordinatorSession;
  let coordinatorEmail: string;
  const sockets: Socket[] = [];

  /** Invites an account through the admin API, accepts the invitation, and returns its id and email. */
  async function createAccount(regionScope: string[] | null): Promise<{ id: string; email: string }> {
    const email = `coordinator.${randomBytes(4).toString('hex')}@convene.test`;
    const invited = await stack.request('/api/admin/accounts/invitations', {
      method: 'POST',
      headers: admin.headers,
      json: { email, role: 'coordinator', regionScope },
    });
    expect(invited.status).toBe(201);
    const { account } = (await invited.json()) as { account: { id: string } };
    const token = await unmailedInvitationToken(stack.db, account.id);
    const accepted = await stack.request('/api/auth/invitation', {
      method: 'POST',
      json: { token, password: PASSWORD },
    });
    expect(accepted.status).toBe(204);
    return { id: account.id, email };
  }

  const send = (route: Endpoint, session?: CoordinatorSession) =>
    stack.request(concrete(route.path), {
      method: route.method,
      headers: session ? (route.method === 'GET' ? { cookie: session.cookie } : session.headers) : {},
      json: route.method === 'GET' || route.method === 'HEAD' ? undefined : {},
      redirect: 'manual',
    });

  const submit = async (overrides: Parameters<typeof reportBody>[0]) => {
    const res = await stack.request('/api/reports', { method: 'POST', json: reportBody(overrides) });
    expect(res.status).toBe(201);
    const { receipt } = (await res.json()) as { receipt: { receiptCode: string } };
    const [report] = await stack.db
      .select({ id: tables.reports.id })
      .from(tables.reports)
      .where(eq(tables.reports.receiptCode, receipt.receiptCode));
    return report!.id;
  };
  const europe = { region: 'europe' as const, countries: ['FR'], corridor: { origin: 'MA', destination: 'FR' } };

  beforeAll(async () => {
    stack = await startTestStack({ kind: 'pglite', withWorker: false, env: { REPORT_RATE_LIMIT: '1000' } });
    const appStack = (await runningApp(stack)).router.stack;
    routes = routesOf(appStack).filter((r) => r.path === '/api/admin' || r.path.startsWith('/api/admin/'));
    // Bull Board is one mounted app behind the admin check: its entry page stands for it.
    if (mountsOf(appStack).includes(QUEUES_PATH)) routes.push({ method: 'GET', path: QUEUES_PATH });

    admin = await signIn(stack);
    coordinatorEmail = (await createAccount(null)).email;
    const regionalEmail = (await createAccount(['africa'])).email;
    coordinator = await signIn(stack, coordinatorEmail, PASSWORD);
    regional = await signIn(stack, regionalEmail, PASSWORD);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await stack?.stop();
  });

  describe('routes enumerated from the router', () => {
    it('finds every /api/admin route and Bull Board', () => {
      const keys = routes.map((r) => `${r.method} ${r.path}`);
      expect(keys.length).toBeGreaterThanOrEqual(25);
      expect(keys).toEqual(
        expect.arrayContaining([
          'GET /api/admin/reports',
          'PATCH /api/admin/reports/:id',
          'POST /api/admin/compilations',
          'GET /api/admin/accounts',
          'GET /api/admin/audit',
          'GET /admin/queues',
        ]),
      );
      expect(keys).toEqual(expect.arrayContaining(WHOLE_WORLD_ONLY));
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('answers 401 to an anonymous request on every one, as JSON under /api', async () => {
      const failures: string[] = [];
      for (const route of routes) {
        const res = await send(route);
        // Bull Board is not the API: only its status is checked.
        const json = route.path.startsWith('/api/');
        const code = json ? await errorCode(res) : undefined;
        if (res.status !== 401 || (json && code !== 'unauthenticated')) {
          failures.push(`${route.method} ${route.path} → ${res.status} ${code}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('answers 403 forbidden to a coordinator on every admin-only route, and lets the admin through', async () => {
      const adminOnly = routes.filter((r) => isAdminOnly(r));
      expect(adminOnly.length).toBeGreaterThanOrEqual(4);
      const failures: string[] = [];
      for (const route of adminOnly) {
        for (const session of [coordinator, regional]) {
          const res = await send(route, session);
          const code = await errorCode(res);
          if (res.status !== 403 || code !== 'forbidden')
            failures.push(`${route.method} ${route.path} → ${res.status} ${code}`);
        }
        const asAdmin = await send(route, admin);
        if (asAdmin.status === 401 || asAdmin.status === 403) {
          failures.push(`admin: ${route.method} ${route.path} → ${asAdmin.status}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('lets every coordinator, scoped or not, reach every other route', async () => {
      const others = routes.filter((r) => !isAdminOnly(r));
      expect(others.length).toBeGreaterThanOrEqual(20);
      const failures: string[] = [];
      for (const route of others) {
        for (const [who, session] of [
          ['admin', admin],
          ['coordinator', coordinator],
          ['regional', regional],
        ] as const) {
          const res = await send(route, session);
          const code = await errorCode(res);
          const key = `${route.method} ${route.path}`;
          if (
            who === 'regional' &&
            res.status === 403 &&
            code === 'forbidden' &&
            (WHOLE_WORLD_ONLY.includes(key) || changesWebinars(route))
          )
            continue;
          if (res.status === 401 || res.status === 403)
            failures.push(`${who}: ${route.method} ${route.path} → ${res.status}`);
        }
      }
      expect(failures).toEqual([]);
    });
  });

  describe('region scope', () => {
    let africaId: string;
    let europeId: string;

    beforeAll(async () => {
      africaId = await submit({});
      europeId = await submit(europe);
    });

    it('lists only the reports of the coordinator’s regions', async () => {
      const res = await stack.request('/api/admin/reports', { headers: { cookie: regional.cookie } });
      expect(res.status).toBe(200);
      const { reports } = (await res.json()) as { reports: TAdminReport[] };
      expect(reports.map((r) => r.id)).toEqual([africaId]);

      const all = await stack.request('/api/admin/reports', { headers: { cookie: coordinator.cookie } });
      const ids = ((await all.json()) as { reports: TAdminReport[] }).reports.map((r) => r.id);
      expect(ids.sort()).toEqual([africaId, europeId].sort());
    });

    it('answers 403 forbidden on another region’s report, and works on its own', async () => {
      const calls = (id: string) =>
        [
          ['GET', `/api/admin/reports/${id}`, undefined],
          ['PATCH', `/api/admin/reports/${id}`, { status: 'reviewed' }],
          ['POST', `/api/admin/reports/${id}/notes`, { text: 'Checked with the partner organization.' }],
        ] as const;
      for (const [method, path, json] of calls(europeId)) {
        const res = await stack.request(path, { method, headers: regional.headers, json });
        expect([method, path, res.status, await errorCode(res)]).toEqual([method, path, 403, 'forbidden']);
      }
      const [europeRow] = await stack.db.select().from(tables.reports).where(eq(tables.reports.id, europeId));
      expect(europeRow!.status).toBe('new');
      expect(await stack.db.select().from(tables.reportNotes).where(eq(tables.reportNotes.reportId, europeId))).toEqual(
        [],
      );

      const expected = { GET: 200, PATCH: 200, POST: 201 } as const;
      for (const [method, path, json] of calls(africaId)) {
        const res = await stack.request(path, { method, headers: regional.headers, json });
        expect([method, path, res.status]).toEqual([method, path, expected[method]]);
      }
    });

    it('exports only the coordinator’s regions as CSV', async () => {
      const res = await stack.request('/api/admin/reports/export.csv', { headers: { cookie: regional.cookie } });
      expect(res.status).toBe(200);
      const csv = await res.text();
      expect(csv).toContain(africaId);
      expect(csv).not.toContain(europeId);
      expect(csv).not.toMatch(/,europe,/);
    });

    it('refuses to freeze a brief for a coordinator of some regions only', async () => {
      const json = { themeSlug: 'smuggling-trafficking' };
      const res = await stack.request('/api/admin/compilations', { method: 'POST', headers: regional.headers, json });
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe('forbidden');
      const unscoped = await stack.request('/api/admin/compilations', {
        method: 'POST',
        headers: coordinator.headers,
        json,
      });
      expect(unscoped.status).toBe(201);
    });
  });

  describe('socket.io', () => {
    const open = async (session: CoordinatorSession) => {
      const socket = connect(stack, { cookie: session.cookie, origin: ORIGIN });
      sockets.push(socket);
      expect(await outcome(socket)).toBe('connected');
      return socket;
    };

    it('refuses an anonymous connection and a foreign Origin', async () => {
      const anonymous = connect(stack, { origin: ORIGIN });
      sockets.push(anonymous);
      expect(await outcome(anonymous)).toBe('unauthenticated');
      const foreign = connect(stack, { cookie: coordinator.cookie, origin: 'https://evil.example' });
      sockets.push(foreign);
      expect(await outcome(foreign)).not.toBe('connected');
    });

    it('sends report:submitted to a scoped coordinator only for their regions, and to others for all', async () => {
      const scoped = reportEvents(await open(regional));
      const unscoped = reportEvents(await open(coordinator));

      const europeId = await submit(europe);
      // Once the unscoped socket has it, the event has been forwarded to every socket.
      await unscoped.waitFor(europeId);
      const africaId = await submit({});
      await scoped.waitFor(africaId);
      await unscoped.waitFor(africaId);
      // One connection delivers in order: a Europe event sent to it would have come first.
      expect(scoped.ids()).toEqual([africaId]);
      expect(unscoped.ids()).toEqual([europeId, africaId]);
    });

    it('disconnects a deactivated coordinator, refuses them again and ends their API access', async () => {
      const leaver = await createAccount(null);
      const session = await signIn(stack, leaver.email, PASSWORD);
      const socket = await open(session);
      const gone = disconnected(socket);
      const res = await stack.request(`/api/admin/accounts/${leaver.id}`, {
        method: 'PATCH',
        headers: admin.headers,
        json: { active: false },
      });
      expect(res.status).toBe(200);
      expect(await gone).toBe('io server disconnect');

      const again = connect(stack, { cookie: session.cookie, origin: ORIGIN });
      sockets.push(again);
      expect(await outcome(again)).toBe('unauthenticated');
      const api = await stack.request('/api/admin/reports', { headers: { cookie: session.cookie } });
      expect(api.status).toBe(401);
      expect(await errorCode(api)).toBe('unauthenticated');
      await expect(signIn(stack, leaver.email, PASSWORD)).rejects.toThrow();
    });

    it('disconnects a coordinator’s sockets when they sign out', async () => {
      const session = await signIn(stack, coordinatorEmail, PASSWORD);
      const socket = await open(session);
      const gone = disconnected(socket);
      const out = await stack.request('/api/auth/logout', { method: 'POST', headers: session.headers });
      expect(out.status).toBe(204);
      expect(await gone).toBe('io server disconnect');
      const again = connect(stack, { cookie: session.cookie, origin: ORIGIN });
      sockets.push(again);
      expect(await outcome(again)).toBe('unauthenticated');
    });
  });
});

/**
 * Outreach data is about people: a region-scoped coordinator sees the registrants, contacts,
 * campaigns and outbox rows of people from their regions' countries only, and changes no
 * webinar (they are programme-wide). Seeded with people in Africa (SN), Europe (FR) and
 * nowhere (no country).
 */
describe.each(databaseKinds())('outreach scope (%s)', (kind) => {
  let stack: TestStack;
  let routes: Endpoint[];
  let admin: CoordinatorSession;
  let coordinator: CoordinatorSession;
  let regional: CoordinatorSession;
  let themed: CoordinatorSession;
  let webinarId: string;
  let webinarSlug: string;
  const people = {
    africa: { registrant: '', contact: '', contactId: '' },
    europe: { registrant: '', contact: '', contactId: '' },
    nowhereContactId: '',
  };
  const campaigns = { africa: '', europe: '', world: '' };

  async function account(scope: { regionScope?: string[]; themeScope?: string[] }): Promise<CoordinatorSession> {
    const email = `scoped.${randomBytes(4).toString('hex')}@convene.test`;
    const invited = await stack.request('/api/admin/accounts/invitations', {
      method: 'POST',
      headers: admin.headers,
      json: { email, role: 'coordinator', regionScope: null, themeScope: null, ...scope },
    });
    expect(invited.status).toBe(201);
    const { account } = (await invited.json()) as { account: { id: string } };
    const token = await unmailedInvitationToken(stack.db, account.id);
    const accepted = await stack.request('/api/auth/invitation', {
      method: 'POST',
      json: { token, password: PASSWORD },
    });
    expect(accepted.status).toBe(204);
    return signIn(stack, email, PASSWORD);
  }

  const register = async (country: string, timeZone: string) => {
    const body = registrationBody({ country, timeZone });
    const res = await stack.request(`/api/webinars/${webinarSlug}/registrations`, { method: 'POST', json: body });
    expect(res.status).toBe(201);
    return body.email;
  };

  const campaign = async (segment: Record<string, unknown>) => {
    const res = await stack.request('/api/admin/campaigns', {
      method: 'POST',
      headers: admin.headers,
      json: { webinarId, segment },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { campaign: { id: string } }).campaign.id;
  };

  /** Everything a webinar change could touch, to prove a refused one touched nothing. */
  const snapshot = async () =>
    JSON.stringify({
      webinars: await stack.db.select().from(tables.webinars).orderBy(tables.webinars.id),
      registrations: await stack.db.select().from(tables.registrations).orderBy(tables.registrations.id),
      notifications: await stack.db.select().from(tables.notifications).orderBy(tables.notifications.id),
      audit: await stack.db.select().from(tables.auditLog).orderBy(tables.auditLog.id),
    });

  const get = async <T>(session: CoordinatorSession, path: string): Promise<T> => {
    const res = await stack.request(path, { headers: { cookie: session.cookie } });
    expect([path, res.status]).toEqual([path, 200]);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false, smtp: false });
    routes = routesOf((await runningApp(stack)).router.stack);
    admin = await signIn(stack);
    coordinator = await account({});
    regional = await account({ regionScope: ['africa'] });
    themed = await account({ themeScope: ['smuggling-trafficking'] });

    const webinar = await createWebinarRow(stack.db);
    webinarId = webinar.id;
    webinarSlug = webinar.slug;
    people.africa.registrant = await register('SN', 'Africa/Dakar');
    people.europe.registrant = await register('FR', 'Europe/Paris');

    [people.africa.contact] = await insertContacts(stack.db, 1, `africa-${kind}`);
    [people.europe.contact] = await insertContacts(stack.db, 1, `europe-${kind}`, () => ({
      country: 'FR',
      timeZone: 'Europe/Paris',
    }));
    await insertContacts(stack.db, 1, `nowhere-${kind}`, () => ({ country: null, timeZone: null }));
    const contacts = await stack.db.select().from(tables.contacts);
    const idOf = (prefix: string) => contacts.find((c) => c.email.startsWith(prefix))!.id;
    people.africa.contactId = idOf(`africa-${kind}`);
    people.europe.contactId = idOf(`europe-${kind}`);
    people.nowhereContactId = idOf(`nowhere-${kind}`);

    campaigns.africa = await campaign({ regions: ['africa'] });
    campaigns.europe = await campaign({ countries: ['FR'] });
    campaigns.world = await campaign({});

    // The local outbox as the worker would have kept it: one message per planned mail.
    const planned = await stack.db.select().from(tables.notifications);
    const recipients = new Map<string, string>();
    for (const r of await stack.db.select().from(tables.registrations)) recipients.set(r.id, r.email);
    for (const c of contacts) recipients.set(c.id, c.email);
    await stack.db.insert(tables.outboxMessages).values(
      planned.map((n) => ({
        notificationId: n.id,
        recipient: recipients.get(n.registrationId ?? n.contactId ?? '') ?? 'someone@convene.test',
        subject: `${n.kind} mail`,
        messageId: `<${n.id}@convene.test>`,
        raw: 'Subject: test\r\n\r\nbody',
      })),
    );
    // A stack, four accounts, people and campaigns: slow on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers 403 to region- and theme-scoped coordinators on every webinar-changing route, changing nothing', async () => {
    const changing = routes.filter(changesWebinars);
    expect(changing.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'POST /api/admin/webinars',
        'PATCH /api/admin/webinars/:id',
        'POST /api/admin/webinars/:id/cancel',
        'POST /api/admin/webinars/:id/complete',
      ]),
    );
    // Bodies an unscoped coordinator's request would succeed with, so only the scope refuses them.
    const bodies: Record<string, unknown> = {
      'POST /api/admin/webinars': {
        kind: 'thematic',
        themeSlug: 'drivers-of-migration',
        title: { en: 'Climate and displacement' },
        description: { en: 'Adverse effects of climate change.' },
        startsAt: '2027-05-04T13:00:00Z',
        durationMinutes: 120,
        hostTimeZone: 'Africa/Nairobi',
        languages: ['en'],
        joinUrl: 'https://meet.example.org/climate',
      },
      'PATCH /api/admin/webinars/:id': { durationMinutes: 60, capacity: 1 },
    };
    const before = await snapshot();
    const failures: string[] = [];
    for (const route of changing) {
      const key = `${route.method} ${route.path}`;
      for (const [who, session] of [
        ['regional', regional],
        ['themed', themed],
      ] as const) {
        const res = await stack.request(route.path.replace(':id', webinarId).replace(/:(\w+)/g, randomUUID()), {
          method: route.method,
          headers: session.headers,
          json: bodies[key] ?? {},
        });
        const code = await errorCode(res);
        if (res.status !== 403 || code !== 'forbidden') failures.push(`${who}: ${key} → ${res.status} ${code}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toBe(before);

    // Reading stays allowed, and the same edit goes through for an unscoped coordinator.
    const list = await get<{ webinars: { id: string }[] }>(regional, '/api/admin/webinars');
    expect(list.webinars.map((w) => w.id)).toContain(webinarId);
    const edit = await stack.request(`/api/admin/webinars/${webinarId}`, {
      method: 'PATCH',
      headers: coordinator.headers,
      json: { durationMinutes: 75 },
    });
    expect(edit.status).toBe(200);
  });

  it('lists and exports only the registrants of the coordinator’s regions', async () => {
    const emails = async (session: CoordinatorSession) =>
      (
        await get<{ registrants: { email: string }[] }>(session, `/api/admin/webinars/${webinarId}/registrations`)
      ).registrants
        .map((r) => r.email)
        .sort();
    expect(await emails(regional)).toEqual([people.africa.registrant]);
    expect(await emails(coordinator)).toEqual([people.africa.registrant, people.europe.registrant].sort());

    const csv = await stack.request(`/api/admin/webinars/${webinarId}/registrations.csv`, {
      headers: { cookie: regional.cookie },
    });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain(people.africa.registrant);
    expect(text).not.toContain(people.europe.registrant);
    expect(text).not.toMatch(/,FR,/);
  });

  it('lists only the contacts of the coordinator’s regions and refuses to edit the others', async () => {
    const list = await get<{ contacts: { id: string }[]; total: number }>(regional, '/api/admin/contacts');
    expect(list.contacts.map((c) => c.id)).toEqual([people.africa.contactId]);
    expect(list.total).toBe(1);
    const all = await get<{ total: number }>(coordinator, '/api/admin/contacts');
    expect(all.total).toBe(3);

    for (const id of [people.europe.contactId, people.nowhereContactId]) {
      const res = await stack.request(`/api/admin/contacts/${id}`, {
        method: 'PATCH',
        headers: regional.headers,
        json: { organization: 'Changed by Africa' },
      });
      expect([id, res.status, await errorCode(res)]).toEqual([id, 403, 'forbidden']);
    }
    const untouched = await stack.db
      .select()
      .from(tables.contacts)
      .where(eq(tables.contacts.organization, 'Changed by Africa'));
    expect(untouched).toEqual([]);
    const own = await stack.request(`/api/admin/contacts/${people.africa.contactId}`, {
      method: 'PATCH',
      headers: regional.headers,
      json: { organization: 'Dakar Migrant Workers' },
    });
    expect(own.status).toBe(200);
  });

  it('shows only campaigns wholly inside the coordinator’s regions, and sends only to their contacts', async () => {
    const ids = async (session: CoordinatorSession) =>
      (await get<{ campaigns: { id: string }[] }>(session, '/api/admin/campaigns')).campaigns.map((c) => c.id).sort();
    expect(await ids(regional)).toEqual([campaigns.africa]);
    expect(await ids(coordinator)).toEqual(Object.values(campaigns).sort());
    await get(regional, `/api/admin/campaigns/${campaigns.africa}`);
    for (const id of [campaigns.europe, campaigns.world]) {
      const res = await stack.request(`/api/admin/campaigns/${id}`, { headers: { cookie: regional.cookie } });
      expect([id, res.status, await errorCode(res)]).toEqual([id, 403, 'forbidden']);
    }

    // A country of another region, named alone or beside the coordinator's region, is refused.
    const other = await createWebinarRow(stack.db);
    const before = await snapshot();
    for (const segment of [
      { countries: ['FR'] },
      { regions: ['africa'], countries: ['FR'] },
      { regions: ['europe'] },
    ]) {
      for (const path of ['/api/admin/campaigns/preview', '/api/admin/campaigns']) {
        const res = await stack.request(path, {
          method: 'POST',
          headers: regional.headers,
          json: { webinarId: other.id, segment },
        });
        expect([path, segment, res.status, await errorCode(res)]).toEqual([path, segment, 403, 'forbidden']);
      }
    }
    expect(await snapshot()).toBe(before);

    // No segment at all means "my regions": the invitation goes to the Senegal contact only.
    const sent = await stack.request('/api/admin/campaigns', {
      method: 'POST',
      headers: regional.headers,
      json: { webinarId: other.id, segment: {} },
    });
    expect(sent.status).toBe(201);
    const invited = await stack.db
      .select({ contactId: tables.notifications.contactId })
      .from(tables.notifications)
      .where(eq(tables.notifications.webinarId, other.id));
    expect(invited.map((n) => n.contactId)).toEqual([people.africa.contactId]);
  });

  it('lists only the outbox messages to people of the coordinator’s regions', async () => {
    const recipients = async (session: CoordinatorSession) =>
      new Set((await get<{ messages: { to: string }[] }>(session, '/api/admin/outbox')).messages.map((m) => m.to));
    const scoped = await recipients(regional);
    expect([...scoped].sort()).toEqual([people.africa.contact, people.africa.registrant].sort());
    const everyone = await recipients(coordinator);
    for (const email of [
      people.africa.registrant,
      people.europe.registrant,
      people.africa.contact,
      people.europe.contact,
    ])
      expect(everyone).toContain(email);
  });

  it('refuses a region-scoped coordinator the live brief export, in every format', async () => {
    for (const format of ['md', 'docx', 'csv', 'json']) {
      const path = `/api/admin/compilations/live/smuggling-trafficking/export.${format}`;
      const res = await stack.request(path, { headers: { cookie: regional.cookie } });
      expect([format, res.status, await errorCode(res)]).toEqual([format, 403, 'forbidden']);
      const unscoped = await stack.request(path, { headers: { cookie: coordinator.cookie } });
      expect([format, unscoped.status]).toEqual([format, 200]);
      await unscoped.arrayBuffer();
    }
    // The brief stays readable in the workspace, for their regions.
    await get(regional, '/api/admin/compilations/live/smuggling-trafficking');
  });
});

/**
 * registration_vs_echo: throughput and latency of POST /api/webinars/:slug/registrations (the
 * whole platform: Express app, validation, a database transaction per registration, the mail
 * job enqueued on Redis, and the in-process worker mailing each confirmation to a loopback SMTP
 * sink) against a bare Express JSON echo, same body size, connections and duration.
 *
 * PGlite always (entry registration_vs_echo); also PostgreSQL when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set (entry registration_vs_echo_postgres, same echo baseline). On PGlite
 * also registration_vs_raw_floor: the endpoint against a bare node:http handler doing the same
 * durable work in the same process (support/raw-registration-floor.ts).
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { tables } from '@convene/shared/db';
import type { PGlite } from '@electric-sql/pglite';
import { and, count, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '@convene/shared/db';
import { createWebinarRow, registrationBody } from '../../factories.js';
import { startTestStack, type TestStack } from '../../support/stack.js';
import type { DbKind } from '../../support/test-database.js';
import { startCountingSmtpSink, type CountingSmtpSink } from '../support/counting-smtp-sink.js';
import { startEchoServer } from '../support/echo-server.js';
import { startRawRegistrationFloor } from '../support/raw-registration-floor.js';
import { LoadGenerator, type LoadSpec, type LoadSummary } from '../support/load.js';
import { MB, readSettings, round, type BenchSettings } from '../support/settings.js';
import type { BenchEntry, Benchmark, Json } from '../types.js';

const NAME = 'registration_vs_echo';
const FLOOR_NAME = 'registration_vs_raw_floor';
const MIN_FLOOR_RATIO = 0.8;
const FLOOR_TARGET = `>= ${MIN_FLOOR_RATIO}x`;
/** The longest a slice of the floor comparison waits for the mail of the one before to be sent. */
const DRAIN_LIMIT_MS = 20_000;
/** The floor comparison alternates this many slices of each load (the measured time split between them). */
const FLOOR_SLICES = 5;
const MIN_RATIO = 0.5;
const MAX_P99_MS = 50;
const TARGET = `>= ${MIN_RATIO}x, p99 <= ${MAX_P99_MS} ms`;
/** The worker's production default (the test stack uses 5). */
const WORKER_CONCURRENCY = '10';

type Measured = {
  summary: LoadSummary;
  /** CPU used by this process (servers, worker, PGlite, SMTP sink) during the measured run, in cores. */
  serverCpuCores: number;
  /** Share of the measured run this process's event loop was busy (0..1). */
  eventLoopUtilization: number;
  /** Highest RSS of this process sampled (every 250 ms) during the measured run. */
  rssPeakBytes: number;
};

/** Warm-up (discarded), then the measured run, with this process's CPU and event-loop use alongside. */
async function measure(load: LoadGenerator, spec: LoadSpec, settings: BenchSettings): Promise<Measured> {
  if (settings.warmupSec > 0) {
    log(`${spec.title}: warm-up ${settings.warmupSec} s`);
    await load.run({ ...spec, title: `${spec.title} (warm-up)`, durationSec: settings.warmupSec });
  }
  log(`${spec.title}: measuring ${settings.durationSec} s at ${settings.connections} connections`);
  const cpuBefore = process.cpuUsage();
  const eluBefore = performance.eventLoopUtilization();
  let rssPeakBytes = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    rssPeakBytes = Math.max(rssPeakBytes, process.memoryUsage.rss());
  }, 250);
  const started = performance.now();
  try {
    const summary = await load.run(spec);
    const wallUs = (performance.now() - started) * 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const elu = performance.eventLoopUtilization(eluBefore);
    return {
      summary,
      serverCpuCores: (cpu.user + cpu.system) / wallUs,
      eventLoopUtilization: elu.utilization,
      rssPeakBytes: Math.max(rssPeakBytes, process.memoryUsage.rss()),
    };
  } finally {
    clearInterval(sampler);
  }
}

function log(text: string): void {
  process.stderr.write(`  ${text}\n`);
}

/** A body like the registration form's, with a `{{seq}}` the load generator makes unique per request. */
function bodyTemplate(tag: string): string {
  return JSON.stringify(registrationBody({ email: `bench.${tag}.{{seq}}@example.org` }));
}

function loadDetails(m: Measured): { [key: string]: Json } {
  const s = m.summary;
  return {
    reqPerSec: round(s.reqPerSec, 1),
    p50Ms: s.latency.p50Ms,
    p90Ms: s.latency.p90Ms,
    p99Ms: s.latency.p99Ms,
    avgMs: round(s.latency.avgMs, 2),
    maxMs: s.latency.maxMs,
    requests: s.requests,
    statusCounts: s.statusCounts,
    non2xx: s.non2xx,
    errors: s.errors,
    timeouts: s.timeouts,
    rssPeakMb: round(m.rssPeakBytes / MB, 1),
    serverProcessCpuCores: round(m.serverCpuCores, 2),
    serverEventLoopUtilization: round(m.eventLoopUtilization, 3),
    loadGeneratorCpuCores: round(s.loadGeneratorCpuCores, 2),
  };
}

/** Why a measurement does not meet the target (empty = pass). */
function failures(registration: LoadSummary, echo: LoadSummary, ratio: number): string[] {
  const reasons: string[] = [];
  const created = registration.statusCounts['201'] ?? 0;
  if (registration.requests === 0) reasons.push('no registration completed');
  if (created !== registration.requests) {
    reasons.push(`${registration.requests - created} registration responses were not 201`);
  }
  if (registration.errors > 0) reasons.push(`${registration.errors} registration connection errors/timeouts`);
  if (echo.requests === 0 || echo.non2xx > 0 || echo.errors > 0) reasons.push('echo baseline had errors');
  if (!(ratio >= MIN_RATIO)) reasons.push(`ratio ${round(ratio, 3)} < ${MIN_RATIO}`);
  if (!(registration.latency.p99Ms <= MAX_P99_MS))
    reasons.push(`p99 ${registration.latency.p99Ms} ms > ${MAX_P99_MS} ms`);
  return reasons;
}

/** Why the floor comparison does not meet its target (empty = pass). */
function floorFailures(registration: LoadSummary, floor: LoadSummary, ratio: number): string[] {
  const reasons: string[] = [];
  if (floor.requests === 0 || floor.non2xx > 0 || floor.errors > 0) reasons.push('raw floor had errors');
  if ((registration.statusCounts['201'] ?? 0) !== registration.requests) reasons.push('registrations were not all 201');
  if (!(ratio >= MIN_FLOOR_RATIO)) reasons.push(`ratio ${round(ratio, 3)} < ${MIN_FLOOR_RATIO}`);
  return reasons;
}

/**
 * Waits (bounded) until the worker has sent every mail already due, so that one load does
 * not pay for the mail of the one before; returns the backlog left (0 when drained).
 */
async function drainMail(db: Db): Promise<number> {
  const n = tables.notifications;
  const deadline = Date.now() + DRAIN_LIMIT_MS;
  for (;;) {
    const [row] = await db
      .select({ n: count() })
      .from(n)
      .where(and(inArray(n.status, ['pending', 'sending']), lte(n.scheduledAt, new Date())));
    const left = row?.n ?? 0;
    if (left === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The PostgreSQL server to create a throw-away database on, if any. */
function postgresAdminUrl(): string | undefined {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
}

async function startStack(kind: DbKind, sink: CountingSmtpSink): Promise<TestStack> {
  const options = { kind, smtp: false, env: { SMTP_URL: sink.url, WORKER_CONCURRENCY } } as const;
  if (kind === 'pglite') return startTestStack(options);
  // createTestDatabase reads TEST_DATABASE_URL; point it at BENCH_DATABASE_URL for this call.
  const saved = process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = postgresAdminUrl();
  try {
    return await startTestStack(options);
  } finally {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  }
}

async function benchRegistration(
  kind: DbKind,
  load: LoadGenerator,
  echo: Measured,
  settings: BenchSettings,
): Promise<BenchEntry[]> {
  const name = kind === 'pglite' ? NAME : `${NAME}_${kind}`;
  log(`${name}: starting the platform on ${kind} (server and worker in this process)`);
  const sink = await startCountingSmtpSink();
  let stack: TestStack | null = null;
  try {
    stack = await startStack(kind, sink);
    const webinar = await createWebinarRow(stack.db, { capacity: null });
    const path = `/api/webinars/${webinar.slug}/registrations`;

    // One registration by hand first: a broken endpoint is a harness error, not a slow result.
    const probe = await stack.request(path, { method: 'POST', json: registrationBody() });
    if (probe.status !== 201) throw new Error(`probe registration answered ${probe.status}: ${await probe.text()}`);

    const registration = await measure(
      load,
      {
        title: name,
        url: `${stack.url}${path}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        bodyTemplate: bodyTemplate(randomBytes(4).toString('hex')),
        connections: settings.connections,
        durationSec: settings.durationSec,
      },
      settings,
    );
    const memory = process.memoryUsage();
    const mailsDelivered = sink.count;
    const r = tables.registrations;
    const [stored] = await stack.db.select({ n: count() }).from(r).where(eq(r.webinarId, webinar.id));

    const reg = registration.summary;
    const ratio = echo.summary.reqPerSec > 0 ? reg.reqPerSec / echo.summary.reqPerSec : 0;
    const reasons = failures(reg, echo.summary, ratio);
    const floor = kind === 'pglite' ? await benchFloor(stack, load, path, settings) : [];
    const entry: BenchEntry = {
      name,
      value: round(reg.reqPerSec, 1),
      unit: 'req/s',
      baseline: round(echo.summary.reqPerSec, 1),
      ratio: round(ratio, 3),
      target: TARGET,
      pass: reasons.length === 0,
      details: {
        database: kind,
        registration: loadDetails(registration),
        echo: loadDetails(echo),
        failures: reasons,
        connections: settings.connections,
        durationSec: settings.durationSec,
        warmupSec: settings.warmupSec,
        bodyBytes: reg.bodyBytes,
        registrationsStored: stored?.n ?? 0,
        confirmationsMailedByEndOfRun: mailsDelivered,
        workerConcurrency: Number(WORKER_CONCURRENCY),
        rssMbAfterRun: round(memory.rss / MB, 1),
        heapUsedMbAfterRun: round(memory.heapUsed / MB, 1),
        cpus: cpus().length,
        node: process.version,
        measuredAt: new Date().toISOString(),
        note:
          'Servers (platform and echo), the mail worker (kept running: it mails every confirmation to a ' +
          'counting SMTP sink in the same process) and PGlite share one Node process; autocannon runs in a ' +
          'child process over loopback; Redis (and PostgreSQL) are separate processes on the same machine. ' +
          'Echo is measured first, on an otherwise idle process. Every request uses a new email (no ' +
          'idempotent fast path); all go to one webinar, whose row lock serializes them. LOG_LEVEL=silent. ' +
          'RSS figures are for that whole process. ' +
          `Measured on ${cpus().length} cores: the load generator, this process and Redis compete for them.`,
      },
    };
    return [entry, ...floor];
  } finally {
    log(`${name}: stopping the platform`);
    await stack?.stop();
    await sink.close();
  }
}

type Sliced = Measured & { backlogs: number[] };

/**
 * Measures several loads in alternating slices (after one warm-up of each), so that a change in
 * what else runs on the machine falls on all of them alike; before each slice, the mail already
 * due is sent (bounded wait). Requests and time add up over the slices; latency percentiles are
 * the worst slice's.
 */
async function alternate(
  load: LoadGenerator,
  settings: BenchSettings,
  db: Db,
  targets: { title: string; url: string }[],
): Promise<Sliced[]> {
  const spec = (t: { title: string; url: string }, durationSec: number): LoadSpec => ({
    title: t.title,
    url: t.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // A new tag per slice: the load generator counts {{seq}} from 1 on each run.
    bodyTemplate: bodyTemplate(randomBytes(4).toString('hex')),
    connections: settings.connections,
    durationSec,
  });
  if (settings.warmupSec > 0) {
    for (const t of targets) {
      log(`${t.title}: warm-up ${settings.warmupSec} s`);
      await load.run(spec({ ...t, title: `${t.title} (warm-up)` }, settings.warmupSec));
    }
  }
  const sliceSec = Math.max(1, Math.round(settings.durationSec / FLOOR_SLICES));
  const acc = targets.map(() => ({
    summaries: [] as LoadSummary[],
    cpuUs: 0,
    wallUs: 0,
    elu: 0,
    rss: 0,
    backlogs: [] as number[],
  }));
  for (let slice = 0; slice < FLOOR_SLICES; slice++) {
    for (const [i, t] of targets.entries()) {
      const a = acc[i]!;
      a.backlogs.push(await drainMail(db));
      log(`${t.title}: slice ${slice + 1}/${FLOOR_SLICES}, ${sliceSec} s`);
      const cpuBefore = process.cpuUsage();
      const eluBefore = performance.eventLoopUtilization();
      const started = performance.now();
      a.summaries.push(await load.run(spec(t, sliceSec)));
      const wallUs = (performance.now() - started) * 1000;
      const cpu = process.cpuUsage(cpuBefore);
      a.cpuUs += cpu.user + cpu.system;
      a.elu += performance.eventLoopUtilization(eluBefore).utilization * wallUs;
      a.wallUs += wallUs;
      a.rss = Math.max(a.rss, process.memoryUsage.rss());
    }
  }
  return acc.map((a) => ({
    summary: combine(a.summaries),
    serverCpuCores: a.cpuUs / a.wallUs,
    eventLoopUtilization: a.elu / a.wallUs,
    rssPeakBytes: a.rss,
    backlogs: a.backlogs,
  }));
}

/** One summary for several runs of the same load: counts add up, latency is the worst run's. */
function combine(runs: LoadSummary[]): LoadSummary {
  const first = runs[0]!;
  const sum = (f: (s: LoadSummary) => number) => runs.reduce((n, s) => n + f(s), 0);
  const worst = (f: (s: LoadSummary) => number) => Math.max(...runs.map(f));
  const statusCounts: Record<string, number> = {};
  for (const s of runs)
    for (const [k, v] of Object.entries(s.statusCounts)) statusCounts[k] = (statusCounts[k] ?? 0) + v;
  const requests = sum((s) => s.requests);
  const durationSec = sum((s) => s.durationSec);
  return {
    ...first,
    requests,
    durationSec,
    reqPerSec: durationSec > 0 ? requests / durationSec : 0,
    latency: {
      ...first.latency,
      p50Ms: worst((s) => s.latency.p50Ms),
      p90Ms: worst((s) => s.latency.p90Ms),
      p99Ms: worst((s) => s.latency.p99Ms),
      maxMs: worst((s) => s.latency.maxMs),
      avgMs: requests > 0 ? sum((s) => s.latency.avgMs * s.requests) / requests : 0,
    },
    statusCounts,
    non2xx: sum((s) => s.non2xx),
    errors: sum((s) => s.errors),
    timeouts: sum((s) => s.timeouts),
    loadGeneratorCpuCores: sum((s) => s.loadGeneratorCpuCores * s.durationSec) / (durationSec || 1),
  };
}

/**
 * registration_vs_raw_floor: the same load on a bare node:http handler doing the same durable
 * work (raw-registration-floor.ts) in the same process, on the same PGlite, queue and worker,
 * alternating with the registration endpoint. PGlite runs in this thread, so this is the part
 * of the echo a registration on PGlite can reach at all.
 */
async function benchFloor(
  stack: TestStack,
  load: LoadGenerator,
  registrationPath: string,
  settings: BenchSettings,
): Promise<BenchEntry[]> {
  const webinar = await createWebinarRow(stack.db, { capacity: null });
  const client = (stack.db as unknown as { $client: PGlite }).$client;
  const server = await startRawRegistrationFloor(client, stack.running.ctx.mailQueue.queue, webinar);
  try {
    const [floor, registration] = await alternate(load, settings, stack.db, [
      { title: FLOOR_NAME, url: server.url },
      { title: `${FLOOR_NAME} (registration)`, url: `${stack.url}${registrationPath}` },
    ]);
    if (!floor || !registration) throw new Error('alternate returned no measurement');
    const reg = registration.summary;
    const ratio = floor.summary.reqPerSec > 0 ? reg.reqPerSec / floor.summary.reqPerSec : 0;
    const reasons = floorFailures(reg, floor.summary, ratio);
    return [
      {
        name: FLOOR_NAME,
        value: round(reg.reqPerSec, 1),
        unit: 'req/s',
        baseline: round(floor.summary.reqPerSec, 1),
        ratio: round(ratio, 3),
        target: FLOOR_TARGET,
        pass: reasons.length === 0,
        details: {
          database: 'pglite',
          registration: loadDetails(registration),
          floor: loadDetails(floor),
          failures: reasons,
          slices: FLOOR_SLICES,
          mailBacklogBeforeSlices: { floor: floor.backlogs, registration: registration.backlogs },
          connections: settings.connections,
          durationSec: settings.durationSec,
          warmupSec: settings.warmupSec,
          measuredAt: new Date().toISOString(),
          note:
            'baseline: a bare node:http handler in the same process doing the same durable work (one PGlite ' +
            'transaction inserting the registration and its outbox rows, one BullMQ addBulk on the same queue, ' +
            'mailed by the same in-process worker); value: the registration endpoint. Both measured after the ' +
            'registration_vs_echo run (warm process), in alternating slices (floor, registration, ...) so that ' +
            'the load other processes put on the machine falls on both alike; before each slice the mail already ' +
            'due is sent (bounded wait; mailBacklogBeforeSlices is what was left). Latency: the worst slice.',
        },
      },
    ];
  } finally {
    await server.close();
  }
}

export const registrationVsEcho: Benchmark = {
  name: NAME,
  description: 'registration POST throughput and latency vs a bare Express JSON echo (autocannon, loopback)',
  run: async () => {
    const settings = readSettings();
    const kinds: DbKind[] = postgresAdminUrl() ? ['pglite', 'postgres'] : ['pglite'];
    const echoServer = await startEchoServer();
    let load: LoadGenerator | null = null;
    try {
      load = await LoadGenerator.start();
      const echo = await measure(
        load,
        {
          title: 'echo',
          url: echoServer.url,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          bodyTemplate: bodyTemplate(randomBytes(4).toString('hex')),
          connections: settings.connections,
          durationSec: settings.durationSec,
        },
        settings,
      );
      const entries: BenchEntry[] = [];
      for (const kind of kinds) entries.push(...(await benchRegistration(kind, load, echo, settings)));
      return entries;
    } finally {
      await load?.close();
      await echoServer.close();
    }
  },
};

/**
 * memory_split_mode: RSS of each process of the production topology — the compiled build,
 * 2 APIs (`server/dist/main.js --role=server`, no worker inside) and 2 workers
 * (`worker/dist/main.js`) on one PostgreSQL and one Redis — at idle after a cold start (all four
 * at once on an empty database), while contacts are imported, under a campaign of several
 * thousand invitations (one campaign posted on each API at once) and under a registration load
 * on both APIs (whose confirmations the workers mail). VmRSS is sampled every 100 ms from
 * /proc/<pid>/status, and VmHWM (the kernel's peak) read at the end of each phase.
 *
 * Needs BENCH_DATABASE_URL or TEST_DATABASE_URL (PGlite is single-process: no split mode).
 * Entries memory_split_mode_server and memory_split_mode_worker: the highest peak of the role.
 */
import { createTestDatabase, type TestDatabaseTarget } from '../../support/test-database.js';
import { ensureCompiledBuild } from '../../support/compiled-build.js';
import {
  campaignDetails,
  createWebinar,
  invitationCount,
  prepareCampaign,
  registrationDetails,
  runCampaigns,
  runRegistrationLoad,
} from '../support/api-loads.js';
import {
  apiEnv,
  RssSampler,
  signInBuilt,
  startBuiltApi,
  startBuiltWorker,
  stopAll,
  workerEnv,
  type BuiltProcess,
  type ProcessMemoryReport,
} from '../support/built-processes.js';
import { log, postgresAdminUrl, sleep, workerConcurrency } from '../support/platform.js';
import { nowMs, startRecordingSmtpSink, type RecordingSmtpSink } from '../support/recording-smtp-sink.js';
import { readSettings, round } from '../support/settings.js';
import { cpus, loadavg } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { BenchEntry, Benchmark, Json } from '../types.js';

const NAME = 'memory_split_mode';
const MAX_RSS_MB = 200;
const TARGET = `<= ${MAX_RSS_MB} MB`;
const APIS = 2;
const WORKERS = 2;
const IDLE_MS = 5000;
const MAIL_TIMEOUT_MS = 240_000;

/** A throw-away database on the benchmark's PostgreSQL server. */
export async function benchPostgresDatabase(): Promise<TestDatabaseTarget> {
  // createTestDatabase reads TEST_DATABASE_URL; point it at BENCH_DATABASE_URL for this call.
  const saved = process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = postgresAdminUrl();
  try {
    return await createTestDatabase('postgres');
  } finally {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  }
}

function roleEntry(
  role: 'server' | 'worker',
  reports: readonly ProcessMemoryReport[],
  reasons: readonly string[],
  shared: { [key: string]: Json },
): BenchEntry {
  const mine = reports.filter((r) => r.role === role);
  const value = Math.max(...mine.map((r) => r.peakRssMb));
  const failures = [...reasons];
  for (const r of mine) if (r.peakRssMb > MAX_RSS_MB) failures.push(`${r.label} peaked at ${r.peakRssMb} MB`);
  return {
    name: `${NAME}_${role}`,
    value: round(value, 1),
    unit: 'MB',
    baseline: null,
    ratio: null,
    target: TARGET,
    pass: failures.length === 0,
    details: {
      failures,
      processes: mine.map((r) => ({ ...r }) as { [key: string]: Json }),
      ...shared,
    },
  };
}

export const memorySplitMode: Benchmark = {
  name: NAME,
  description: 'RSS of 2 compiled APIs and 2 workers (PostgreSQL) at idle, under a campaign and a registration load',
  run: async () => {
    if (!postgresAdminUrl()) {
      log(`${NAME}: skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL (split mode needs PostgreSQL)`);
      return [];
    }
    const settings = readSettings();
    const invitations = invitationCount(4000);
    const concurrency = workerConcurrency();
    const loadAverage = loadavg().map((v) => round(v, 2));
    log(`${NAME}: compiling the build (npm run build:node, incremental)`);
    await ensureCompiledBuild();
    const target = await benchPostgresDatabase();
    let sink: RecordingSmtpSink | null = null;
    const processes: BuiltProcess[] = [];
    try {
      sink = await startRecordingSmtpSink();
      const prefix = `m${randomBytes(4).toString('hex')}`;
      const db = target.databaseUrl!;
      log(`${NAME}: starting ${APIS} APIs and ${WORKERS} workers at once on an empty database`);
      const startedAt = nowMs();
      const started = await Promise.all([
        ...Array.from({ length: APIS }, (_, i) =>
          startBuiltApi('server', `server-${i + 1}`, apiEnv(db, target.dataDir, prefix, sink!.url)),
        ),
        ...Array.from({ length: WORKERS }, (_, i) =>
          startBuiltWorker(`worker-${i + 1}`, workerEnv(db, target.dataDir, prefix, sink!.url, concurrency)),
        ),
      ]);
      processes.push(...started);
      const coldStartMs = Math.round(nowMs() - startedAt);
      const apis = processes.filter((p) => p.role === 'server');
      const sampler = new RssSampler(processes);
      sampler.phase('idle');
      await sleep(IDLE_MS);
      const idle = sampler.now();

      sampler.phase('import');
      const headers = await signInBuilt(apis[0]!.url!);
      const share = Math.ceil(invitations / APIS);
      const campaigns = [];
      for (const api of apis) campaigns.push(await prepareCampaign(api.url!, headers, share));

      sampler.phase('mail');
      log(`${NAME}: ${share * APIS} invitations, one campaign posted on each API`);
      const mail = await runCampaigns(campaigns, headers, sink, MAIL_TIMEOUT_MS);
      log(`${NAME}: mail: ${mail.delivered} of ${mail.messages} in ${mail.elapsedMs} ms`);

      sampler.phase('registration');
      const webinar = await createWebinar(apis[0]!.url!, headers);
      await sink.sync();
      const beforeConfirmations = sink.count;
      log(
        `${NAME}: registration load on both APIs, ${settings.connections} connections, ${settings.warmupSec + settings.durationSec} s`,
      );
      const load = await runRegistrationLoad(
        apis.map((a) => a.url!),
        webinar.slug,
        settings,
      );
      const registrations = registrationDetails(load);
      // The workers keep mailing confirmations after the load: part of the phase.
      const confirmed = await sink.waitForCount(beforeConfirmations + Number(registrations.created), 120_000);
      sampler.phase('idle-after');
      await sleep(2000);
      const reports = sampler.stop();

      const reasons: string[] = [];
      if (!mail.reached) reasons.push(`only ${mail.delivered} of ${mail.messages} invitations arrived`);
      if (mail.duplicates > 0) reasons.push(`${mail.duplicates} duplicate invitations`);
      if (Number(registrations.created) !== Number(registrations.requests))
        reasons.push('registration responses were not all 201');
      if (!confirmed) reasons.push('not every registration was confirmed by mail within 120 s');
      const shared: { [key: string]: Json } = {
        topology: `${APIS} APIs + ${WORKERS} workers, compiled build (node --conditions=convene-dist), PostgreSQL`,
        idleRssMb: idle,
        coldStartMs,
        invitations: campaignDetails(mail),
        registrations,
        registrationConnections: settings.connections,
        registrationSeconds: settings.warmupSec + settings.durationSec,
        confirmationsMailed: sink.count - beforeConfirmations,
        workerConcurrency: concurrency,
        cpus: cpus().length,
        loadAverageAtStart: loadAverage,
        node: process.version,
        measuredAt: new Date().toISOString(),
        note:
          "Each process's VmRSS sampled every 100 ms from /proc/<pid>/status, per phase: idle (5 s after a cold " +
          'start of all four at once on an empty database), import (CSV import of the contacts through the API), ' +
          'mail (one campaign posted on each API at once, until the last invitation reached the recording SMTP ' +
          'sink), registration (autocannon on both APIs at once, then until every confirmation was mailed). ' +
          "peakRssMb is the highest of the samples and the kernel's VmHWM at the end (which includes start-up). " +
          'LOG_LEVEL info (production default), logs piped to this process. No heap-size flags.',
      };
      const entries = [roleEntry('server', reports, reasons, shared), roleEntry('worker', reports, reasons, shared)];
      for (const e of entries) log(`${e.name}: peak ${e.value} MB`);
      return entries;
    } finally {
      await stopAll(processes);
      await sink?.close();
      await target.drop();
    }
  },
};

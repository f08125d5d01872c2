/**
 * memory_embedded: RSS of the embedded default — one process running the API, socket.io, the
 * mail workers and PGlite (what `npm start` runs: no DATABASE_URL) — steady (idle after start)
 * and at its peak under the same loads as memory_split_mode (a contacts import, a campaign of
 * several thousand invitations, a registration load). Run from the compiled build
 * (`node --conditions=convene-dist server/dist/main.js`): `npm start` runs the same code under tsx,
 * whose loader (esbuild and its transform cache) adds its own memory, which is not the app's.
 *
 * To split the figure: in the same run, a bare process that only opens PGlite with the platform's
 * openDatabase and applies the migrations (support/pglite-only.mjs), and a bare node process.
 * "The rest" = embedded − bare PGlite process: our code, its libraries and its data.
 * Reported, no target.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { REPO_ROOT } from '@convene/shared/node';
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
  BENCH_ADMIN,
  readProcMemory,
  RssSampler,
  signInBuilt,
  startBuiltApi,
  stopAll,
  type BuiltProcess,
} from '../support/built-processes.js';
import { log, sleep, workerConcurrency } from '../support/platform.js';
import { startRecordingSmtpSink, type RecordingSmtpSink } from '../support/recording-smtp-sink.js';
import { readSettings, round } from '../support/settings.js';
import type { BenchEntry, Benchmark, Json } from '../types.js';

const NAME = 'memory_embedded';
const IDLE_MS = 5000;
const MAIL_TIMEOUT_MS = 300_000;
const PGLITE_ONLY = fileURLToPath(new URL('../support/pglite-only.mjs', import.meta.url));

type Bare = { steadyRssMb: number; hwmMb: number };

/** Runs a bare node process (`script` or an empty event loop), waits for it to settle, reads its memory. */
async function measureBare(script: string | null, env: Record<string, string>): Promise<Bare> {
  const args = script
    ? ['--conditions=convene-dist', script]
    : ['-e', 'process.stdout.write("ready\\n"); setInterval(() => undefined, 60000)'];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  try {
    const deadline = Date.now() + 120_000;
    while (!/ready/.test(output)) {
      if (child.exitCode !== null) throw new Error(`bare process exited (${child.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`bare process not ready after 120 s:\n${output}`);
      await sleep(100);
    }
    await sleep(IDLE_MS);
    const memory = readProcMemory(child.pid!);
    if (!memory) throw new Error('bare process is gone');
    return { steadyRssMb: memory.rssMb, hwmMb: memory.hwmMb };
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}

export const memoryEmbedded: Benchmark = {
  name: NAME,
  description: 'RSS of the embedded default (API + worker + PGlite in one process) steady and under load, PGlite apart',
  run: async () => {
    const settings = readSettings();
    const invitations = invitationCount(4000);
    const loadAverage = loadavg().map((v) => round(v, 2));
    log(`${NAME}: compiling the build (npm run build:node, incremental)`);
    await ensureCompiledBuild();

    log(`${NAME}: bare node process, then a bare process opening PGlite and applying the migrations`);
    const bareNode = await measureBare(null, {});
    const bareDir = mkdtempSync(path.join(tmpdir(), 'convene-bench-'));
    let barePglite: Bare;
    try {
      barePglite = await measureBare(PGLITE_ONLY, { DATA_DIR: bareDir });
    } finally {
      rmSync(bareDir, { recursive: true, force: true });
    }

    const dataDir = mkdtempSync(path.join(tmpdir(), 'convene-bench-'));
    let sink: RecordingSmtpSink | null = null;
    const processes: BuiltProcess[] = [];
    try {
      sink = await startRecordingSmtpSink();
      const concurrency = workerConcurrency();
      log(`${NAME}: starting the embedded default (compiled build, PGlite, worker inside)`);
      const embedded = await startBuiltApi('embedded', 'embedded', {
        DATA_DIR: dataDir,
        QUEUE_PREFIX: `e${randomBytes(4).toString('hex')}`,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        HOST: '127.0.0.1',
        SMTP_URL: sink.url,
        WORKER_CONCURRENCY: String(concurrency),
        ADMIN_EMAIL: BENCH_ADMIN.email,
        ADMIN_PASSWORD: BENCH_ADMIN.password,
        // Every request comes from 127.0.0.1: the per-network limits would answer 429.
        REGISTRATION_RATE_LIMIT: '1000000',
        REPORT_RATE_LIMIT: '1000000',
      });
      processes.push(embedded);
      const sampler = new RssSampler(processes);
      sampler.phase('idle');
      await sleep(IDLE_MS);
      const steady = sampler.now().embedded ?? 0;
      const steadyHwm = readProcMemory(embedded.pid)?.hwmMb ?? 0;

      sampler.phase('import');
      const headers = await signInBuilt(embedded.url!);
      const campaign = await prepareCampaign(embedded.url!, headers, invitations);
      sampler.phase('mail');
      log(`${NAME}: campaign of ${invitations} invitations`);
      const mail = await runCampaigns([campaign], headers, sink, MAIL_TIMEOUT_MS);
      log(`${NAME}: mail: ${mail.delivered} of ${mail.messages} in ${mail.elapsedMs} ms`);

      sampler.phase('registration');
      const webinar = await createWebinar(embedded.url!, headers);
      await sink.sync();
      const beforeConfirmations = sink.count;
      log(
        `${NAME}: registration load, ${settings.connections} connections, ${settings.warmupSec + settings.durationSec} s`,
      );
      const registrations = registrationDetails(await runRegistrationLoad([embedded.url!], webinar.slug, settings));
      const confirmed = await sink.waitForCount(beforeConfirmations + Number(registrations.created), 180_000);
      sampler.phase('idle-after');
      await sleep(2000);
      const [report] = sampler.stop();
      const peak = report!.peakRssMb;

      const failures: string[] = [];
      if (!mail.reached) failures.push(`only ${mail.delivered} of ${mail.messages} invitations arrived`);
      if (mail.duplicates > 0) failures.push(`${mail.duplicates} duplicate invitations`);
      if (Number(registrations.created) !== Number(registrations.requests))
        failures.push('registration responses were not all 201');
      if (!confirmed) failures.push('not every registration was confirmed by mail within 180 s');
      const split = (total: number): { [key: string]: Json } => ({
        totalMb: total,
        pgliteProcessMb: barePglite.steadyRssMb,
        restMb: round(total - barePglite.steadyRssMb, 1),
      });
      log(`${NAME}: steady ${steady} MB, peak ${peak} MB; bare PGlite process ${barePglite.steadyRssMb} MB`);
      const entry: BenchEntry = {
        name: NAME,
        value: peak,
        unit: 'MB',
        baseline: barePglite.steadyRssMb,
        ratio: barePglite.steadyRssMb > 0 ? round(peak / barePglite.steadyRssMb, 2) : null,
        target: 'reported (peak RSS; baseline: a bare process with PGlite open and migrated)',
        pass: failures.length === 0,
        details: {
          failures,
          steadyRssMb: steady,
          startUpHwmMb: steadyHwm,
          peakRssMb: peak,
          steadySplit: split(steady),
          peakSplit: split(peak),
          barePgliteProcess: { ...barePglite },
          bareNodeProcess: { ...bareNode },
          pgliteOverBareNodeMb: round(barePglite.steadyRssMb - bareNode.steadyRssMb, 1),
          phases: report!.phases,
          invitations: campaignDetails(mail),
          registrations,
          registrationConnections: settings.connections,
          registrationSeconds: settings.warmupSec + settings.durationSec,
          workerConcurrency: concurrency,
          cpus: cpus().length,
          loadAverageAtStart: loadAverage,
          node: process.version,
          measuredAt: new Date().toISOString(),
          note:
            'The embedded default run from the compiled build (node --conditions=convene-dist server/dist/main.js, ' +
            'no DATABASE_URL: API, socket.io, mail workers and PGlite in one process), VmRSS sampled every 100 ms ' +
            'from /proc/<pid>/status; peak = highest sample or VmHWM. Loads through its API: a CSV import of the ' +
            'contacts, one campaign, then autocannon registrations until every confirmation was mailed. ' +
            'barePgliteProcess: a node process that only opens PGlite with openDatabase and applies the ' +
            'migrations, 5 s after (what PGlite costs: its WebAssembly Postgres, memory and in-memory files); ' +
            'restMb = total − that: our code, its libraries, V8 heap growth under load, and what PGlite grows ' +
            'beyond its idle size while it works (it cannot be told apart from outside the process). ' +
            '`npm start` runs the same code under tsx, whose loader adds memory of its own.',
        },
      };
      return [entry];
    } finally {
      await stopAll(processes);
      await sink?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

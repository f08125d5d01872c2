/**
 * scale_out_invitations: what a second worker adds. The compiled build on PostgreSQL, one API
 * (`server/dist/main.js --role=server`) and a campaign of N invitations (4,000;
 * BENCH_INVITATIONS) to a recording SMTP sink, first with one worker (`worker/dist/main.js`),
 * then — in the same run, the same API and database — with a second one started beside it.
 * Each measured campaign follows an unmeasured one of 200 with the same workers (JIT, pools).
 * Value: messages/s with 2 workers ÷ with 1. Details: messages/s of each, CPU ms per message of
 * the worker processes (utime + stime from /proc/<pid>/stat) and of the API, duplicates.
 * Reported, no hard target: on 2 shared cores, the API, PostgreSQL, Redis, the sink and the
 * workers all compete for the same CPU.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { ensureCompiledBuild } from '../../support/compiled-build.js';
import { invitationCount, prepareCampaign, runCampaigns, type CampaignRun } from '../support/api-loads.js';
import {
  apiEnv,
  readProcCpuMs,
  signInBuilt,
  startBuiltApi,
  startBuiltWorker,
  stopAll,
  workerEnv,
  type BuiltProcess,
} from '../support/built-processes.js';
import { log, postgresAdminUrl, workerConcurrency } from '../support/platform.js';
import { startRecordingSmtpSink, type RecordingSmtpSink } from '../support/recording-smtp-sink.js';
import { round } from '../support/settings.js';
import type { BenchEntry, Benchmark, Json } from '../types.js';
import { benchPostgresDatabase } from './memory-split-mode.js';

const NAME = 'scale_out_invitations';
const WARMUP_INVITATIONS = 200;
const TIMEOUT_MS = 300_000;

type Measured = CampaignRun & { workerCpuMsPerMessage: number; apiCpuMsPerMessage: number; workers: number };

const cpuOf = (processes: readonly BuiltProcess[]) => processes.reduce((s, p) => s + (readProcCpuMs(p.pid) ?? 0), 0);

async function measure(
  api: BuiltProcess,
  workers: readonly BuiltProcess[],
  headers: Record<string, string>,
  sink: RecordingSmtpSink,
  invitations: number,
): Promise<Measured> {
  const warmup = await prepareCampaign(api.url!, headers, WARMUP_INVITATIONS);
  const measured = await prepareCampaign(api.url!, headers, invitations);
  const w = await runCampaigns([warmup], headers, sink, TIMEOUT_MS);
  if (!w.reached) throw new Error(`warm-up: only ${w.delivered} of ${w.messages} invitations arrived`);
  log(`${NAME}: ${invitations} invitations with ${workers.length} worker(s)`);
  const workerCpu = cpuOf(workers);
  const apiCpu = cpuOf([api]);
  const run = await runCampaigns([measured], headers, sink, TIMEOUT_MS);
  const perMessage = (ms: number) => round(ms / Math.max(1, run.delivered), 3);
  const result = {
    ...run,
    workers: workers.length,
    workerCpuMsPerMessage: perMessage(cpuOf(workers) - workerCpu),
    apiCpuMsPerMessage: perMessage(cpuOf([api]) - apiCpu),
  };
  log(
    `${NAME}: ${workers.length} worker(s): ${run.msgPerSec} msg/s, ${result.workerCpuMsPerMessage} worker CPU ms/msg`,
  );
  return result;
}

export const scaleOutInvitations: Benchmark = {
  name: NAME,
  description: 'campaign messages/s with 2 compiled workers vs 1 (same run, PostgreSQL), CPU ms per message',
  run: async () => {
    if (!postgresAdminUrl()) {
      log(`${NAME}: skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL (several workers need PostgreSQL)`);
      return [];
    }
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
      const prefix = `s${randomBytes(4).toString('hex')}`;
      const db = target.databaseUrl!;
      const api = await startBuiltApi('server', 'server-1', apiEnv(db, target.dataDir, prefix, sink.url));
      processes.push(api);
      const wEnv = workerEnv(db, target.dataDir, prefix, sink.url, concurrency);
      const first = await startBuiltWorker('worker-1', wEnv);
      processes.push(first);
      const headers = await signInBuilt(api.url!);

      const one = await measure(api, [first], headers, sink, invitations);
      const second = await startBuiltWorker('worker-2', wEnv);
      processes.push(second);
      const two = await measure(api, [first, second], headers, sink, invitations);

      const ratio = one.msgPerSec > 0 ? two.msgPerSec / one.msgPerSec : 0;
      const failures: string[] = [];
      for (const m of [one, two]) {
        if (!m.reached) failures.push(`${m.workers} worker(s): only ${m.delivered} of ${m.messages} arrived`);
        if (m.duplicates > 0) failures.push(`${m.workers} worker(s): ${m.duplicates} duplicates`);
      }
      const side = (m: Measured): { [key: string]: Json } => ({ ...m });
      return [
        {
          name: NAME,
          value: round(ratio, 3),
          unit: 'x',
          baseline: null,
          ratio: null,
          target: 'reported (2 workers ÷ 1 worker, messages/s; 2 shared cores)',
          pass: failures.length === 0,
          details: {
            failures,
            oneWorker: side(one),
            twoWorkers: side(two),
            invitations,
            warmupInvitations: WARMUP_INVITATIONS,
            workerConcurrency: concurrency,
            cpus: cpus().length,
            loadAverageAtStart: loadAverage,
            node: process.version,
            measuredAt: new Date().toISOString(),
            note:
              'Compiled build on PostgreSQL: one API (RUN_WORKER=false) and one, then two, workers ' +
              '(worker/dist/main.js, concurrency as set) against the same Redis and database, mailing a recording ' +
              'SMTP sink in a child process. Each measured campaign (POST /api/admin/campaigns, time from the POST ' +
              `to the last invitation at the sink) follows an unmeasured one of ${WARMUP_INVITATIONS} with the same ` +
              'workers. CPU ms per message = utime + stime of the worker processes (all threads, from ' +
              '/proc/<pid>/stat) over the campaign ÷ messages; the same for the API. Two shared cores: the API, ' +
              'PostgreSQL, Redis, the sink and the workers all take from them, so a second worker cannot double ' +
              'the rate here; the CPU per message says what each message costs a worker.',
          },
        } satisfies BenchEntry,
      ];
    } finally {
      await stopAll(processes);
      await sink?.close();
      await target.drop();
    }
  },
};

/**
 * The compiled build (server/dist, worker/dist) as separate processes for the memory and
 * scale-out benchmarks, and what Linux says about each: RSS and its high-water mark from
 * /proc/<pid>/status, CPU time from /proc/<pid>/stat.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tables, type Db } from '@convene/shared/db';
import { spawnBuilt, type Child } from '../../support/child-process.js';
import { freePort } from '../../support/free-port.js';
import { round } from './settings.js';
import type { Json } from '../types.js';

export type Role = 'server' | 'worker' | 'embedded';

/** One process of the compiled build (or of a probe script), with its pid and, for an API, its URL. */
export type BuiltProcess = { role: Role; label: string; child: Child; pid: number; url?: string };

/** The admin every API of a benchmark creates at start (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const BENCH_ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password-1' };

/** One per run: every API must accept the session cookies the others signed. */
const SESSION_SECRET = randomBytes(24).toString('hex');
/** One per run too: the APIs and the workers hash suppressed addresses with the same key. */
const PRIVACY_KEY = randomBytes(24).toString('hex');

/** Environment of an API of the split topology: PostgreSQL, no worker inside, limits off for loopback load. */
export function apiEnv(databaseUrl: string, dataDir: string, prefix: string, smtpUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    QUEUE_PREFIX: prefix,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    SESSION_SECRET,
    PRIVACY_KEY,
    HOST: '127.0.0.1',
    RUN_WORKER: 'false',
    SMTP_URL: smtpUrl,
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    // Every request comes from 127.0.0.1: the per-network limits would answer 429.
    REGISTRATION_RATE_LIMIT: '1000000',
    REPORT_RATE_LIMIT: '1000000',
  };
}

/** Environment of a worker of the split topology. */
export function workerEnv(
  databaseUrl: string,
  dataDir: string,
  prefix: string,
  smtpUrl: string,
  concurrency: number,
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    QUEUE_PREFIX: prefix,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    SMTP_URL: smtpUrl,
    PRIVACY_KEY,
    PUBLIC_URL: 'http://convene.test',
    WORKER_CONCURRENCY: String(concurrency),
  };
}

/**
 * BENCH_CHILD_NODE_OPTIONS, passed to every built process as NODE_OPTIONS: to try a V8 flag or
 * preload a probe without editing the benchmark (unset in the figures reported).
 */
function childNodeOptions(): Record<string, string> {
  const options = process.env.BENCH_CHILD_NODE_OPTIONS;
  return options ? { NODE_OPTIONS: options } : {};
}

function pidOf(child: Child): number {
  const pid = child.process.pid;
  if (pid === undefined) throw new Error('child process has no pid');
  return pid;
}

/**
 * An API (`server/dist/main.js --role=server`), or the embedded default (no DATABASE_URL, no
 * --role: API, worker and PGlite in one process), on a port of its own; resolves once it logs
 * that it is up.
 */
export async function startBuiltApi(
  role: 'server' | 'embedded',
  label: string,
  env: Record<string, string>,
): Promise<BuiltProcess> {
  const port = await freePort();
  const args = role === 'server' ? ['--role=server'] : [];
  const child = spawnBuilt('server/dist/main.js', args, { ...env, ...childNodeOptions(), PORT: String(port) });
  await child.waitForOutput('Convene is up', 120_000);
  return { role, label, child, pid: pidOf(child), url: `http://127.0.0.1:${port}` };
}

/** A worker (`worker/dist/main.js`); resolves once its workers have started. */
export async function startBuiltWorker(label: string, env: Record<string, string>): Promise<BuiltProcess> {
  const child = spawnBuilt('worker/dist/main.js', [], { ...env, ...childNodeOptions() });
  await child.waitForOutput('workers started', 120_000);
  return { role: 'worker', label, child, pid: pidOf(child) };
}

/** Kills what is still running (SIGKILL: the benchmark is over, nothing to drain). */
export async function stopAll(processes: readonly BuiltProcess[]): Promise<void> {
  await Promise.all(processes.map((p) => p.child.stop('SIGKILL')));
}

export type ProcMemory = { rssMb: number; hwmMb: number };

/** VmRSS and VmHWM (peak RSS since the process started) of a live process, in MB (1024²). */
export function readProcMemory(pid: number): ProcMemory | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rssMb: round(kb('VmRSS') / 1024, 1), hwmMb: round(kb('VmHWM') / 1024, 1) };
}

let clockTicks: number | null = null;

/** utime + stime of a live process (all its threads), in ms; null once it is gone. */
export function readProcCpuMs(pid: number): number | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

type Track = { process: BuiltProcess; peaks: Map<string, number>; last: ProcMemory | null };

/**
 * Samples VmRSS of each process every intervalMs and keeps the highest per phase (`phase(name)`
 * starts one); VmHWM is read at the end of each phase too, so a spike between two samples is not
 * missed in the overall peak.
 */
export class RssSampler {
  private readonly tracks: Track[];
  private current = 'start';
  private readonly timer: NodeJS.Timeout;
  private readonly hwmAtPhaseEnd = new Map<string, Map<number, number>>();

  constructor(processes: readonly BuiltProcess[], intervalMs = 100) {
    this.tracks = processes.map((process) => ({ process, peaks: new Map(), last: null }));
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    for (const track of this.tracks) {
      const memory = readProcMemory(track.process.pid);
      if (!memory) continue;
      track.last = memory;
      track.peaks.set(this.current, Math.max(track.peaks.get(this.current) ?? 0, memory.rssMb));
    }
  }

  /** Ends the current phase and starts the named one. */
  phase(name: string): void {
    this.sample();
    this.hwmAtPhaseEnd.set(this.current, new Map(this.tracks.map((t) => [t.process.pid, t.last?.hwmMb ?? 0])));
    this.current = name;
    this.sample();
  }

  /** Current RSS of each process (MB), by label. */
  now(): { [label: string]: number } {
    this.sample();
    return Object.fromEntries(this.tracks.map((t) => [t.process.label, t.last?.rssMb ?? 0]));
  }

  /** Stops sampling; per process: peak RSS seen in each phase, VmHWM at the end of each, and overall. */
  stop(): ProcessMemoryReport[] {
    this.phase('end');
    clearInterval(this.timer);
    return this.tracks.map((t) => {
      const phases: { [phase: string]: Json } = {};
      for (const [phase, peak] of t.peaks) {
        if (phase === 'end') continue;
        phases[phase] = { peakRssMb: peak, hwmMbAtEnd: this.hwmAtPhaseEnd.get(phase)?.get(t.process.pid) ?? 0 };
      }
      const sampledPeak = Math.max(0, ...[...t.peaks.values()]);
      return {
        label: t.process.label,
        role: t.process.role,
        peakRssMb: round(Math.max(sampledPeak, t.last?.hwmMb ?? 0), 1),
        hwmMb: t.last?.hwmMb ?? 0,
        endRssMb: t.last?.rssMb ?? 0,
        phases,
      };
    });
  }
}

export type ProcessMemoryReport = {
  label: string;
  role: Role;
  /** Highest of the sampled RSS and the kernel's VmHWM at the end: the process's peak RSS. */
  peakRssMb: number;
  hwmMb: number;
  endRssMb: number;
  phases: { [phase: string]: Json };
};

/** Signs in on an API as BENCH_ADMIN; the session lives in Redis, so it is good on every API. */
export async function signInBuilt(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (res.status !== 200) throw new Error(`sign-in failed with status ${res.status}: ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .filter(Boolean)
    .join('; ');
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

/** POST /api/admin/campaigns for the contacts tagged `tag`; resolves with the invitations planned. */
export async function postCampaign(
  url: string,
  headers: Record<string, string>,
  webinarId: string,
  tag: string,
): Promise<number> {
  const res = await fetch(`${url}/api/admin/campaigns`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ webinarId, segment: { tags: [tag] } }),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`campaign POST answered ${res.status}: ${text}`);
  return (JSON.parse(text) as { campaign: { plannedCount: number } }).campaign.plannedCount;
}

type ContactRow = typeof tables.contacts.$inferSelect;

/** Inserts contacts in chunks of 1,000 (one statement each). */
export async function insertContactRows(db: Db, contacts: readonly ContactRow[]): Promise<void> {
  for (let i = 0; i < contacts.length; i += 1000) {
    await db.insert(tables.contacts).values(contacts.slice(i, i + 1000));
  }
}

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

export type PrivatePostgres = {
  /** postgres://… of the database created for the test. */
  url: string;
  /** Fast shutdown: every connection is cut, new ones are refused until start(). */
  stop: () => Promise<void>;
  /** Starts it again on the same port and data directory. */
  start: () => Promise<void>;
  /** False between stop() and start(). */
  readonly running: boolean;
  /** Stops it for good and removes its files. */
  destroy: () => Promise<void>;
};

/** The newest PostgreSQL server binaries installed (Debian layout), e.g. /usr/lib/postgresql/15/bin. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  if (!newest) throw new Error(`no PostgreSQL under ${root}`);
  return path.join(root, newest, 'bin');
}

/**
 * A PostgreSQL server of this test's own (initdb in a temp dir, ~3 s), so a test can stop and
 * restart it without touching the one other test files share. initdb refuses to run as root:
 * as root, the server runs as the `postgres` system user.
 */
export async function startPrivatePostgres(database = 'convene_test'): Promise<PrivatePostgres> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'convene-pg-'));
  const asRoot = userInfo().uid === 0;
  const run = (tool: string, args: string[]) => {
    const command = path.join(bin, tool);
    const result = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
      : spawnSync(command, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  if (asRoot) {
    const pgUser = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const pgGroup = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(pgUser), Number(pgGroup));
    chmodSync(dir, 0o700);
  }
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'convene', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  let running = false;
  const start = async () => {
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'pg.log'), '-w', 'start', '-o', options]);
    running = true;
  };
  const stop = async () => {
    run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    running = false;
  };
  await start();
  // Never outlive the test process, even when its afterAll does not run.
  const stopOnExit = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
  };
  process.once('exit', stopOnExit);

  const admin = new pg.Client({ connectionString: `postgres://convene@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  return {
    url: `postgres://convene@127.0.0.1:${port}/${database}`,
    stop,
    start,
    get running() {
      return running;
    },
    destroy: async () => {
      process.off('exit', stopOnExit);
      stopOnExit();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.js';

export type Apertium = { url: string; stop: () => Promise<void> };

const MODES = '/usr/share/apertium/modes';

/**
 * A real apertium-apy (Debian: apertium-apy apertium-eng-spa apertium-fr-es, installed by
 * .ci/run) on a free port, with every installed pair; resolves once /listPairs lists them.
 */
export async function startApertium(): Promise<Apertium> {
  if (!existsSync('/usr/bin/apertium-apy') || !existsSync(MODES)) {
    throw new Error('apertium-apy is not installed: apt-get install apertium-apy apertium-eng-spa apertium-fr-es');
  }
  const port = await freePort();
  // Its own working directory: apy looks for (and may write) langNames.db and logs there.
  const cwd = mkdtempSync(path.join(tmpdir(), 'apertium-'));
  // Its own process group, so stop() also ends the translation pipelines it forks.
  const child = spawn('apertium-apy', ['-p', String(port), MODES], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Gone already.
      }
    }
    await exited;
    rmSync(cwd, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`apertium-apy exited (${child.exitCode}):\n${output}`);
    const pairs = await fetch(`${url}/listPairs`)
      .then(async (res) => (res.ok ? ((await res.json()) as { responseData?: unknown[] }).responseData : undefined))
      .catch(() => undefined);
    if (pairs && pairs.length > 0) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`apertium-apy did not answer /listPairs:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '@convene/shared/node';

export type Child = {
  process: ChildProcess;
  output: () => string;
  /** Resolves when the output contains text (rejects after timeoutMs or on exit). */
  waitForOutput: (text: string, timeoutMs?: number) => Promise<void>;
  /** Sends a signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

/**
 * Runs a TypeScript entry point of the repo as ONE real child process (node with tsx's
 * loader, not the tsx CLI, which would start node as a child of its own): a signal sent
 * here, SIGKILL included, reaches the program itself.
 */
export function spawnEntry(entry: string, args: string[], env: Record<string, string>): Child {
  return spawnNode(['--import', 'tsx', path.join(REPO_ROOT, entry), ...args], env);
}

/**
 * Runs a compiled entry point (server/dist/main.js…, see test/support/compiled-build.ts) the
 * way the container does: plain node with the convene-dist export condition, no loader.
 */
export function spawnBuilt(entry: string, args: string[], env: Record<string, string>): Child {
  return spawnNode(['--conditions=convene-dist', path.join(REPO_ROOT, entry), ...args], env);
}

function spawnNode(nodeArgs: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  // 'close' comes after the output streams ended, so output() is complete when stop() resolves.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    process: child,
    output: () => output,
    waitForOutput: async (text, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes(text)) {
        if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before "${text}":\n${output}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

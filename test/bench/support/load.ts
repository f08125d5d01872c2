import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, LoadSpec, LoadSummary, ParentMessage } from './load-protocol.js';

export type { LoadSpec, LoadSummary } from './load-protocol.js';

const CHILD = fileURLToPath(new URL('./load-child.ts', import.meta.url));
const live = new Set<LoadGenerator>();

type Pending = { resolve: (s: LoadSummary) => void; reject: (e: Error) => void };

/**
 * autocannon in a child process. The child inherits this process's loader flags (tsx), so
 * it runs the TypeScript source as the parent does.
 */
export class LoadGenerator {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private exited = false;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') return;
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.type === 'result') p.resolve(message.summary);
      else p.reject(new Error(`load generator: ${message.message}`));
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      live.delete(this);
      for (const p of this.pending.values()) {
        p.reject(new Error(`load generator exited (${signal ?? `code ${code}`}) during a run`));
      }
      this.pending.clear();
    });
  }

  static async start(): Promise<LoadGenerator> {
    const child = fork(CHILD, [], {
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--inspect')),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: ChildMessage) => {
        if (m.type !== 'ready') return;
        cleanup();
        resolve();
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`load generator failed to start (exit code ${code})`));
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
    const generator = new LoadGenerator(child);
    live.add(generator);
    return generator;
  }

  /** Child process id, for reports. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  run(spec: LoadSpec): Promise<LoadSummary> {
    if (this.exited) return Promise.reject(new Error('load generator is not running'));
    const id = this.nextId++;
    return new Promise<LoadSummary>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message: ParentMessage = { type: 'run', id, spec };
      this.child.send(message);
    });
  }

  /** Lets the child exit (it exits on disconnect); kills it if it has not within 5 s. */
  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  /** Ends the child at once; a run in progress rejects. */
  kill(): void {
    if (!this.exited) this.child.kill('SIGTERM');
  }
}

/** Interrupt every running load generator (Ctrl-C): their runs reject and the benchmarks clean up. */
export function killAllLoadGenerators(): void {
  for (const generator of live) generator.kill();
}

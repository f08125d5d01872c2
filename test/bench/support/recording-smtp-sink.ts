import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { ReceivedMessage, SinkChildMessage, SinkParentMessage } from './recording-smtp-sink-protocol.js';

export type { ReceivedMessage } from './recording-smtp-sink-protocol.js';

const CHILD = fileURLToPath(new URL('./recording-smtp-sink-child.ts', import.meta.url));

export type RecordingSmtpSink = {
  url: string;
  /** Every accepted message the child has reported so far, in arrival order. */
  readonly messages: readonly ReceivedMessage[];
  readonly count: number;
  /** Resolves with true once at least n messages have been reported, false after timeoutMs. */
  waitForCount: (n: number, timeoutMs: number) => Promise<boolean>;
  /** Resolves once every message the child accepted so far has been reported. */
  sync: () => Promise<void>;
  close: () => Promise<void>;
};

/** Wall-clock time with sub-millisecond resolution, comparable across processes (and to Date.now()). */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * A real SMTP server on loopback, in a child process, that accepts every message and records,
 * per message, its envelope recipients, its Message-ID and when it arrived: enough to count
 * messages per recipient (duplicates), tell mails apart by Message-ID and time their delivery.
 * It neither parses nor keeps bodies; running apart, it takes no CPU from the process measured
 * (counting-smtp-sink.ts runs in-process). The child inherits this process's loader flags (tsx).
 */
export async function startRecordingSmtpSink(): Promise<RecordingSmtpSink> {
  const child: ChildProcess = fork(CHILD, [], {
    execArgv: process.execArgv.filter((arg) => !arg.startsWith('--inspect') && !arg.startsWith('--cpu-prof')),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const messages: ReceivedMessage[] = [];
  const waiters = new Set<() => void>();
  const synced = new Map<number, () => void>();
  let nextSync = 1;
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      for (const wake of synced.values()) wake();
      resolve();
    }),
  );

  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`recording SMTP sink failed to start (exit code ${code})`)));
    child.on('message', (message: SinkChildMessage) => {
      if (message.type === 'ready') resolve(message.port);
      else if (message.type === 'received') {
        for (const m of message.messages) messages.push(m);
        for (const wake of waiters) wake();
      } else if (message.type === 'synced') {
        synced.get(message.id)?.();
        synced.delete(message.id);
      }
    });
  });
  const tell = (message: SinkParentMessage) => {
    if (!exited && child.connected) child.send(message);
  };

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get count() {
      return messages.length;
    },
    waitForCount: (n, timeoutMs) =>
      new Promise<boolean>((resolve) => {
        if (messages.length >= n) return resolve(true);
        const done = (reached: boolean) => {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(reached);
        };
        const check = () => {
          if (messages.length >= n) done(true);
        };
        const timer = setTimeout(() => done(false), Math.max(0, timeoutMs));
        waiters.add(check);
      }),
    sync: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const id = nextSync++;
        synced.set(id, resolve);
        tell({ type: 'sync', id });
      }),
    close: async () => {
      if (exited) return;
      tell({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Messages per recipient: how many recipients got more than one, and the extra messages in all. */
export function duplicatesByRecipient(messages: readonly ReceivedMessage[]): {
  recipients: number;
  recipientsWithDuplicates: number;
  extraMessages: number;
} {
  const perRecipient = new Map<string, number>();
  for (const m of messages) for (const r of m.recipients) perRecipient.set(r, (perRecipient.get(r) ?? 0) + 1);
  let recipientsWithDuplicates = 0;
  let extraMessages = 0;
  for (const n of perRecipient.values()) {
    if (n > 1) {
      recipientsWithDuplicates++;
      extraMessages += n - 1;
    }
  }
  return { recipients: perRecipient.size, recipientsWithDuplicates, extraMessages };
}

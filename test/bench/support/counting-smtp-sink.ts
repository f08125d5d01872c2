import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type CountingSmtpSink = {
  url: string;
  /** Messages accepted so far. */
  readonly count: number;
  close: () => Promise<void>;
};

/**
 * A real SMTP server on loopback that accepts every message and keeps only a count: unlike
 * test/support/smtp-sink.ts it neither parses nor stores mail, so thousands of confirmations
 * cost little CPU and memory in the process being measured.
 */
export async function startCountingSmtpSink(): Promise<CountingSmtpSink> {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        count++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get count() {
      return count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SmtpSink = {
  url: string;
  messages: ParsedMail[];
  /** Raw RFC 5322 text of each message, in arrival order. */
  raw: string[];
  /** Resolves when at least n messages have arrived (rejects after timeoutMs). */
  waitFor: (n: number, timeoutMs?: number) => Promise<ParsedMail[]>;
  close: () => Promise<void>;
};

export type SinkOptions = {
  /** Decide per message: undefined accepts, a number answers with that SMTP code. */
  reject?: (index: number, recipients: string[]) => number | undefined;
  /** Awaited before each message is answered: the sender waits for its reply meanwhile. */
  hold?: (index: number) => Promise<void> | void;
  /** Answer each accepted message this much later: keeps sends in flight, as a remote server would. */
  delayMs?: number;
};

/** A real SMTP server on loopback that keeps every message it accepts. */
export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const raw: string[] = [];
  let seen = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const index = seen++;
        await options.hold?.(index);
        const code = options.reject?.(
          index,
          session.envelope.rcptTo.map((to) => to.address),
        );
        if (code) {
          const err = Object.assign(new Error(`rejected with ${code}`), { responseCode: code });
          callback(err);
          return;
        }
        const text = Buffer.concat(chunks).toString('utf8');
        const accept = () => {
          raw.push(text);
          simpleParser(text).then(
            (parsed) => {
              messages.push(parsed);
              callback();
            },
            (err: Error) => callback(err),
          );
        };
        if (options.delayMs) setTimeout(accept, options.delayMs);
        else accept();
      });
    },
  });
  // A sender killed mid-message resets its connection; that is the test's business, not a crash.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    raw,
    waitFor: async (n, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} messages, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

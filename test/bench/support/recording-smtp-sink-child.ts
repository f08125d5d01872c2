/**
 * The recording SMTP sink's server, in a child process (forked by recording-smtp-sink.ts) so
 * that receiving mail costs the process being measured nothing, as with a real mail relay.
 * Accepted messages are reported to the parent in batches.
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import type { ReceivedMessage, SinkChildMessage, SinkParentMessage } from './recording-smtp-sink-protocol.js';

const HEADER_SCAN_LIMIT = 16 * 1024;
const BATCH = 500;
const FLUSH_EVERY_MS = 20;

let pending: ReceivedMessage[] = [];

function send(message: SinkChildMessage): void {
  process.send?.(message);
}

function flush(): void {
  if (pending.length === 0) return;
  send({ type: 'received', messages: pending });
  pending = [];
}

function messageIdOf(head: string): string | null {
  const end = head.indexOf('\r\n\r\n');
  const headers = end >= 0 ? head.slice(0, end) : head;
  const match = /^message-id:\s*<?([^>\r\n]+)>?/im.exec(headers);
  return match?.[1]?.trim() ?? null;
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  // Clients still connected at close() (an idle pooled connection) are dropped after 1 s, not 30.
  closeTimeout: 1000,
  onData(stream, session, callback) {
    let head = '';
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (head.length < HEADER_SCAN_LIMIT && !head.includes('\r\n\r\n')) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      pending.push({
        recipients: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        messageId: messageIdOf(head),
        receivedAt: performance.timeOrigin + performance.now(),
        bytes,
      });
      if (pending.length >= BATCH) flush();
      callback();
    });
  },
});

setInterval(flush, FLUSH_EVERY_MS);

process.on('message', (message: SinkParentMessage) => {
  if (message.type === 'sync') {
    flush();
    send({ type: 'synced', id: message.id });
  } else if (message.type === 'close') {
    server.close(() => {
      flush();
      process.exit(0);
    });
  }
});
// The parent went away: nothing left to do.
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
  send({ type: 'ready', port: (server.server.address() as AddressInfo).port });
});

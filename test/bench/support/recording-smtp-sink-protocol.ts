/** What the recording SMTP sink's child process (recording-smtp-sink-child.ts) and its parent say to each other. */

/** What the sink keeps of one accepted message: no body, no parsing beyond one header. */
export type ReceivedMessage = {
  /** Envelope recipients (RCPT TO), lower-cased. */
  recipients: string[];
  /** The Message-ID header without its angle brackets, or null when the message has none. */
  messageId: string | null;
  /** Wall-clock time (ms since the epoch, sub-millisecond) when the message's DATA ended. */
  receivedAt: number;
  bytes: number;
};

export type SinkParentMessage = { type: 'sync'; id: number } | { type: 'close' };

export type SinkChildMessage =
  { type: 'ready'; port: number } | { type: 'received'; messages: ReceivedMessage[] } | { type: 'synced'; id: number };

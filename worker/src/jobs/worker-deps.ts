import type { Db } from '@convene/shared/db';
import type { RetentionPolicy } from '@convene/shared/privacy';
import type { Logger } from '@convene/shared/node';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { MailSettings } from '../mail/outgoing-mail.js';
import type { SendWindow } from '../mail/send-window.js';
import type { MailTransport } from '../mail/transport.js';
import type { TranslationProvider } from '../translation/provider.js';

/** What job handlers are given. */
export type WorkerDeps = {
  db: Db;
  logger: Logger;
  transport: MailTransport;
  settings: MailSettings;
  /** The worker's Redis connection (the reconciler's cluster-wide lock lives beside the queues). */
  redis: Redis;
  /** The mail queue, for the reconciler to re-enqueue into. */
  mailQueue: Queue;
  /**
   * After this long, a "sending" claim whose mail was handed to SMTP but never recorded, and
   * whose job is gone, is released and sent again (the at-least-once window).
   */
  staleClaimMs: number;
  /** A mail SMTP refused for now waits this long before its first retry, doubling after (default 5 s). */
  mailRetryMs?: number;
  /** Mail due this far ahead may be claimed and sent now (REMINDER_EARLY_SECONDS). */
  earlyMs?: number;
  /** The process's mails handed to SMTP and not yet recorded, shared by every sweep. */
  sendWindow?: SendWindow;
  /** True once the worker is shutting down: long jobs (sweeps) stop at the next group. */
  stopping?: () => boolean;
  /** Pauses taking new mail jobs for a while: the SMTP server asked us to slow down (421). */
  slowDown?: (ms: number) => Promise<void>;
  /** The configured machine translator; null (or unset) when TRANSLATION_PROVIDER=none. */
  translator?: TranslationProvider | null;
  /**
   * The retention periods, the address-hash key and where the local outbox keeps its .eml
   * copies (the purge removes erased people's); unset: the purge job refuses to run.
   */
  retention?: { policy: RetentionPolicy; privacyKey: string; dataDir: string };
  /** The clock the retention purge judges "due" by (tests move it forward; default: now). */
  now?: () => Date;
};

import type { Db } from '@convene/shared/db';
import type { Logger } from '@convene/shared/node';
import type { Queue } from 'bullmq';
import type { MailSettings } from '../mail/outgoing-mail.js';
import type { MailTransport } from '../mail/transport.js';

/** What job handlers are given. */
export type WorkerDeps = {
  db: Db;
  logger: Logger;
  transport: MailTransport;
  settings: MailSettings;
  /** The mail queue, for the reconciler to re-enqueue into. */
  mailQueue: Queue;
  /** After this long a "sending" claim is taken for a crashed worker's and released. */
  staleClaimMs: number;
  /** Pauses taking new mail jobs for a while: the SMTP server asked us to slow down (421). */
  slowDown?: (ms: number) => Promise<void>;
};

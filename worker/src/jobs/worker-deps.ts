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
};

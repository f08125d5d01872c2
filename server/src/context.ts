import type { Database, Db } from '@convene/shared/db';
import type { Logger } from '@convene/shared/node';
import type { Redis } from 'ioredis';
import type { ServerEnv } from './env.js';
import type { ServerEvents } from './events/server-events.js';
import type { DrainState } from './lifecycle/http-drain.js';
import type { MailQueue } from './queues/mail-queue.js';

/** Everything a route or service needs, built once at start (or per test). */
export type AppContext = {
  env: ServerEnv;
  database: Database;
  db: Db;
  logger: Logger;
  /** Producer connection: fails fast when Redis is down. */
  redis: Redis;
  mailQueue: MailQueue;
  sessionSecret: string;
  /** Key of the address hashes that keep erased contacts unsubscribed (PRIVACY_KEY, or generated into DATA_DIR). */
  privacyKey: string;
  /** In-process events for live views (new reports). */
  events: ServerEvents;
  /**
   * No SMTP_URL: mail is kept in the local outbox, so the invitation link is also shown to the
   * admin once, to pass on. Unset = false.
   */
  localOutbox?: boolean;
  /** Set once a shutdown began: GET /readyz answers 503 so the balancer stops routing here. Unset = never. */
  drain?: DrainState;
};

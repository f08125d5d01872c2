import { EventEmitter } from 'node:events';
import type { TReportSubmittedEvent } from '@convene/shared';

/** A report just withdrawn, as the realtime server needs it to choose the rooms; never sent as such. */
export type WithdrawnReport = { reportId: string; region: TReportSubmittedEvent['region']; themes: string[] };

type EventMap = {
  reportSubmitted: [TReportSubmittedEvent];
  /** A reporter withdrew a report: where and about what, to reach only the sockets in its scope (they get the id). */
  reportWithdrawn: [WithdrawnReport];
  /**
   * A coordinator signed out, or their account's role, scope, status or password changed: close
   * their sockets (all but those of `exceptSessionId`, the session that changed the password).
   */
  accountSessionsEnded: [accountId: string, exceptSessionId?: string];
};

/**
 * What happened in this process that live views care about. Routes publish; the realtime
 * server forwards to the sockets allowed to see it, on every API instance (through the
 * socket.io Redis adapter, see realtime/realtime-server.ts).
 */
export class ServerEvents extends EventEmitter<EventMap> {}

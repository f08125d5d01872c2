import { createHash } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import {
  EVENTS,
  ZWatchCampaign,
  type TCampaignProgress,
  type TReportSubmittedEvent,
  type TReportWithdrawnEvent,
} from '@convene/shared';
import type { RequestHandler, Request } from 'express';
import { Server, type Socket } from 'socket.io';
import type { AppContext } from '../context.js';
import type { WithdrawnReport } from '../events/server-events.js';
import { loadCoordinator, type Coordinator } from '../services/access/coordinator.js';
import { isSessionVoided } from '../services/access/session-validity.js';
import { campaignProgress } from '../services/campaigns/campaign-progress.js';
import { markCampaignSent } from '../services/campaigns/mark-campaign-sent.js';
import { createClusterAdapter } from './cluster-adapter.js';
import { reportRooms, scopeRooms } from './report-rooms.js';

const ROOM_PREFIX = 'campaign:';
/** Every signed-in coordinator. */
const COORDINATORS_ROOM = 'coordinators';
const userRoom = (id: string) => `user:${id}`;
// A digest, so the session id itself never travels in the adapter's Redis messages.
const sessionRoom = (sessionId: string) => `session:${createHash('sha256').update(sessionId).digest('base64url')}`;

export type Realtime = { io: Server; close: () => Promise<void> };

/**
 * socket.io for coordinators: the handshake must carry a signed-in session (the same
 * cookie as the API) and, from a browser, an Origin of this site. Campaign progress is
 * pushed to the sockets watching it, computed from the outbox once a second.
 *
 * Every API instance shares one Redis adapter, so reports and session ends reach the
 * sockets of all instances (also in the embedded single process: one code path, and Redis
 * is always there). Reports travel as one room broadcast (rooms per scope, see
 * report-rooms.ts); an account's sockets are closed through its user room.
 */
export async function startRealtime(server: HttpServer, ctx: AppContext, session: RequestHandler): Promise<Realtime> {
  const allowedOrigin = new URL(ctx.env.PUBLIC_URL).origin;
  const cluster = await createClusterAdapter(ctx.env.REDIS_URL, ctx.env.QUEUE_PREFIX, ctx.logger);
  const io = new Server(server, {
    path: '/socket.io',
    serveClient: false,
    adapter: cluster.adapter,
    // Browsers always send Origin on a WebSocket or XHR handshake; other clients carry no
    // victim's cookie, so only a foreign Origin is refused.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || origin === allowedOrigin || sameHost(origin, req.headers.host));
    },
  });
  io.engine.use(session);
  io.use((socket, next) => {
    const request = socket.request as Request;
    const user = request.session?.user;
    if (!user) return next(new Error('unauthenticated'));
    // Kept to spare this session when the password is changed from it (see endSessions).
    socket.data.sessionId = request.sessionID;
    // The account as it is now: a deactivated one is refused, a scope change applies.
    loadCoordinator(ctx.db, user.id).then(
      (coordinator) => {
        if (!coordinator || isSessionVoided(coordinator, request.session)) return next(new Error('unauthenticated'));
        socket.data.coordinator = coordinator;
        next();
      },
      () => next(new Error('unavailable')),
    );
  });
  io.on('connection', (socket: Socket) => {
    const coordinator = socket.data.coordinator as Coordinator;
    // A scope change ends the account's sessions (and sockets), so these rooms stay right.
    void socket.join([
      COORDINATORS_ROOM,
      userRoom(coordinator.id),
      sessionRoom(socket.data.sessionId as string),
      ...scopeRooms(coordinator),
    ]);
    socket.on(EVENTS.watchCampaign, async (payload: unknown, ack?: (reply: unknown) => void) => {
      const parsed = ZWatchCampaign.safeParse(payload);
      if (!parsed.success) return ack?.({ error: { code: 'validation_failed', message: 'campaignId must be a UUID' } });
      await socket.join(`${ROOM_PREFIX}${parsed.data.campaignId}`);
      const progress = await campaignProgress(ctx.db, parsed.data.campaignId);
      ack?.({ ok: true });
      socket.emit(EVENTS.campaignProgress, progress);
    });
  });

  // One broadcast, on every instance: a scoped coordinator receives only the reports of
  // their regions and themes (each socket gets it once, whatever the rooms it shares).
  const forwardReport = (event: TReportSubmittedEvent) => {
    io.to(reportRooms(event)).emit(EVENTS.reportSubmitted, event);
  };
  // All the account's connections, or all but those of one session (the one that changed the
  // password), on every instance. The adapter carries the cluster-wide request through Redis,
  // this instance's own sockets included, so those are closed here first, without waiting for
  // it (and even while Redis is down). Nothing to await: the request is published, not answered.
  const endSessions = (accountId: string, exceptSessionId?: string) => {
    const operator = exceptSessionId
      ? io.in(userRoom(accountId)).except(sessionRoom(exceptSessionId))
      : io.in(userRoom(accountId));
    operator.local.disconnectSockets(true);
    operator.disconnectSockets(true);
  };
  // Only the report's id goes out, to the same rooms as its arrival went to.
  const forwardWithdrawal = ({ reportId, region, themes }: WithdrawnReport) => {
    const event: TReportWithdrawnEvent = { reportId };
    io.to(reportRooms({ region, themes })).emit(EVENTS.reportWithdrawn, event);
  };
  ctx.events.on('reportSubmitted', forwardReport);
  ctx.events.on('reportWithdrawn', forwardWithdrawal);
  ctx.events.on('accountSessionsEnded', endSessions);

  // The subscription was lost for a while (Redis restarted, network cut): reports and session
  // ends published meanwhile never reached this instance. Close every local connection at the
  // transport level: the clients reconnect at once (socket.io's own retry), the handshake checks
  // the session and the account again, and the workspace refetches what it shows.
  cluster.onResubscribed(() => {
    const sockets = [...io.of('/').sockets.values()];
    ctx.logger.info({ sockets: sockets.length }, 'socket.io subscription restored: clients reconnect to resync');
    for (const socket of sockets) socket.conn.close();
  });

  const last = new Map<string, string>();
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const room of io.of('/').adapter.rooms.keys()) {
        if (!room.startsWith(ROOM_PREFIX)) continue;
        const campaignId = room.slice(ROOM_PREFIX.length);
        const progress: TCampaignProgress = await campaignProgress(ctx.db, campaignId);
        const key = JSON.stringify(progress);
        if (last.get(room) === key) continue;
        last.set(room, key);
        io.local.to(room).emit(EVENTS.campaignProgress, progress);
        if (progress.done) await markCampaignSent(ctx.db, campaignId);
      }
    } catch (err) {
      ctx.logger.warn({ err: (err as Error).message }, 'campaign progress tick failed');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), 1000);
  timer.unref();

  return {
    io,
    close: async () => {
      clearInterval(timer);
      ctx.events.off('reportSubmitted', forwardReport);
      ctx.events.off('reportWithdrawn', forwardWithdrawal);
      ctx.events.off('accountSessionsEnded', endSessions);
      // Local only: without it, the adapter would disconnect the sockets of every instance.
      io.local.disconnectSockets(true);
      io.engine.close();
      await cluster.close();
    },
  };
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

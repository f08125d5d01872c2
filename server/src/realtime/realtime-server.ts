import type { Server as HttpServer } from 'node:http';
import { EVENTS, ZWatchCampaign, type TCampaignProgress, type TReportSubmittedEvent } from '@convene/shared';
import type { RequestHandler, Request } from 'express';
import { Server, type Socket } from 'socket.io';
import type { AppContext } from '../context.js';
import { loadCoordinator, type Coordinator } from '../services/access/coordinator.js';
import { isSessionVoided } from '../services/access/session-validity.js';
import { inReportScope } from '../services/access/report-scope.js';
import { campaignProgress } from '../services/campaigns/campaign-progress.js';
import { markCampaignSent } from '../services/campaigns/mark-campaign-sent.js';

const ROOM_PREFIX = 'campaign:';
/** Every signed-in coordinator: new reports go here. */
const COORDINATORS_ROOM = 'coordinators';
/** Coordinators who may see every report; scoped ones are checked one by one. */
const UNSCOPED_ROOM = 'coordinators:all';
const userRoom = (id: string) => `user:${id}`;

export type Realtime = { io: Server; close: () => Promise<void> };

/**
 * socket.io for coordinators: the handshake must carry a signed-in session (the same
 * cookie as the API) and, from a browser, an Origin of this site. Campaign progress is
 * pushed to the sockets watching it, computed from the outbox once a second.
 */
export function startRealtime(server: HttpServer, ctx: AppContext, session: RequestHandler): Realtime {
  const allowedOrigin = new URL(ctx.env.PUBLIC_URL).origin;
  const io = new Server(server, {
    path: '/socket.io',
    serveClient: false,
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
  const scoped = new Set<Socket>();
  io.on('connection', (socket: Socket) => {
    const coordinator = socket.data.coordinator as Coordinator;
    void socket.join([COORDINATORS_ROOM, userRoom(coordinator.id)]);
    if (coordinator.regionScope || coordinator.themeScope) {
      scoped.add(socket);
      socket.on('disconnect', () => scoped.delete(socket));
    } else {
      void socket.join(UNSCOPED_ROOM);
    }
    socket.on(EVENTS.watchCampaign, async (payload: unknown, ack?: (reply: unknown) => void) => {
      const parsed = ZWatchCampaign.safeParse(payload);
      if (!parsed.success) return ack?.({ error: { code: 'validation_failed', message: 'campaignId must be a UUID' } });
      await socket.join(`${ROOM_PREFIX}${parsed.data.campaignId}`);
      const progress = await campaignProgress(ctx.db, parsed.data.campaignId);
      ack?.({ ok: true });
      socket.emit(EVENTS.campaignProgress, progress);
    });
  });

  // A scoped coordinator receives only the reports of their regions and themes.
  const forwardReport = (event: TReportSubmittedEvent) => {
    io.local.to(UNSCOPED_ROOM).emit(EVENTS.reportSubmitted, event);
    for (const socket of scoped) {
      if (inReportScope(socket.data.coordinator as Coordinator, event)) socket.emit(EVENTS.reportSubmitted, event);
    }
  };
  // All the account's connections, or all but those of one session (the one that changed the password).
  const endSessions = (accountId: string, exceptSessionId?: string) => {
    if (!exceptSessionId) return io.in(userRoom(accountId)).disconnectSockets(true);
    void io
      .in(userRoom(accountId))
      .fetchSockets()
      .then(
        (sockets) => sockets.filter((s) => s.data.sessionId !== exceptSessionId).forEach((s) => s.disconnect(true)),
        (err: Error) => ctx.logger.warn({ err: err.message }, 'could not list sockets to close'),
      );
  };
  ctx.events.on('reportSubmitted', forwardReport);
  ctx.events.on('accountSessionsEnded', endSessions);

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
      ctx.events.off('accountSessionsEnded', endSessions);
      io.disconnectSockets(true);
      io.engine.close();
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

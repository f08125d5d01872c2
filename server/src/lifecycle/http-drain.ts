import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { settlesWithin, type Logger } from '@convene/shared/node';

/** Read by GET /readyz: true from the first moment of a shutdown. */
export type DrainState = { draining: boolean };

export type DrainOptions = {
  /** Time the in-flight requests (and upgraded sockets) get before they are cut. */
  graceMs: number;
  /** Time /readyz answers 503 while the port still accepts, for balancers that poll it. */
  noticeMs?: number;
  /** Closes the long-lived connections that are not requests (socket.io). */
  closeSockets?: () => unknown;
};

export type HttpDrain = {
  /**
   * Stops the server gracefully: /readyz turns 503 at once, the port closes (after the
   * notice), idle keep-alive connections are closed at once and busy ones after their
   * current response, which carries `Connection: close`. Resolves when every connection is
   * gone, or at the end of the grace period, when the rest are cut.
   */
  drain: (options: DrainOptions) => Promise<void>;
};

/**
 * Watches a server's requests and connections, so that a drain can end each keep-alive
 * connection after its current response. Node 20's `server.close()` alone does not: a
 * keep-alive connection busy at that moment goes on serving new requests until its idle
 * timeout, and `closeAllConnections()` then resets it mid-request.
 */
export function trackHttpDrain(server: Server, state: DrainState, logger: Logger): HttpDrain {
  const inFlight = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Before Express sees the request, so every response of a draining server says close.
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (state.draining) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });

  return {
    drain: async ({ graceMs, noticeMs = 0, closeSockets }) => {
      const deadline = Date.now() + graceMs;
      state.draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      if (noticeMs > 0) await sleep(Math.min(noticeMs, graceMs));

      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A connection becomes idle when its last response ends without Connection: close
      // (headers already sent before the drain, e.g. a streamed export): close it then.
      const reaper = setInterval(() => server.closeIdleConnections(), 250);
      try {
        await closeSockets?.();
        const left = Math.max(0, deadline - Date.now());
        if (await settlesWithin(closed, left)) return;
        logger.warn(
          { requests: inFlight.size, connections: sockets.size, graceMs },
          'grace period over: cutting the remaining connections',
        );
        for (const socket of sockets) socket.destroy();
        await closed;
      } finally {
        clearInterval(reaper);
      }
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

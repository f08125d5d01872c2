import type { EVENTS } from '@convene/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { useSession } from '../session/session';

export type LiveStatus = 'connecting' | 'connected' | 'disconnected';

type LiveValue = {
  status: LiveStatus;
  socket: Socket | null;
  /** Calls handler after each reconnection, when events may have been missed; returns the unsubscribe. */
  onResync: (handler: () => void) => () => void;
};

const LiveContext = createContext<LiveValue | null>(null);

// A refused handshake is not retried by socket.io itself: try again after this long.
const REFUSED_RETRY_MS = 5_000;

/**
 * The workspace's socket.io connection (same origin, session cookie), open while a coordinator
 * is signed in. After a reconnection, subscribers resynchronize (refetch) what they show.
 */
export function LiveConnection({ children }: { children: ReactNode }) {
  const { session, recheck } = useSession();
  const signedIn = session.kind === 'signed-in';
  const [socket, setSocket] = useState<Socket | null>(null);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const resyncHandlers = useRef(new Set<() => void>());

  useEffect(() => {
    if (!signedIn) return;
    // WebSocket only: the handshake and the connection are one request, so any API instance
    // behind a round-robin balancer can take it (HTTP long-polling needs sticky sessions).
    const s = io({ path: '/socket.io', withCredentials: true, transports: ['websocket'] });
    let lost = false;
    let retry: number | undefined;
    s.on('connect', () => {
      setStatus('connected');
      if (lost) for (const handler of resyncHandlers.current) handler();
      lost = false;
    });
    s.on('disconnect', (reason) => {
      lost = true;
      setStatus('disconnected');
      // The server closed it (sign-out elsewhere, session ended): see whether the session lives on.
      if (reason === 'io server disconnect') {
        recheck();
        window.clearTimeout(retry);
        retry = window.setTimeout(() => s.connect(), REFUSED_RETRY_MS);
      }
    });
    s.on('connect_error', () => {
      lost = true;
      setStatus('disconnected');
      if (!s.active) {
        // Refused by the server (no valid session, or it was busy): check the session, then retry.
        recheck();
        window.clearTimeout(retry);
        retry = window.setTimeout(() => s.connect(), REFUSED_RETRY_MS);
      }
    });
    setSocket(s);
    setStatus('connecting');
    return () => {
      window.clearTimeout(retry);
      s.removeAllListeners();
      s.disconnect();
      setSocket(null);
    };
  }, [signedIn, recheck]);

  const onResync = useCallback((handler: () => void) => {
    const handlers = resyncHandlers.current;
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
    };
  }, []);
  const value = useMemo<LiveValue>(() => ({ status, socket, onResync }), [status, socket, onResync]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive outside LiveConnection');
  return value;
}

/** Calls the latest handler for each `event` the server pushes while mounted. */
export function useLiveEvent(event: (typeof EVENTS)[keyof typeof EVENTS], handler: (payload: unknown) => void): void {
  const { socket } = useLive();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: unknown) => latest.current(payload);
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}

/** Calls the latest handler after every reconnection (missed events: refetch). */
export function useResync(handler: () => void): void {
  const { onResync } = useLive();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => onResync(() => latest.current()), [onResync]);
}

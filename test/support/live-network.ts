import type { Page } from 'playwright-core';

export type LiveSwitch = {
  /** New socket.io connections are refused, as in a network drop; `closeOnServer` ends the current ones. */
  drop: (closeOnServer: () => void) => void;
  /** Connections go through again. */
  restore: () => void;
};

/**
 * Lets a test cut the page's live connection (WebSocket, the only transport the workspace
 * uses). Call before the page loads: socket.io-client keeps the WebSocket constructor it
 * found at load, and Playwright's interception replaces that constructor.
 */
export async function liveSwitch(page: Page): Promise<LiveSwitch> {
  let blocked = false;
  await page.routeWebSocket(
    (url) => url.pathname.startsWith('/socket.io/'),
    (ws) => {
      if (blocked) void ws.close({ code: 1011, reason: 'network down' });
      else ws.connectToServer();
    },
  );
  return {
    drop: (closeOnServer) => {
      blocked = true;
      closeOnServer();
    },
    restore: () => {
      blocked = false;
    },
  };
}

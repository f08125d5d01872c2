import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export type EchoServer = { url: string; close: () => Promise<void> };

/**
 * The baseline: a bare Express 5 app that parses a JSON body (express.json(), same defaults
 * as the platform's 100 kB limit) and answers it back. Nothing else — no helmet, logging,
 * compression, validation, database or queue.
 */
export async function startEchoServer(): Promise<EchoServer> {
  const app = express();
  app.use(express.json());
  app.post('/echo', (req, res) => {
    res.json(req.body);
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/echo`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

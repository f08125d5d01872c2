import { createServer, request, Agent, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@convene/shared/node';
import { afterEach, describe, expect, it } from '@jest/globals';
import { trackHttpDrain, type DrainState } from './http-drain.js';

const logger = createLogger('test', 'silent');

type Started = { server: Server; port: number; state: DrainState; release: () => void };
let started: Started | undefined;
let agent: Agent | undefined;

/** A server whose /slow requests wait until release(); every other path answers at once. */
async function start(): Promise<Started> {
  const waiting: (() => void)[] = [];
  const state: DrainState = { draining: false };
  const server = createServer((req, res) => {
    const answer = () => res.end(JSON.stringify({ draining: state.draining }));
    if (req.url === '/slow') waiting.push(answer);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, port, state, release: () => waiting.splice(0).forEach((answer) => answer()) };
}

function get(port: number, path: string): Promise<{ res: IncomingMessage; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ res, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** Resolves on the next turns of the event loop, once the server had a chance to act. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

afterEach(async () => {
  agent?.destroy();
  started?.server.closeAllConnections();
  await new Promise((resolve) => started?.server.close(resolve) ?? resolve(undefined));
  started = undefined;
});

describe('trackHttpDrain', () => {
  it('finishes the in-flight request with Connection: close, closes idle keep-alive connections at once and refuses new ones', async () => {
    started = await start();
    const { server, port, state } = started;
    const drain = trackHttpDrain(server, state, logger);
    agent = new Agent({ keepAlive: true, maxSockets: 2 });
    // Two keep-alive connections: one idle at the start of the drain, one busy.
    await Promise.all([get(port, '/a'), get(port, '/b')]);
    const idleClosed = new Promise<void>((resolve) => {
      const sockets = Object.values(agent!.freeSockets).flat();
      sockets[0]!.once('close', () => resolve());
    });
    const inFlight = get(port, '/slow');
    await settle();

    const drained = drain.drain({ graceMs: 10_000 });
    expect(state.draining).toBe(true);
    await idleClosed;
    await expect(get(port, '/c')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    started.release();
    const { res, body } = await inFlight;
    expect(res.statusCode).toBe(200);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(body)).toEqual({ draining: true });
    await drained;
  });

  it('answers while the notice lasts, with Connection: close, before closing the port', async () => {
    started = await start();
    const { server, port, state } = started;
    const drain = trackHttpDrain(server, state, logger);
    agent = new Agent({ keepAlive: true });
    const drained = drain.drain({ graceMs: 10_000, noticeMs: 1500 });
    const { res, body } = await get(port, '/during-notice');
    expect(JSON.parse(body)).toEqual({ draining: true });
    expect(res.headers.connection).toBe('close');
    await drained;
    await expect(get(port, '/after')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('cuts what is still open at the end of the grace period', async () => {
    started = await start();
    const { server, port, state } = started;
    const drain = trackHttpDrain(server, state, logger);
    agent = new Agent({ keepAlive: true });
    const stuck = get(port, '/slow');
    await settle();
    await drain.drain({ graceMs: 300 });
    await expect(stuck).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});

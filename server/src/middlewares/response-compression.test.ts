import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { responseCompression } from './response-compression.js';

// Report-like text, well over the compression threshold.
const BODY = Array.from({ length: 4000 }, (_, i) => `${i},"barriers at the border, detention",R-${i}\r\n`).join('');

let server: ReturnType<ReturnType<typeof express>['listen']>;
let base = '';

beforeAll(async () => {
  const app = express();
  app.use(responseCompression());
  app.get('/bulk.csv', (_req, res) => {
    res.type('text/csv').send(BODY);
  });
  app.get('/page', (_req, res) => {
    res.type('text/plain').send(BODY);
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function get(path: string, acceptEncoding: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('responseCompression', () => {
  it('answers a CSV download in brotli at quality 1', async () => {
    const { headers, body } = await get('/bulk.csv', 'gzip, deflate, br');
    expect(headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(body).toString('utf8')).toBe(BODY);
    const quality = (q: number) => brotliCompressSync(BODY, { params: { [constants.BROTLI_PARAM_QUALITY]: q } });
    expect(body.equals(quality(1))).toBe(true);
    expect(body.equals(quality(4))).toBe(false);
  });

  it('keeps brotli at quality 4 for every other response', async () => {
    const { headers, body } = await get('/page', 'gzip, deflate, br');
    expect(headers['content-encoding']).toBe('br');
    const quality4 = brotliCompressSync(BODY, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
    expect(body.equals(quality4)).toBe(true);
  });

  it('answers gzip at the fastest level when the client takes only gzip', async () => {
    const { headers, body } = await get('/bulk.csv', 'gzip');
    expect(headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(body).toString('utf8')).toBe(BODY);
    // The gzip header's XFL byte: 4 = compressed with the fastest algorithm (RFC 1952).
    expect(body[8]).toBe(4);
  });

  it('sends the text as it is to a client that asks for no encoding', async () => {
    const { headers, body } = await get('/bulk.csv', 'identity');
    expect(headers['content-encoding']).toBeUndefined();
    expect(body.toString('utf8')).toBe(BODY);
  });
});

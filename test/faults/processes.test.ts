import { currentConsentVersion } from '@convene/shared';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { startSmtpSink } from '../support/smtp-sink.js';
import { spawnEntry } from '../support/child-process.js';
import { createTestDatabase, databaseKinds } from '../support/test-database.js';

const body = {
  name: 'Nadia Rahman',
  email: 'nadia@example.org',
  country: 'BD',
  language: 'en',
  timeZone: 'Asia/Dhaka',
  consent: true,
  consentVersion: currentConsentVersion('registration'),
};

function portFrom(output: string): number {
  const match = /"url":"http:\/\/localhost:(\d+)"/.exec(output);
  if (!match) throw new Error(`no url in output:\n${output}`);
  return Number(match[1]);
}

describe('process topology', () => {
  it('runs API and workers in one process on PGlite, and stops gracefully on SIGTERM', async () => {
    const target = await createTestDatabase('pglite');
    const sink = await startSmtpSink();
    const main = spawnEntry('server/src/main.ts', [], {
      PORT: '0',
      DATA_DIR: target.dataDir,
      QUEUE_PREFIX: `p${randomBytes(4).toString('hex')}`,
      SMTP_URL: sink.url,
      ADMIN_EMAIL: 'admin@convene.test',
      ADMIN_PASSWORD: 'a long enough password',
    });
    try {
      await main.waitForOutput('Convene is up', 60_000);
      const port = portFrom(main.output());
      const res = await fetch(`http://127.0.0.1:${port}/api/webinars/orientation/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(201);
      const [mail] = await sink.waitFor(1);
      expect(mail!.subject).toContain('Registration confirmed');
      expect(await main.stop('SIGTERM')).toBe(0);
      expect(main.output()).toContain('shutting down');
    } finally {
      await main.stop('SIGKILL');
      await sink.close();
      await target.drop();
    }
  });

  // Split mode needs PostgreSQL (PGlite is single-process): defined when the suite has one.
  if (!databaseKinds().includes('postgres')) return;
  it('runs the API and the worker as separate processes on PostgreSQL', async () => {
    const target = await createTestDatabase('postgres');
    const sink = await startSmtpSink();
    const shared = {
      DATABASE_URL: target.databaseUrl!,
      DATA_DIR: target.dataDir,
      QUEUE_PREFIX: `p${randomBytes(4).toString('hex')}`,
      SMTP_URL: sink.url,
    };
    const server = spawnEntry('server/src/main.ts', ['--role=server'], { ...shared, PORT: '0' });
    const worker = spawnEntry('worker/src/main.ts', [], shared);
    try {
      await server.waitForOutput('Convene is up', 60_000);
      await worker.waitForOutput('workers started', 60_000);
      expect(server.output()).toContain('"workers":false');
      const port = portFrom(server.output());
      const res = await fetch(`http://127.0.0.1:${port}/api/webinars/orientation/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(201);
      await sink.waitFor(1);
      // The worker logs after recording the send; its output arrives through a pipe, a moment later.
      await worker.waitForOutput('notification sent', 10_000);
      expect(await server.stop()).toBe(0);
      expect(await worker.stop()).toBe(0);
    } finally {
      await server.stop('SIGKILL');
      await worker.stop('SIGKILL');
      await sink.close();
      await target.drop();
    }
  });
});

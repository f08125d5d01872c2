import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { createLogger } from '@convene/shared/node';
import { confirmations, createWebinarRow, eventually, registrationBody } from '../factories.js';
import { startTestStack, type TestStack } from '../support/stack.js';

describe('logs', () => {
  let stack: TestStack;
  const lines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    stack = await startTestStack({ kind: 'pglite', logger: createLogger('test', 'info', sink) });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('carry ids but no email, name, join link or secret token through a registration and its email', async () => {
    const webinar = await createWebinarRow(stack.db);
    const body = registrationBody({ name: 'Fatou Sarr', email: 'fatou.sarr@example.org' });
    const res = await stack.request(`/api/webinars/${webinar.slug}/registrations`, { method: 'POST', json: body });
    expect(res.status).toBe(201);
    await stack.sink!.waitFor(1);
    const [registration] = await stack.db.select().from(tables.registrations);
    await stack.request(`/api/registrations/manage/${registration!.manageToken}`);
    await stack.request(
      `/api/invitations/00000000-0000-4000-8000-000000000000.00000000-0000-4000-8000-000000000000.secret`,
    );
    await eventually(async () => lines.some((l) => l.includes('notification sent')));

    const log = lines.join('');
    const [confirmation] = await confirmations(stack);
    expect(log).toContain(confirmation!.id);
    for (const secret of [
      'fatou.sarr@example.org',
      'Fatou Sarr',
      webinar.joinUrl,
      registration!.manageToken,
      '.secret',
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});

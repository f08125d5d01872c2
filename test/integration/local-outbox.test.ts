import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import ical, { type VEvent } from 'node-ical';
import { createWebinarRow, eventually, registrationBody } from '../factories.js';
import { ADMIN, startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

describe.each(databaseKinds())('local outbox without SMTP_URL (%s)', (kind) => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ kind, smtp: false });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('keeps the confirmation as an .eml file and lists it at GET /api/admin/outbox', async () => {
    const webinar = await createWebinarRow(stack.db, { startsAt: new Date('2027-06-01T09:00:00Z') });
    await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody({ email: 'kofi@example.org', language: 'fr', timeZone: 'Europe/Paris' }),
    });

    const dir = path.join(stack.target.dataDir, 'outbox');
    const file = await eventually(async () => {
      try {
        return readdirSync(dir).find((f) => f.endsWith('.eml'));
      } catch {
        return undefined;
      }
    });
    const mail = await simpleParser(readFileSync(path.join(dir, file)));
    expect(mail.subject).toBe('Inscription confirmée\u00a0: Voies régulières et travail décent');
    // 09:00 UTC is 11:00 in Paris in June (CEST).
    expect(mail.text).toMatch(/11:00 .*\(Europe\/Paris\)/);
    const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
    const event = Object.values(ical.sync.parseICS(ics.content.toString('utf8'))).find(
      (c) => c?.type === 'VEVENT',
    ) as VEvent;
    expect(event.start.toISOString()).toBe('2027-06-01T09:00:00.000Z');

    const login = await stack.request('/api/auth/login', { method: 'POST', json: ADMIN });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const res = await stack.request('/api/admin/outbox', { headers: { cookie } });
    expect(res.status).toBe(200);
    const { messages } = (await res.json()) as { messages: { to: string; subject: string }[] };
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ to: 'kofi@example.org', subject: mail.subject });
  });
});

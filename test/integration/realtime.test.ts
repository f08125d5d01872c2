import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENTS, type TCampaignProgress } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import { createWebinarRow, eventually } from '../factories.js';
import { signIn } from '../support/coordinator-session.js';
import { startTestStack, type TestStack } from '../support/stack.js';

function connect(stack: TestStack, headers: Record<string, string>): Socket {
  return io(stack.url, { path: '/socket.io', transports: ['websocket'], extraHeaders: headers, reconnection: false });
}

function connectError(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.on('connect_error', (err) => resolve(err.message));
    socket.on('connect', () => resolve('connected'));
  });
}

describe('campaign progress over socket.io', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ kind: 'pglite' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a connection without a signed-in session', async () => {
    const socket = connect(stack, {});
    expect(await connectError(socket)).toBe('unauthenticated');
    socket.close();
  });

  it('refuses a handshake from a foreign Origin, even with a session', async () => {
    const session = await signIn(stack);
    const socket = connect(stack, { cookie: session.cookie, origin: 'https://evil.example' });
    expect(await connectError(socket)).not.toBe('connected');
    socket.close();
  });

  it('pushes queued/sent counters to a watching coordinator until the campaign is done', async () => {
    const webinar = await createWebinarRow(stack.db);
    await stack.db.insert(tables.contacts).values(
      Array.from({ length: 30 }, (_, i) => ({
        email: `member${i}@example.org`,
        emailNormalized: `member${i}@example.org`,
        name: `Member ${i}`,
        country: 'KE',
        language: 'en' as const,
        unsubscribeToken: randomBytes(24).toString('base64url'),
      })),
    );
    const session = await signIn(stack);
    const socket = connect(stack, { cookie: session.cookie, origin: 'http://convene.test' });
    expect(await connectError(socket)).toBe('connected');
    const updates: TCampaignProgress[] = [];
    socket.on(EVENTS.campaignProgress, (p: TCampaignProgress) => updates.push(p));

    const res = await stack.request('/api/admin/campaigns', {
      method: 'POST',
      headers: session.headers,
      json: { webinarId: webinar.id, segment: { countries: ['KE'] } },
    });
    expect(res.status).toBe(201);
    const { campaign } = (await res.json()) as { campaign: { id: string; plannedCount: number } };
    expect(campaign.plannedCount).toBe(30);
    const ack = await socket.emitWithAck(EVENTS.watchCampaign, { campaignId: campaign.id });
    expect(ack).toEqual({ ok: true });

    const final = await eventually(async () => updates.find((u) => u.done && u.sent === 30), 20_000);
    expect(final).toMatchObject({ campaignId: campaign.id, total: 30, queued: 0, failed: 0, skipped: 0 });
    expect(updates.every((u) => u.campaignId === campaign.id)).toBe(true);
    const [row] = await eventually(async () => {
      const rows = await stack.db.select().from(tables.campaigns).where(eq(tables.campaigns.id, campaign.id));
      return rows[0]?.status === 'sent' ? rows : null;
    });
    expect(row!.status).toBe('sent');
    expect(await socket.emitWithAck(EVENTS.watchCampaign, { campaignId: 'nope' })).toMatchObject({
      error: { code: 'validation_failed' },
    });
    socket.close();
  });
});

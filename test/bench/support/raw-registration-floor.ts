import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { JOBS, notificationJobId, type TSendNotificationJob } from '@convene/shared';
import type { Queue } from 'bullmq';

export type RawFloorServer = { url: string; close: () => Promise<void> };

/** What the floor needs of the webinar: known up front, as no framework would read it per request. */
export type FloorWebinar = { id: string; version: number; startsAt: Date; reminderOffsetsMinutes: number[] };

type Body = { name: string; email: string; organization?: string; country: string; language: string; timeZone: string };

/**
 * The raw floor of registration_vs_raw_floor: a bare node:http handler doing the durable work
 * of a registration and nothing else — JSON.parse of the body, one PGlite transaction that
 * inserts the registration and its outbox rows (confirmation and reminders ahead, as the
 * platform plans them), then one BullMQ addBulk of their jobs on the platform's mail queue, so
 * the in-process worker mails them like the platform's own (the queue's default job options apply). No framework, no validation, no
 * rate limit, no cache, no idempotent repeat handling.
 */
export async function startRawRegistrationFloor(
  client: PGlite,
  queue: Queue<TSendNotificationJob>,
  webinar: FloorWebinar,
): Promise<RawFloorServer> {
  const register = async (body: Body): Promise<string> => {
    const now = new Date();
    const id = randomUUID();
    const start = webinar.startsAt.getTime();
    const outbox = [
      { id: randomUUID(), kind: 'confirmation', offset: null, key: `confirmation:${id}:${webinar.id}`, at: now },
      ...webinar.reminderOffsetsMinutes
        .filter((offset) => start - offset * 60_000 > now.getTime())
        .map((offset) => ({
          id: randomUUID(),
          kind: 'reminder',
          offset,
          key: `reminder:${id}:v${webinar.version}:${offset}`,
          at: new Date(start - offset * 60_000),
        })),
    ];
    await client.transaction(async (tx) => {
      await tx.query(
        `insert into registrations (id, webinar_id, name, email, email_normalized, organization, country, language,
           time_zone, consent_at, status, confirmed_at, manage_token)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'confirmed', $10, $11)`,
        [
          id,
          webinar.id,
          body.name,
          body.email,
          body.email.toLowerCase(),
          body.organization ?? '',
          body.country,
          body.language,
          body.timeZone,
          now,
          randomBytes(24).toString('base64url'),
        ],
      );
      const values = outbox.map(
        (_, i) =>
          `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}, '${webinar.id}', '${id}', ${webinar.version})`,
      );
      await tx.query(
        `insert into notifications (id, kind, offset_minutes, dedupe_key, scheduled_at, webinar_id, registration_id,
           webinar_version) values ${values.join(', ')}`,
        outbox.flatMap((n) => [n.id, n.kind, n.offset, n.key, n.at]),
      );
    });
    const enqueuedAt = Date.now();
    await queue.addBulk(
      outbox.map((n) => ({
        name: JOBS.sendNotification,
        data: { notificationId: n.id },
        opts: { jobId: notificationJobId(n.id), delay: Math.max(0, n.at.getTime() - enqueuedAt) },
      })),
    );
    return id;
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      register(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body).then(
        (id) => {
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ registration: { id } }));
        },
        (err: Error) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: err.message }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger } from '@convene/shared/node';
import { JOBS } from '@convene/shared';
import { Redis } from 'ioredis';
import { createWebinarRow, eventually, registrationBody, reportBody } from '../factories.js';
import { signIn } from '../support/coordinator-session.js';
import { insertReporterKey, sealedReporter } from '../support/sealed-identity.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { dumpDatabase, dumpRedis, publicTables, type Dump } from '../support/store-dump.js';

/**
 * "After an anonymous submission from a known test IP, a search of the database, the captured
 * logs and Redis finds neither the IP nor the report text outside the report row itself."
 *
 * One stack, logging at debug level into memory, with the mail worker in-process: its BullMQ
 * job payloads (queued, active, completed and failed jobs are hashes under the stack's prefix)
 * are in the same Redis, so the Redis dump below covers them. Around the report goes the
 * ordinary traffic of the same address — a webinar registration and its confirmation email,
 * a receipt look-up, a rejected report, a replay — so that the search has something to find.
 */

// Documentation-range addresses (RFC 5737) that no other test uses; the server trusts one proxy hop.
const ANONYMOUS_IP = '203.0.113.77';
const NAMED_IP = '203.0.113.78';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

type Needle = { label: string; text: string };

/**
 * An address as it could be written: plainly, IPv4-mapped IPv6 (Node's form behind a dual-stack
 * socket), or as an unkeyed hash of either — reversible for IPv4 by trying all 2^32 addresses,
 * so as good as the address. (The rate limiter's pseudonym is an HMAC with a rotating secret.)
 */
function ipNeedles(ip: string): Needle[] {
  const forms = [ip, `::ffff:${ip}`];
  const needles: Needle[] = forms.map((form) => ({ label: `IP ${form}`, text: form }));
  for (const form of forms) {
    for (const algorithm of ['sha256', 'sha1', 'md5']) {
      for (const encoding of ['hex', 'base64url', 'base64'] as const) {
        const digest = createHash(algorithm).update(form).digest(encoding);
        needles.push({ label: `${algorithm} ${encoding} of ${form}`, text: digest.slice(0, 16) });
      }
    }
  }
  return needles;
}

/** Where each needle occurs in the dumps: [] when nowhere. */
function occurrences(needles: Needle[], dumps: Dump[]): string[] {
  const found: string[] = [];
  for (const needle of needles) {
    for (const dump of dumps) {
      if (dump.text.includes(needle.text)) found.push(`${needle.label} in ${dump.where}`);
    }
  }
  return found;
}

const xff = (ip: string) => ({ 'x-forwarded-for': ip });

describe('anonymity of reports', () => {
  let stack: TestStack;
  let redis: Redis;
  const lines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    stack = await startTestStack({
      kind: 'pglite',
      logger: createLogger('test', 'debug', sink),
      env: { TRUST_PROXY: '1', LOG_LEVEL: 'debug' },
    });
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    redis?.disconnect();
    await stack?.stop();
  });

  /** Every row of every table of the public schema, as JSON text. */
  async function dumpAllTables() {
    // The search covers the tables the traffic writes to (a dump that read nothing finds nothing).
    expect(await publicTables(stack.db)).toEqual(expect.arrayContaining(['reports', 'report_themes', 'registrations']));
    return dumpDatabase(stack.db);
  }

  /** Everything Redis holds for this stack: its prefix (queues, jobs, rate limits, sessions) and the rest. */
  async function dumpAllRedis() {
    const prefixed = await dumpRedis(redis, `${stack.prefix}:*`, { strict: true });
    // Sessions (connect-redis, server/src/middlewares/session.ts) are under `${QUEUE_PREFIX}:sess:`.
    const sessions = await dumpRedis(redis, `${stack.prefix}:sess:*`, { strict: true });
    // Anything written without the prefix would still be found by the needles, unique to this test.
    const everything = await dumpRedis(redis, '*', { strict: true });
    return { prefixed, sessions, everything };
  }

  it('leaves neither the IP nor the report text anywhere but the report row, and stores no reporter identity', async () => {
    const tag = randomBytes(6).toString('hex');
    const markers = {
      barriers: `Marker-barriers-${tag}`,
      arabic: `لا يستطيع المهاجرون الوصول إلى المساعدة القنصلية ${tag}`,
      recommendations: `Marker-recommendations-${tag}`,
      source: `Marker-source-${tag}`,
    };
    // Sent only in requests that must store nothing.
    const rejected = {
      invalid: `Marker-rejected-${tag}`,
      name: `Marker-Name-${tag}`,
      email: `marker.${tag}@example.org`,
      edited: `Marker-edited-replay-${tag}`,
    };
    const registrant = { name: `Registrant-${tag}`, email: `registrant.${tag}@example.org` };

    // Ordinary traffic of the same address first: a registration, and its confirmation email by the worker.
    const webinar = await createWebinarRow(stack.db);
    const registration = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody(registrant),
      headers: xff(ANONYMOUS_IP),
    });
    expect(registration.status).toBe(201);

    // The anonymous report.
    const body = reportBody({
      barriers: `${markers.barriers}: people held for ransom near the border. ${markers.arabic}`,
      recommendations: `${markers.recommendations}: open safe corridors.`,
      source: `${markers.source}: interviews by our outreach team`,
    });
    const submitted = await stack.request('/api/reports', { method: 'POST', json: body, headers: xff(ANONYMOUS_IP) });
    expect(submitted.status).toBe(201);
    const { receipt } = (await submitted.json()) as { receipt: { receiptCode: string } };

    // Its receipt looked up, a replay of it with edited text, and two rejected reports carrying the text.
    const looked = await stack.request(`/api/reports/receipt/${receipt.receiptCode}`, { headers: xff(ANONYMOUS_IP) });
    expect(looked.status).toBe(200);
    const replay = await stack.request('/api/reports', {
      method: 'POST',
      json: { ...body, barriers: `${rejected.edited} ${body.barriers}` },
      headers: xff(ANONYMOUS_IP),
    });
    expect(replay.status).toBe(200);
    const invalid = await stack.request('/api/reports', {
      method: 'POST',
      json: reportBody({
        barriers: `${markers.barriers} ${markers.arabic} ${rejected.invalid}`,
        recommendations: markers.recommendations,
        source: markers.source,
        region: 'atlantis' as never,
      }),
      headers: xff(ANONYMOUS_IP),
    });
    expect(invalid.status).toBe(400);
    const identified = await stack.request('/api/reports', {
      method: 'POST',
      json: reportBody({
        reporter: { kind: 'anonymous', name: rejected.name, email: rejected.email } as never,
        barriers: `${markers.barriers} ${rejected.invalid}`,
      }),
      headers: xff(ANONYMOUS_IP),
    });
    expect(identified.status).toBe(400);

    // A failed sign-in from the same address: the login throttle counts it without keeping the address.
    const failedLogin = await stack.request('/api/auth/login', {
      method: 'POST',
      json: { email: 'nobody@convene.test', password: 'wrong password, twelve+' },
      headers: xff(ANONYMOUS_IP),
    });
    expect(failedLogin.status).toBe(401);

    // A coordinator session (from another address), so that session keys are searched too.
    await signIn(stack);

    // The confirmation went through the queue and out: its job is stored, its log lines written.
    await stack.sink!.waitFor(1);
    await eventually(async () => lines.some((l) => l.includes('notification sent')));

    const needles: Needle[] = [
      ...ipNeedles(ANONYMOUS_IP),
      ...Object.entries(markers).map(([field, text]) => ({ label: `report ${field} marker`, text })),
    ];
    const rejectedNeedles: Needle[] = Object.entries(rejected).map(([field, text]) => ({
      label: `rejected ${field} marker`,
      text,
    }));

    // 1. The database: the address nowhere; the text in exactly one row, the report's, with no identity.
    const rows = await dumpAllTables();
    expect(occurrences([...ipNeedles(ANONYMOUS_IP), ...rejectedNeedles], rows)).toEqual([]);
    for (const [label, text] of Object.entries(markers)) {
      const holding = rows.filter((r) => r.text.includes(text)).map((r) => r.where);
      expect({ label, holding }).toEqual({ label, holding: [expect.stringMatching(/^table reports row \d+$/)] });
    }
    const reportRows = rows.filter((r) => r.text.includes(markers.barriers));
    expect(reportRows).toHaveLength(1);
    const [row] = reportRows;
    expect(row!.row).toMatchObject({
      client_submission_id: body.clientSubmissionId,
      receipt_code: receipt.receiptCode,
      anonymous: true,
      organization: null,
      contact_name: null,
      contact_email: null,
    });
    expect(String(row!.row.barriers)).toContain(markers.arabic);
    // No column of the row is an address or anything like one.
    for (const [column, value] of Object.entries(row!.row)) {
      expect({ column, looksLikeIp: /\b\d{1,3}(\.\d{1,3}){3}\b|::ffff:/i.test(String(value)) }).toEqual({
        column,
        looksLikeIp: false,
      });
    }

    // 2. Redis: queues and job payloads, rate-limit counters, pseudonym secrets, sessions — key names and values.
    const { prefixed, sessions, everything } = await dumpAllRedis();
    expect(occurrences([...needles, ...rejectedNeedles], everything)).toEqual([]);
    expect(occurrences([...needles, ...rejectedNeedles], prefixed)).toEqual([]);
    expect(sessions.length).toBeGreaterThan(0);
    expect(occurrences([...needles, ...rejectedNeedles], sessions)).toEqual([]);
    // The limiter ran for the report and the receipt look-up, keyed on pseudonyms, not on the address.
    const reportLimits = prefixed.filter((d) => d.where.startsWith('Redis key name') && d.key.includes(':rl:report'));
    const receiptLimits = prefixed.filter((d) => d.where.startsWith('Redis key name') && d.key.includes(':rl:receipt'));
    expect(reportLimits.length).toBeGreaterThan(0);
    expect(receiptLimits.length).toBeGreaterThan(0);
    for (const { key } of [...reportLimits, ...receiptLimits]) {
      expect(key).not.toContain(ANONYMOUS_IP);
      expect(key).not.toMatch(/\d{1,3}(\.\d{1,3}){3}/);
    }
    // The registration's mail jobs are there (its reminders' delayed sweep wake-ups), so the
    // payload search was not of an empty queue.
    expect(prefixed.some((d) => d.where.startsWith('Redis hash') && d.text.includes(JOBS.sweepMail))).toBe(true);

    // 3. The logs: requests were logged (at debug level), but no address, text or identity.
    const log = lines.join('');
    expect(log).toContain('/api/reports');
    expect(log).toContain('"statusCode":400');
    expect(occurrences([...needles, ...rejectedNeedles], [{ where: 'the logs', text: log }])).toEqual([]);
    for (const secret of [registrant.name, registrant.email, webinar.joinUrl, receipt.receiptCode]) {
      expect(log).not.toContain(secret);
    }
  });

  it('keeps the IP of a named report nowhere, and its name, email and phone nowhere in clear (sealed in the row only)', async () => {
    const tag = randomBytes(6).toString('hex');
    const key = await insertReporterKey(stack.db);
    const organization = `Org-${tag}`;
    const identity = {
      name: `Reporter-Name-${tag}`,
      email: `named.reporter.${tag}@example.org`,
      phone: `+254 7${tag.replace(/\D/g, '').padEnd(8, '3').slice(0, 8)}`,
    };
    const clientSubmissionId = randomUUID();
    const body = reportBody({
      clientSubmissionId,
      reporter: await sealedReporter(key, clientSubmissionId, organization, identity),
      consent: 'attributed',
      barriers: `Marker-named-barriers-${tag}: recruitment fees and confiscated passports.`,
    });
    const res = await stack.request('/api/reports', { method: 'POST', json: body, headers: xff(NAMED_IP) });
    expect(res.status).toBe(201);

    const identityNeedles = Object.entries(identity).map(([field, text]) => ({ label: `named ${field}`, text }));
    const textNeedle = { label: 'named barriers', text: body.barriers };

    const rows = await dumpAllTables();
    expect(occurrences([...ipNeedles(NAMED_IP), ...identityNeedles], rows)).toEqual([]);
    // The organization (credited by briefs) and the text stay in clear, in the report row alone.
    for (const { label, text } of [{ label: 'organization', text: organization }, textNeedle]) {
      const holding = rows.filter((r) => r.text.includes(text)).map((r) => r.where);
      expect({ label, holding }).toEqual({ label, holding: [expect.stringMatching(/^table reports row \d+$/)] });
    }
    const [row] = rows.filter((r) => r.text.includes(organization));
    expect(row!.row).toMatchObject({
      client_submission_id: body.clientSubmissionId,
      anonymous: false,
      organization,
      contact_name: null,
      contact_email: null,
      identity_key_id: key.id,
      identity_ciphertext: body.reporter.kind === 'named' ? body.reporter.identity : null,
    });

    const { everything } = await dumpAllRedis();
    expect(occurrences([...ipNeedles(NAMED_IP), ...identityNeedles, textNeedle], everything)).toEqual([]);

    const log = lines.join('');
    expect(log).toContain('/api/reports');
    expect(
      occurrences([...ipNeedles(NAMED_IP), ...identityNeedles, textNeedle], [{ where: 'the logs', text: log }]),
    ).toEqual([]);
  });
});

/**
 * invitations_vs_raw_nodemailer: 10,000 personalized invitations through the real pipeline
 * (POST /api/admin/campaigns → one outbox row per contact in one INSERT … SELECT → BullMQ jobs
 * → the in-process worker: claim, load, render, nodemailer pooled SMTP, mark sent) to a
 * loopback SMTP sink, against a raw nodemailer pooled loop rendering and sending 10,000
 * comparable invitations (same renderer, same message shape, same pool, as many sends in
 * flight as the worker's concurrency) to the same kind of sink.
 *
 * PGlite always (entry invitations_vs_raw_nodemailer); also PostgreSQL when BENCH_DATABASE_URL
 * or TEST_DATABASE_URL is set (entry invitations_vs_raw_nodemailer_postgres, same raw baseline).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import type { TLanguage } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { renderInvitationFor } from '@convene/worker';
import { count, eq } from 'drizzle-orm';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { createWebinarRow } from '../../factories.js';
import { signIn } from '../../support/coordinator-session.js';
import type { TestStack } from '../../support/stack.js';
import type { DbKind } from '../../support/test-database.js';
import {
  databaseKinds,
  concurrencyNote,
  entryName,
  log,
  sleep,
  startPlatform,
  watchProcess,
  workerConcurrency,
  type ProcessUsage,
} from '../support/platform.js';
import {
  duplicatesByRecipient,
  nowMs,
  startRecordingSmtpSink,
  type RecordingSmtpSink,
} from '../support/recording-smtp-sink.js';
import { round } from '../support/settings.js';
import type { BenchEntry, Benchmark, Json } from '../types.js';

const NAME = 'invitations_vs_raw_nodemailer';
const MESSAGES = 10_000;
const RAW_WARMUP_MESSAGES = 500;
const MIN_RATIO = 0.8;
const TARGET = `>= ${MIN_RATIO}x`;
/** Give up waiting for the pipeline after this long (the entry then fails with what arrived). */
const PIPELINE_TIMEOUT_MS = 150_000;
const CONTACT_CHUNK = 1000;

/** As in the test stack, so raw and pipeline render the same links. */
const MAIL_SETTINGS = { publicUrl: 'http://convene.test', mailFrom: 'Convene <no-reply@convene.localhost>' };

type ContactRow = typeof tables.contacts.$inferSelect;
type WebinarRow = typeof tables.webinars.$inferSelect;

/** Contacts in the four languages, with and without a zone or a country: every branch of the time line. */
const PROFILES: { language: TLanguage; country: string | null; timeZone: string | null }[] = [
  { language: 'en', country: 'KE', timeZone: 'Africa/Nairobi' },
  { language: 'fr', country: 'SN', timeZone: null },
  { language: 'es', country: 'MX', timeZone: 'America/Mexico_City' },
  { language: 'ar', country: 'LB', timeZone: null },
  { language: 'en', country: null, timeZone: null },
];

export function makeContacts(n: number, tag: string): ContactRow[] {
  const now = new Date();
  return Array.from({ length: n }, (_, i) => {
    const profile = PROFILES[i % PROFILES.length]!;
    const email = `invitee.${tag}.${i}@example.org`;
    return {
      id: randomUUID(),
      email,
      emailNormalized: email.toLowerCase(),
      name: `Participant ${i}`,
      organization: 'Migrant Workers Network',
      country: profile.country,
      language: profile.language,
      timeZone: profile.timeZone,
      tags: [tag],
      unsubscribedAt: null,
      undeliverableAt: null,
      unsubscribeToken: randomBytes(24).toString('base64url'),
      createdAt: now,
      updatedAt: now,
    };
  });
}

/** What both sides render the invitation for: the factory's thematic webinar, ten days ahead. */
export function webinarFields(startsAt: Date) {
  return {
    kind: 'thematic' as const,
    themeSlug: 'irregular-migration-pathways',
    title: {
      en: 'Regular pathways and decent work',
      es: 'Vías regulares y trabajo decente',
      ar: 'المسارات النظامية والعمل اللائق',
      fr: 'Voies régulières et travail décent',
    },
    description: { en: 'Labour mobility and recognition of skills.' },
    startsAt,
    durationMinutes: 90,
    hostTimeZone: 'America/Mexico_City',
    languages: ['en', 'es', 'fr', 'ar'] as TLanguage[],
    capacity: null,
    joinUrl: 'https://meet.example.org/secret-room-42',
    status: 'scheduled' as const,
    reminderOffsetsMinutes: [10080, 1440, 60],
  };
}

/** The message nodemailer gets, built as worker/src/mail/transport.ts does (toNodemailer). */
function rawMessage(webinar: WebinarRow, contact: ContactRow): SendMailOptions {
  const mail = renderInvitationFor(webinar, contact, MAIL_SETTINGS);
  return {
    from: MAIL_SETTINGS.mailFrom,
    to: mail.to,
    subject: mail.subject,
    messageId: `<${randomUUID()}@convene>`,
    text: mail.text,
    html: mail.html,
    headers: { 'Content-Language': mail.language, ...mail.headers },
    attachments: [],
  };
}

/** Renders and sends each contact's invitation through one pooled transporter, `inFlight` at a time. */
async function sendRaw(
  sinkUrl: string,
  webinar: WebinarRow,
  contacts: readonly ContactRow[],
  inFlight: number,
): Promise<void> {
  // Same URL handling as the worker's smtpTransport: pool=true, nodemailer's defaults otherwise
  // (maxConnections 5, maxMessages 100).
  const transporter = nodemailer.createTransport(`${sinkUrl}?pool=true`);
  try {
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < contacts.length; i = next++) {
        await transporter.sendMail(rawMessage(webinar, contacts[i]!));
      }
    };
    await Promise.all(Array.from({ length: inFlight }, lane));
  } finally {
    transporter.close();
  }
}

type RawResult = {
  msgPerSec: number;
  elapsedMs: number;
  duplicates: number;
  missing: number;
  avgBytes: number;
  usage: ProcessUsage;
};

function avgBytes(sink: RecordingSmtpSink): number {
  const n = sink.messages.length;
  return n > 0 ? Math.round(sink.messages.reduce((s, m) => s + m.bytes, 0) / n) : 0;
}

async function measureRaw(contacts: readonly ContactRow[], inFlight: number): Promise<RawResult> {
  const webinar: WebinarRow = {
    id: randomUUID(),
    slug: `bench-${randomBytes(4).toString('hex')}`,
    ...webinarFields(new Date(Date.now() + 10 * 24 * 3600_000)),
    confirmedCount: 0,
    recordingUrl: null,
    version: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  const warmupSink = await startRecordingSmtpSink();
  try {
    log(`raw nodemailer: warm-up, ${RAW_WARMUP_MESSAGES} messages`);
    await sendRaw(warmupSink.url, webinar, contacts.slice(0, RAW_WARMUP_MESSAGES), inFlight);
  } finally {
    await warmupSink.close();
  }
  const sink = await startRecordingSmtpSink();
  try {
    log(`raw nodemailer: ${contacts.length} messages, ${inFlight} in flight, pool of 5 connections`);
    const usage = watchProcess();
    const started = nowMs();
    await sendRaw(sink.url, webinar, contacts, inFlight);
    await sink.waitForCount(contacts.length, 10_000);
    await sink.sync();
    const last = sink.messages[Math.min(contacts.length, sink.count) - 1]?.receivedAt ?? nowMs();
    const elapsedMs = last - started;
    const dup = duplicatesByRecipient(sink.messages);
    return {
      msgPerSec: (Math.min(contacts.length, sink.count) / elapsedMs) * 1000,
      elapsedMs,
      duplicates: dup.extraMessages,
      missing: contacts.length - dup.recipients,
      avgBytes: avgBytes(sink),
      usage: usage.stop(),
    };
  } finally {
    await sink.close();
  }
}

async function insertContacts(stack: TestStack, contacts: readonly ContactRow[]): Promise<void> {
  for (let i = 0; i < contacts.length; i += CONTACT_CHUNK) {
    await stack.db.insert(tables.contacts).values(contacts.slice(i, i + CONTACT_CHUNK));
  }
}

async function benchPipeline(
  kind: DbKind,
  contacts: readonly ContactRow[],
  tag: string,
  raw: RawResult,
  concurrency: number,
  loadAverage: number[],
): Promise<BenchEntry> {
  const name = entryName(NAME, kind);
  log(`${name}: starting the platform on ${kind} (server and worker in this process, concurrency ${concurrency})`);
  const sink = await startRecordingSmtpSink();
  let stack: TestStack | null = null;
  try {
    stack = await startPlatform(kind, { SMTP_URL: sink.url, WORKER_CONCURRENCY: String(concurrency) });
    const setupStarted = nowMs();
    await insertContacts(stack, contacts);
    const webinar = await createWebinarRow(stack.db, webinarFields(new Date(Date.now() + 10 * 24 * 3600_000)));
    const session = await signIn(stack);
    const setupMs = nowMs() - setupStarted;
    log(`${name}: ${contacts.length} contacts inserted (${Math.round(setupMs)} ms); sending the campaign`);

    const usage = watchProcess();
    const started = nowMs();
    const res = await stack.request('/api/admin/campaigns', {
      method: 'POST',
      headers: session.headers,
      json: { webinarId: webinar.id, segment: { tags: [tag] } },
    });
    const enqueuedAt = nowMs();
    const text = await res.text();
    if (res.status !== 201) throw new Error(`campaign POST answered ${res.status}: ${text}`);
    const planned = (JSON.parse(text) as { campaign: { plannedCount: number } }).campaign.plannedCount;
    const receivedBeforeResponse = sink.count;
    log(`${name}: campaign of ${planned} accepted in ${Math.round(enqueuedAt - started)} ms; waiting for the mail`);

    const reached = await sink.waitForCount(MESSAGES, PIPELINE_TIMEOUT_MS - (nowMs() - started));
    const delivered = Math.min(MESSAGES, sink.count);
    const lastAt = sink.messages[delivered - 1]?.receivedAt ?? nowMs();
    const elapsedMs = lastAt - started;
    // A moment more, so a late duplicate would show.
    await sleep(1000);
    await sink.sync();
    const process_ = usage.stop();

    const msgPerSec = (delivered / elapsedMs) * 1000;
    const ratio = raw.msgPerSec > 0 ? msgPerSec / raw.msgPerSec : 0;
    const dup = duplicatesByRecipient(sink.messages);
    const missing = MESSAGES - dup.recipients;
    const n = tables.notifications;
    const statusRows = await stack.db
      .select({ status: n.status, n: count() })
      .from(n)
      .where(eq(n.kind, 'invitation'))
      .groupBy(n.status);
    const outbox: { [status: string]: Json } = {};
    for (const row of statusRows) outbox[row.status] = row.n;

    const reasons: string[] = [];
    if (!reached) reasons.push(`only ${sink.count} of ${MESSAGES} messages arrived within ${PIPELINE_TIMEOUT_MS} ms`);
    if (planned !== MESSAGES) reasons.push(`campaign planned ${planned} invitations, not ${MESSAGES}`);
    if (dup.extraMessages > 0) reasons.push(`${dup.extraMessages} duplicate messages`);
    if (missing > 0) reasons.push(`${missing} recipients got nothing`);
    if (raw.duplicates > 0 || raw.missing > 0) reasons.push('raw baseline lost or duplicated messages');
    if (!(ratio >= MIN_RATIO)) reasons.push(`ratio ${round(ratio, 3)} < ${MIN_RATIO}`);
    const firstAt = sink.messages[0]?.receivedAt;
    const afterResponse = delivered - Math.min(receivedBeforeResponse, delivered);

    return {
      name,
      value: round(msgPerSec, 1),
      unit: 'msg/s',
      baseline: round(raw.msgPerSec, 1),
      ratio: round(ratio, 3),
      target: TARGET,
      pass: reasons.length === 0,
      details: {
        database: kind,
        failures: reasons,
        messages: MESSAGES,
        workerConcurrency: concurrency,
        smtpPoolMaxConnections: 5,
        pipeline: {
          msgPerSec: round(msgPerSec, 1),
          elapsedMs: Math.round(elapsedMs),
          campaignPostMs: Math.round(enqueuedAt - started),
          plannedInvitations: planned,
          firstMessageAfterMs: firstAt === undefined ? null : Math.round(firstAt - started),
          messagesBeforePostAnswered: receivedBeforeResponse,
          msgPerSecAfterPostAnswered: round((afterResponse / Math.max(1, lastAt - enqueuedAt)) * 1000, 1),
          received: sink.count,
          duplicateMessages: dup.extraMessages,
          recipientsWithDuplicates: dup.recipientsWithDuplicates,
          missingRecipients: missing,
          avgMessageBytes: avgBytes(sink),
          outboxStatus: outbox,
          rssPeakMb: process_.rssPeakMb,
          rssEndMb: process_.rssEndMb,
          processCpuCores: process_.cpuCores,
          eventLoopUtilization: process_.eventLoopUtilization,
          setupMs: Math.round(setupMs),
        },
        raw: {
          msgPerSec: round(raw.msgPerSec, 1),
          elapsedMs: Math.round(raw.elapsedMs),
          inFlight: concurrency,
          duplicateMessages: raw.duplicates,
          missingRecipients: raw.missing,
          avgMessageBytes: raw.avgBytes,
          rssPeakMb: raw.usage.rssPeakMb,
          processCpuCores: raw.usage.cpuCores,
          eventLoopUtilization: raw.usage.eventLoopUtilization,
          warmupMessages: RAW_WARMUP_MESSAGES,
        },
        cpus: cpus().length,
        loadAverageAtStart: loadAverage,
        node: process.version,
        measuredAt: new Date().toISOString(),
        note:
          'Both sides render every invitation with renderInvitationFor (same contacts: four languages, with ' +
          'and without a zone or country) and hand it to a nodemailer pooled SMTP transporter (pool=true, ' +
          'maxConnections 5) as the worker does; the raw loop keeps as many sends in flight as the worker ' +
          'concurrency and sets its own Message-ID. Pipeline time runs from the campaign POST (one INSERT … ' +
          'SELECT of the outbox rows, then addBulk of the jobs) to the 10,000th message at the sink; each job ' +
          'then claims its row, loads webinar and contact, renders, sends and marks the row sent. Raw time ' +
          `runs from its first send to its last message at the sink, after a ${RAW_WARMUP_MESSAGES}-message ` +
          'warm-up, measured first on an otherwise idle process. Server, worker and PGlite share one Node ' +
          'process (CPU and RSS figures are for it); the SMTP sink runs in a child process, Redis (and ' +
          'PostgreSQL) apart, all on the same machine. ' +
          concurrencyNote(concurrency),
      },
    };
  } finally {
    log(`${name}: stopping the platform`);
    await stack?.stop();
    await sink.close();
  }
}

export const invitationsVsRawNodemailer: Benchmark = {
  name: NAME,
  description: '10,000 campaign invitations through outbox, BullMQ and worker vs a raw nodemailer pooled loop',
  run: async () => {
    const concurrency = workerConcurrency();
    // Other work on the machine skews both sides differently; kept so a noisy run can be told apart.
    const loadAverage = loadavg().map((v) => round(v, 2));
    const tag = `bench-${randomBytes(4).toString('hex')}`;
    const contacts = makeContacts(MESSAGES, tag);
    const raw = await measureRaw(contacts, concurrency);
    log(`raw nodemailer: ${round(raw.msgPerSec, 1)} msg/s`);
    const entries: BenchEntry[] = [];
    for (const kind of databaseKinds())
      entries.push(await benchPipeline(kind, contacts, tag, raw, concurrency, loadAverage));
    return entries;
  },
};

/**
 * The mail and registration loads of the memory and scale-out benchmarks, driven through the
 * HTTP API only (the embedded default's PGlite cannot be opened by a second process): contacts
 * imported as CSV, webinars created, campaigns posted as a coordinator does, registrations fired
 * by autocannon.
 */
import { randomBytes } from 'node:crypto';
import { registrationBody } from '../../factories.js';
import { makeContacts, webinarFields } from '../benchmarks/invitations-vs-raw-nodemailer.js';
import { LoadGenerator, type LoadSummary } from './load.js';
import { postCampaign } from './built-processes.js';
import type { RecordingSmtpSink } from './recording-smtp-sink.js';
import { nowMs } from './recording-smtp-sink.js';
import { round, type BenchSettings } from './settings.js';
import type { Json } from '../types.js';

/** Invitations per campaign load (BENCH_INVITATIONS, default `fallback`). */
export function invitationCount(fallback: number): number {
  const raw = process.env.BENCH_INVITATIONS;
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 10 || value > 100_000) {
    throw new Error(`BENCH_INVITATIONS must be an integer from 10 to 100000, got "${raw}"`);
  }
  return value;
}

const csvCell = (v: string | null) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Imports `n` contacts tagged `tag` through POST /api/admin/contacts/import (one CSV upload). */
export async function importContacts(url: string, headers: Record<string, string>, n: number, tag: string) {
  const lines = ['email,name,organization,country,language,timeZone,tags'];
  for (const c of makeContacts(n, tag)) {
    lines.push(
      [c.email, c.name, c.organization, c.country, c.language, c.timeZone, tag].map((v) => csvCell(v)).join(','),
    );
  }
  const res = await fetch(`${url}/api/admin/contacts/import`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body: lines.join('\n'),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`contacts import answered ${res.status}: ${text.slice(0, 500)}`);
  const imported = (JSON.parse(text) as { imported: number }).imported;
  if (imported !== n) throw new Error(`contacts import stored ${imported} of ${n}`);
}

/** Creates a scheduled webinar (ten days ahead, no capacity) through POST /api/admin/webinars. */
export async function createWebinar(
  url: string,
  headers: Record<string, string>,
): Promise<{ id: string; slug: string }> {
  const body = {
    ...webinarFields(new Date(Date.now() + 10 * 24 * 3600_000)),
    slug: `bench-${randomBytes(4).toString('hex')}`,
  };
  const res = await fetch(`${url}/api/admin/webinars`, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`webinar POST answered ${res.status}: ${text.slice(0, 500)}`);
  return (JSON.parse(text) as { webinar: { id: string; slug: string } }).webinar;
}

/** A campaign prepared on one API: its contacts imported and its webinar created. */
export type PreparedCampaign = { url: string; webinarId: string; tag: string; size: number };

export async function prepareCampaign(
  url: string,
  headers: Record<string, string>,
  size: number,
): Promise<PreparedCampaign> {
  const tag = `bench-${randomBytes(4).toString('hex')}`;
  await importContacts(url, headers, size, tag);
  const webinar = await createWebinar(url, headers);
  return { url, webinarId: webinar.id, tag, size };
}

export type CampaignRun = {
  messages: number;
  delivered: number;
  elapsedMs: number;
  msgPerSec: number;
  postMs: number;
  duplicates: number;
  reached: boolean;
};

/**
 * Posts the campaigns at once (each on its own API) and waits until the sink has all their
 * invitations on top of what it had; time runs from the first POST to the last message.
 */
export async function runCampaigns(
  campaigns: readonly PreparedCampaign[],
  headers: Record<string, string>,
  sink: RecordingSmtpSink,
  timeoutMs: number,
): Promise<CampaignRun> {
  await sink.sync();
  const before = sink.count;
  const messages = campaigns.reduce((s, c) => s + c.size, 0);
  const started = nowMs();
  const planned = await Promise.all(campaigns.map((c) => postCampaign(c.url, headers, c.webinarId, c.tag)));
  const postMs = nowMs() - started;
  const total = planned.reduce((s, n) => s + n, 0);
  if (total !== messages) throw new Error(`campaigns planned ${total} invitations, not ${messages}`);
  const reached = await sink.waitForCount(before + messages, timeoutMs);
  await sink.sync();
  const mine = sink.messages.slice(before);
  const delivered = Math.min(messages, mine.length);
  const lastAt = mine[delivered - 1]?.receivedAt ?? nowMs();
  const elapsedMs = lastAt - started;
  const recipients = new Set<string>();
  let duplicates = 0;
  for (const m of mine) {
    for (const r of m.recipients) {
      if (recipients.has(r)) duplicates++;
      recipients.add(r);
    }
  }
  return {
    messages,
    delivered,
    elapsedMs: Math.round(elapsedMs),
    msgPerSec: round((delivered / elapsedMs) * 1000, 1),
    postMs: Math.round(postMs),
    duplicates,
    reached,
  };
}

export function campaignDetails(run: CampaignRun): { [key: string]: Json } {
  return { ...run };
}

/**
 * Registrations for one webinar on every API at once, one autocannon child per API with an even
 * share of the connections, for warm-up + duration seconds (one run: the memory is what is
 * watched, not the latency). Every request has a new email.
 */
export async function runRegistrationLoad(
  urls: readonly string[],
  slug: string,
  settings: BenchSettings,
): Promise<LoadSummary[]> {
  const generators: LoadGenerator[] = [];
  try {
    for (let i = 0; i < urls.length; i++) generators.push(await LoadGenerator.start());
    const tag = randomBytes(4).toString('hex');
    return await Promise.all(
      urls.map((url, i) =>
        generators[i]!.run({
          title: `registrations on ${url}`,
          url: `${url}/api/webinars/${slug}/registrations`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          bodyTemplate: JSON.stringify(registrationBody({ email: `mem.${tag}.${i}.{{seq}}@example.org` })),
          connections: Math.max(1, Math.round(settings.connections / urls.length)),
          durationSec: settings.warmupSec + settings.durationSec,
        }),
      ),
    );
  } finally {
    for (const g of generators) await g.close();
  }
}

export function registrationDetails(summaries: readonly LoadSummary[]): { [key: string]: Json } {
  const created = summaries.reduce((s, r) => s + (r.statusCounts['201'] ?? 0), 0);
  return {
    requests: summaries.reduce((s, r) => s + r.requests, 0),
    created,
    reqPerSec: round(
      summaries.reduce((s, r) => s + r.reqPerSec, 0),
      1,
    ),
    non2xx: summaries.reduce((s, r) => s + r.non2xx, 0),
    errors: summaries.reduce((s, r) => s + r.errors, 0),
    p99Ms: Math.max(0, ...summaries.map((r) => r.latency.p99Ms)),
  };
}

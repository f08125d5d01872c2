import { randomBytes } from 'node:crypto';
import type { TCampaign, TCampaignSegment } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import type { ParsedMail } from 'mailparser';
import { eventually } from '../factories.js';
import type { CoordinatorSession } from './coordinator-session.js';
import { recipientOf } from './mail-helpers.js';
import type { TestStack } from './stack.js';

type NewContact = typeof tables.contacts.$inferInsert;

/**
 * Inserts `count` contacts straight into the table, 1,000 rows per statement (an import
 * through the API would only slow large fault tests down). Addresses are
 * `<prefix>-<i>@example.org`; returns them in order.
 */
export async function insertContacts(
  db: Db,
  count: number,
  prefix = 'contact',
  make: (i: number) => Partial<NewContact> = () => ({}),
): Promise<string[]> {
  const emails: string[] = [];
  for (let start = 0; start < count; start += 1000) {
    const rows: NewContact[] = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      const email = `${prefix}-${i}@example.org`;
      emails.push(email);
      rows.push({
        email,
        emailNormalized: email,
        name: `Contact ${i}`,
        country: 'SN',
        language: 'en',
        timeZone: 'Africa/Dakar',
        unsubscribeToken: randomBytes(24).toString('base64url'),
        ...make(i),
      });
    }
    await db.insert(tables.contacts).values(rows);
  }
  return emails;
}

/** POSTs a campaign as a signed-in coordinator and returns it (throws unless 201). */
export async function sendCampaign(
  stack: TestStack,
  session: CoordinatorSession,
  webinarId: string,
  segment: TCampaignSegment = {},
): Promise<TCampaign> {
  const res = await stack.request('/api/admin/campaigns', {
    method: 'POST',
    headers: session.headers,
    json: { webinarId, segment },
  });
  if (res.status !== 201) throw new Error(`campaign not created: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { campaign: TCampaign }).campaign;
}

/** Polls GET /api/admin/campaigns/:id until its progress says done. */
export async function campaignWhenDone(
  stack: TestStack,
  session: CoordinatorSession,
  campaignId: string,
  timeoutMs = 30_000,
): Promise<TCampaign> {
  return eventually(async () => {
    const res = await stack.request(`/api/admin/campaigns/${campaignId}`, { headers: { cookie: session.cookie } });
    const { campaign } = (await res.json()) as { campaign: TCampaign };
    return campaign.progress.done ? campaign : null;
  }, timeoutMs);
}

/** How many messages each address received. */
export function deliveriesByAddress(messages: ParsedMail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of messages) {
    const to = recipientOf(mail).toLowerCase();
    counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}

/** Missing addresses and extra copies (messages beyond the first per address) among `expected`. */
export function deliveryReport(
  messages: ParsedMail[],
  expected: string[],
): { missing: string[]; duplicates: number; unexpected: string[] } {
  const counts = deliveriesByAddress(messages);
  const wanted = new Set(expected.map((e) => e.toLowerCase()));
  const missing = [...wanted].filter((e) => !counts.has(e));
  let duplicates = 0;
  for (const [address, n] of counts) if (wanted.has(address)) duplicates += n - 1;
  const unexpected = [...counts.keys()].filter((a) => !wanted.has(a));
  return { missing, duplicates, unexpected };
}

import { tables, type Db } from '@convene/shared/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { recipientOf } from './mail-helpers.js';
import type { SmtpSink } from './smtp-sink.js';

/** The token of the first link in a mail's text whose path starts with `/admin/<kind>/`. */
export function tokenInMail(mail: ParsedMail, kind: 'invitation' | 'reset'): string {
  const match = new RegExp(`https?://[^\\s]+/admin/${kind}/([\\w-]+)`).exec(mail.text ?? '');
  if (!match) throw new Error(`no /admin/${kind}/ link in the mail`);
  return decodeURIComponent(match[1]!);
}

/** Waits for the next mail (after the `seen` first ones) sent to `address`. */
export async function nextMailTo(sink: SmtpSink, address: string, seen: number): Promise<ParsedMail> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mail = sink.messages.slice(seen).find((m) => recipientOf(m) === address);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${address}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The link token of an account's pending invitation while its mail has not gone yet (stacks
 * without a worker): the database keeps it until the worker has mailed it.
 */
export async function unmailedInvitationToken(db: Db, accountId: string): Promise<string> {
  const [row] = await db
    .select({ token: tables.accountInvitations.mailToken })
    .from(tables.accountInvitations)
    .where(and(eq(tables.accountInvitations.accountId, accountId), isNull(tables.accountInvitations.revokedAt)));
  if (!row?.token) throw new Error('no unmailed invitation for this account');
  return row.token;
}

import type { ParsedMail } from 'mailparser';
import ical, { type VEvent } from 'node-ical';

/** The VEVENT and raw text of a mail's .ics attachment, or null when it has none. */
export function calendarOf(mail: ParsedMail): { event: VEvent; text: string } | null {
  const attachment = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!attachment) return null;
  const text = attachment.content.toString('utf8');
  const event = Object.values(ical.sync.parseICS(text)).find((c) => c?.type === 'VEVENT') as VEvent | undefined;
  if (!event) throw new Error('.ics without VEVENT');
  return { event, text };
}

/** The address a parsed mail was sent to. */
export function recipientOf(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.value[0]?.address ?? '';
}

/** Waits until no new message has arrived for quietMs (to count duplicates honestly). */
export async function settle(messages: unknown[], quietMs = 700): Promise<void> {
  let last = -1;
  while (last !== messages.length) {
    last = messages.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

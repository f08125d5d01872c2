import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tables, type Db } from '@convene/shared/db';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type { OutgoingMail } from './outgoing-mail.js';

export type SentMail = { messageId: string };

/** Where mail goes: a pooled SMTP server, or the local outbox (database + .eml files). */
export type MailTransport = {
  kind: 'smtp' | 'local';
  send(mail: OutgoingMail, notificationId: string): Promise<SentMail>;
  close(): void;
};

export type TransportOptions = { smtpUrl?: string; mailFrom: string; db: Db; dataDir: string };

function toNodemailer(mail: OutgoingMail, from: string, notificationId: string): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    // A Message-ID derived from the outbox row lets receiving systems fold a rare
    // at-least-once duplicate into one message.
    messageId: `<${notificationId}@convene>`,
    text: mail.text,
    html: mail.html,
    headers: { 'Content-Language': mail.language, ...mail.headers },
    attachments: mail.calendar
      ? [
          {
            filename: 'webinar.ics',
            content: mail.calendar.content,
            contentType: `text/calendar; charset=utf-8; method=${mail.calendar.method}`,
          },
        ]
      : [],
  };
}

export function createMailTransport(options: TransportOptions): MailTransport {
  return options.smtpUrl ? smtpTransport(options.smtpUrl, options.mailFrom) : localOutboxTransport(options);
}

function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  const transporter: Transporter = nodemailer.createTransport(url.toString());
  return {
    kind: 'smtp',
    async send(mail, notificationId) {
      const info = await transporter.sendMail(toNodemailer(mail, from, notificationId));
      return { messageId: String(info.messageId) };
    },
    close: () => transporter.close(),
  };
}

/** Keeps each message in outbox_messages and as DATA_DIR/outbox/<notification>.eml. */
function localOutboxTransport({ mailFrom, db, dataDir }: TransportOptions): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const dir = path.join(dataDir, 'outbox');
  return {
    kind: 'local',
    async send(mail, notificationId) {
      const info = await transporter.sendMail(toNodemailer(mail, mailFrom, notificationId));
      const raw = (info.message as Buffer).toString('utf8');
      const messageId = String(info.messageId);
      await mkdir(dir, { recursive: true });
      // Written aside, then renamed: whoever lists the folder never reads a half-written mail.
      const file = path.join(dir, `${notificationId}.eml`);
      await writeFile(`${file}.tmp`, raw);
      await rename(`${file}.tmp`, file);
      await db
        .insert(tables.outboxMessages)
        .values({ notificationId, recipient: mail.to.address, subject: mail.subject, messageId, raw })
        .onConflictDoNothing({ target: tables.outboxMessages.notificationId });
      return { messageId };
    },
    close: () => transporter.close(),
  };
}

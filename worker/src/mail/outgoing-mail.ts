/** A rendered email, ready for a transport. */
export type OutgoingMail = {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  language: string;
  /** An iCalendar attachment (.ics). */
  calendar?: { content: string; method: 'REQUEST' | 'CANCEL' };
  headers?: Record<string, string>;
};

/** What the renderers need besides the data. */
export type MailSettings = { publicUrl: string; mailFrom: string };

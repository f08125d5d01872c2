import { escapeHtml, textDirection, type TLanguage } from '@convene/shared';

/*
 * Links in mails are read on phones, in right-to-left languages too. A URL is one long
 * "word": unwrapped, it widens a 390 px screen; inside Arabic text, the bidirectional
 * algorithm reorders its slashes and dots around the Arabic words. So every link is wrapped
 * anywhere and isolated as one left-to-right run, in HTML and in plain text alike.
 */

/** The inline style of every link: wraps anywhere, kept as one left-to-right run. */
export const MAIL_LINK_STYLE = 'word-break:break-all;overflow-wrap:anywhere;unicode-bidi:isolate';

/** An HTML link to href (showing label, by default the URL itself): escaped, wrapped, left-to-right. */
export function htmlLink(href: string, label: string = href): string {
  return `<a href="${escapeHtml(href)}" dir="ltr" style="${MAIL_LINK_STYLE}">${escapeHtml(label)}</a>`;
}

// Unicode's LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE (UAX #9): what <bdi dir="ltr"> is in plain text.
const LRI = '\u2066';
const PDI = '\u2069';

/** A URL for a plain-text part: in a right-to-left language, isolated as one left-to-right run. */
export function textUrl(url: string, language: TLanguage): string {
  return textDirection(language) === 'rtl' ? `${LRI}${url}${PDI}` : url;
}

/**
 * Splits a sentence around the URL it contains, so the URL can stand on its own line: the
 * text before (trailing space dropped), and the text after (leading space dropped). A
 * sentence without the URL keeps all of its text before it.
 */
export function splitAtUrl(text: string, url: string): { before: string; after: string } {
  const at = text.indexOf(url);
  if (at < 0) return { before: text, after: '' };
  return { before: text.slice(0, at).trimEnd(), after: text.slice(at + url.length).trimStart() };
}

/** A sentence with its URL on a line of its own, for a plain-text part. */
export function textWithUrl(text: string, url: string, language: TLanguage): string {
  const { before, after } = splitAtUrl(text, url);
  return [before, textUrl(url, language), after].filter(Boolean).join('\n');
}

/** Text as HTML paragraph content: escaped, its line breaks kept. */
export function htmlText(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

/** A sentence with its URL as a link on a line of its own, for an HTML part (the text is escaped). */
export function htmlWithUrl(text: string, url: string): string {
  const { before, after } = splitAtUrl(text, url);
  return [before && htmlText(before), htmlLink(url), after && htmlText(after)].filter(Boolean).join('<br>');
}

import { textDirection, type TLanguage } from '@convene/shared';
import { htmlText, htmlWithUrl, textWithUrl } from './links.js';

/** A paragraph of an email: plain text, or text with one link. */
export type MailBlock = string | { text: string; href: string };

/**
 * The plain-text part: blocks separated by blank lines, each URL on a line of its own
 * (isolated as left-to-right in a right-to-left language).
 */
export function renderText(language: TLanguage, blocks: MailBlock[]): string {
  const paragraphs = blocks.map((b) => (typeof b === 'string' ? b : textWithUrl(b.text, b.href, language)));
  return `${paragraphs.join('\n\n')}\n`;
}

/**
 * A small HTML part: one paragraph per block, every value escaped, direction set, and laid
 * out for a phone (viewport, nothing wider than the screen, links wrapped and isolated).
 */
export function renderHtml(language: TLanguage, blocks: MailBlock[]): string {
  const dir = textDirection(language);
  const body = blocks
    .map((b) => `<p style="margin:0 0 1em">${typeof b === 'string' ? htmlText(b) : htmlWithUrl(b.text, b.href)}</p>`)
    .join('\n');
  return (
    `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
    `<body style="margin:0;padding:16px;font-family:sans-serif;line-height:1.5;overflow-wrap:anywhere">\n` +
    `<div style="max-width:40em;width:100%;box-sizing:border-box">\n${body}\n</div>\n</body></html>`
  );
}

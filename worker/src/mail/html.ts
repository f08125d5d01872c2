import { escapeHtml, textDirection, type TLanguage } from '@convene/shared';

/** A paragraph of an email: plain text, or text with one link. */
export type MailBlock = string | { text: string; href: string };

/** The plain-text part: blocks separated by blank lines. */
export function renderText(blocks: MailBlock[]): string {
  return `${blocks.map((b) => (typeof b === 'string' ? b : b.text)).join('\n\n')}\n`;
}

/** A small HTML part: one paragraph per block, every value escaped, direction set. */
export function renderHtml(language: TLanguage, blocks: MailBlock[]): string {
  const dir = textDirection(language);
  const body = blocks
    .map((b) => {
      if (typeof b === 'string') return `<p>${escapeHtml(b).replace(/\n/g, '<br>')}</p>`;
      const link = `<a href="${escapeHtml(b.href)}">${escapeHtml(b.href)}</a>`;
      return `<p>${escapeHtml(b.text).replace(escapeHtml(b.href), link)}</p>`;
    })
    .join('\n');
  return `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">\n${body}\n</body></html>`;
}

import type { TCompilation, TLanguage } from '@convene/shared';
import { briefModel, type TBriefBlock, type TBriefBullet } from './brief-model.js';
import { textLines } from './compilation-labels.js';

/*
 * Submitted text is untrusted, and a brief is pasted into wikis, trackers and mail clients.
 * Escaped here is only what Markdown (CommonMark and GitHub's tables and strikethrough) gives a
 * meaning to — so "Rabat (MA) - 2027" stays readable, as a person typed it: inline, the
 * characters that open emphasis, code, links and tables, `<` (HTML, autolinks) and an `&` that
 * would start a character reference; at the start of a line, what opens a heading, a quote, a
 * list or a code block.
 */
const INLINE_SPECIAL = /[\\`*_[\]~|]/g;
const ENTITY_LIKE = /&(?=#?[a-z0-9]+;)/gi;
const LINE_START: Array<[RegExp, (m: string, ...groups: string[]) => string]> = [
  [/^(#)/, () => '\\#'],
  [/^(>)/, () => '\\>'],
  [/^([-+])(?=\s|$)/, (_m, sign) => `\\${sign}`],
  [/^(=+|-+)(\s*)$/, (_m, rule, rest) => `\\${rule}${rest}`],
  [/^(\d{1,9})([.)])(?=\s|$)/, (_m, digits, mark) => `${digits}\\${mark}`],
];
const LEADING_BLANKS = /^[ \t]+/;

/** One line of untrusted text as inert, literal Markdown, escaped only where Markdown needs it. */
export function escapeBriefLine(line: string): string {
  let out = line
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(ENTITY_LIKE, '&amp;')
    .replace(/</g, '&lt;');
  for (const [pattern, replace] of LINE_START) {
    if (pattern.test(out)) {
      out = out.replace(pattern, replace as (substring: string, ...args: string[]) => string);
      break;
    }
  }
  // Leading blanks would make a code block: as character references they are plain spaces.
  return out.replace(LEADING_BLANKS, (blanks) => blanks.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
}

/** Untrusted text on one line (names, labels): its line breaks become spaces. */
export function escapeBriefInline(text: string): string {
  return escapeBriefLine(textLines(text).join(' ').trim());
}

/** Lines of a paragraph, each ending in a hard break but the last, blank lines kept as paragraph breaks. */
function paragraphLines(text: string, prefix = ''): string[] {
  const lines = textLines(text);
  return lines.map((line, i) => {
    if (line.trim() === '') return prefix.trimEnd();
    const next = lines[i + 1];
    const hardBreak = next !== undefined && next.trim() !== '' ? '  ' : '';
    return `${prefix}${escapeBriefLine(line)}${hardBreak}`;
  });
}

function note(text: string | null | undefined): string {
  return text ? ` *(${escapeBriefInline(text)})*` : '';
}

function bullet(item: TBriefBullet): string {
  const after = item.after ? ` — ${escapeBriefInline(item.after)}` : '';
  return `- ${escapeBriefInline(item.text)}${note(item.note)}${after}`;
}

function cells(row: string[], bold = false): string {
  return `| ${row.map((c) => (bold ? `**${escapeBriefInline(c)}**` : escapeBriefInline(c))).join(' | ')} |`;
}

function blockLines(block: TBriefBlock): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(block.level + 1)} ${escapeBriefInline(block.text)}`, ''];
    case 'paragraph':
      return [...(block.note ? [`*(${escapeBriefInline(block.note)})*`, ''] : []), ...paragraphLines(block.text), ''];
    case 'field':
      return [`**${escapeBriefInline(block.label)}** ${escapeBriefInline(block.value)}`, ''];
    case 'quote':
      return [`**${escapeBriefInline(block.label)}**${note(block.note)}`, '', ...paragraphLines(block.text, '> '), ''];
    case 'bullets':
      return [...block.items.map(bullet), ''];
    case 'table':
      return [
        cells(block.header),
        `|${block.header.map(() => ' --- ').join('|')}|`,
        ...block.rows.map((row) => cells(row)),
        ...(block.total ? [cells(block.total, true)] : []),
        '',
      ];
    default: {
      const unknown: never = block;
      throw new Error(`Unknown block: ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The brief as Markdown in one language, for pasting into the consultation's working documents:
 * title, coalition, number and date, then what the Word file says, in the same order.
 */
export function renderBriefMarkdown(c: TCompilation, language: TLanguage): string {
  const model = briefModel(c, language);
  const lines = [
    `# ${escapeBriefInline(model.title)}`,
    '',
    `**${escapeBriefInline(model.cover.coalition)}** · ${escapeBriefInline(model.cover.number)} · ${escapeBriefInline(model.cover.date)}`,
    '',
    ...model.blocks.flatMap(blockLines),
  ];
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

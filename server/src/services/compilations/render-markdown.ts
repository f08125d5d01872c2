import type { TCompilation, TCompiledReport } from '@convene/shared';
import {
  attributionText,
  compilationTitle,
  corridorText,
  countryLabel,
  crossReferenceText,
  englishLabels,
  formatUtc,
  regionCounts,
  reportNumbers,
  textLines,
  withheldSentence,
  type TCompilationLabels,
} from './compilation-labels.js';

/*
 * Everything a reporter, a coordinator or a theme editor typed is untrusted: a brief is pasted
 * into wikis, issue trackers and mail clients whose Markdown renderers differ, and some of them
 * pass raw HTML through. So HTML's special characters become entities (inert in every renderer
 * and in HTML itself), and every character Markdown gives a meaning to is backslash-escaped, so
 * no text can open a link, an image, a heading, a list, a table or emphasis.
 */
const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
// `=` (setext headings) and `$` (math on GitHub) mean something to common renderers too.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|~=$]/;
const LEADING_BLANKS = /^[ \t]+/;

/**
 * One line of untrusted text as inert, literal Markdown. Leading blanks become character
 * references: spaces would otherwise turn the line into a code block.
 */
export function escapeMarkdownLine(line: string): string {
  let out = '';
  for (const char of line) {
    const entity = HTML_ENTITIES[char];
    if (entity !== undefined) out += entity;
    else if (MARKDOWN_SPECIAL.test(char)) out += `\\${char}`;
    else out += char;
  }
  return out.replace(LEADING_BLANKS, (blanks) => blanks.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
}

/** Untrusted text on one line (titles, names): its line breaks become spaces. */
export function escapeMarkdownInline(text: string): string {
  return escapeMarkdownLine(textLines(text).join(' ').trim());
}

/**
 * A text quoted as it was written: each line a quoted line ending in a hard break (two
 * spaces, which every Markdown dialect honours), blank lines kept as paragraph breaks.
 */
export function quoteMarkdown(text: string): string {
  const lines = textLines(text);
  return lines
    .map((line, i) => {
      if (line.trim() === '') return '>';
      const next = lines[i + 1];
      const hardBreak = next !== undefined && next.trim() !== '' ? '  ' : '';
      return `> ${escapeMarkdownLine(line)}${hardBreak}`;
    })
    .join('\n');
}

function quotedField(label: string, text: string, language: string): string[] {
  if (text.trim() === '') return [`**${label}:** none given`, ''];
  return [`**${label}** (original in ${escapeMarkdownInline(language)}):`, '', quoteMarkdown(text), ''];
}

function reportBlock(report: TCompiledReport, index: number, labels: TCompilationLabels): string[] {
  const language = labels.language(report.language);
  const groups = report.affectedGroups.map((g) => labels.group(g)).join(', ');
  const lines = [
    `#### Report ${index} — received ${formatUtc(report.receivedAt)}`,
    '',
    ...quotedField('Barriers', report.barriers, language),
    ...quotedField('Recommendations', report.recommendations, language),
    `**Affected groups:** ${groups === '' ? 'not specified' : escapeMarkdownInline(groups)}`,
    '',
    ...quotedField('Source', report.source, language),
  ];
  if (report.countries.length > 1) {
    const countries = report.countries.map((code) => escapeMarkdownInline(countryLabel(code, labels)));
    lines.push(`**Countries:** ${countries.join(', ')}`, '');
  }
  const corridor = corridorText(report, labels);
  lines.push(
    `**Corridor:** ${corridor === null ? 'not specified' : escapeMarkdownInline(corridor)}`,
    '',
    `**Attribution:** ${escapeMarkdownInline(attributionText(report))}`,
    '',
    `**Original language:** ${escapeMarkdownInline(language)}`,
    '',
    `**Reference:** ${escapeMarkdownInline(report.reportId)}`,
    '',
  );
  return lines;
}

/**
 * The brief as Markdown, for pasting into the consultation's working documents: a summary,
 * then every report by region and country, each text quoted in its original language.
 */
export function renderMarkdown(c: TCompilation, labels: TCompilationLabels = englishLabels): string {
  const languages = c.languages.map((l) => labels.language(l)).join(', ');
  const lines = [
    `# ${escapeMarkdownInline(compilationTitle(c))}`,
    '',
    '## Summary',
    '',
    `- Reports: ${c.counts.total}`,
    ...regionCounts(c).map(({ region, count }) => `- ${escapeMarkdownInline(labels.region(region))}: ${count}`),
    `- Languages: ${languages === '' ? 'none' : escapeMarkdownInline(languages)}`,
    `- Withheld: ${escapeMarkdownInline(withheldSentence(c.counts.withheld))}`,
    '',
  ];
  if (c.regions.length === 0) lines.push('No included reports yet.', '');
  const numbers = reportNumbers(c);
  for (const region of c.regions) {
    const noun = region.count === 1 ? 'report' : 'reports';
    lines.push(`## ${escapeMarkdownInline(labels.region(region.region))} (${region.count} ${noun})`, '');
    for (const country of region.countries) {
      lines.push(`### ${escapeMarkdownInline(countryLabel(country.country, labels))}`, '');
      for (const report of country.reports) lines.push(...reportBlock(report, numbers.get(report.reportId)!, labels));
      const refs = country.seeAlso ?? [];
      for (const ref of refs) lines.push(`- ${escapeMarkdownInline(crossReferenceText(ref, numbers, labels))}`);
      if (refs.length > 0) lines.push('');
    }
  }
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

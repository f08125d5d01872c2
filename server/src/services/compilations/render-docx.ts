import { RTL_LANGUAGES, type TCompilation, type TCompiledReport, type TLanguage } from '@convene/shared';
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { unzipSync, zipSync } from 'fflate';
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

export const CREATOR = 'Convene';
export const CORE_PROPERTIES_PATH = 'docProps/core.xml';
const CONTENT_TYPES_PATH = '[Content_Types].xml';
// Word itself stamps every part of a .docx with the DOS epoch. A local-time Date, because ZIP
// entry times are local wall-clock fields: 1980-01-01 00:00 in any time zone.
const ZIP_ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);

// XML 1.0 cannot hold these even as references; docx drops the C0 ones but not the rest.
const NOT_XML_CHARS = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHARS, '\uFFFD');
}

function escapeXml(text: string): string {
  return xmlText(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A W3CDTF instant without milliseconds, as Word writes them. */
function w3cdtf(instant: string): string {
  return `${new Date(instant).toISOString().slice(0, 19)}Z`;
}

/**
 * docx always stamps the current time into the core properties, so the part is written here
 * (through Packer's documented overrides) with the compilation's own date.
 */
export function coreProperties(title: string, instant: string): string {
  const when = w3cdtf(instant);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    `<dc:creator>${CREATOR}</dc:creator>` +
    `<cp:lastModifiedBy>${CREATOR}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * The same package with every entry stamped ZIP_ENTRY_TIME: docx's zipper stamps the time of
 * the call, so two renders a second apart would differ. Contents are kept; [Content_Types].xml
 * goes first, as Word writes it, which is where tools sniffing the file type look.
 */
export function rezipDeterministically(docx: Uint8Array): Buffer {
  const { [CONTENT_TYPES_PATH]: contentTypes, ...parts } = unzipSync(docx);
  const entries = contentTypes === undefined ? parts : { [CONTENT_TYPES_PATH]: contentTypes, ...parts };
  return Buffer.from(zipSync(entries, { level: 6, mtime: ZIP_ENTRY_TIME }));
}

/** Untrusted text as plain runs, one per line with a break between: never parsed as anything. */
function textRuns(text: string, rtl: boolean): TextRun[] {
  return textLines(xmlText(text)).map(
    (line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, rightToLeft: rtl || undefined }),
  );
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(xmlText(value))] });
}

/** A text quoted as written, indented, right to left when its language is. */
function quotedField(label: string, text: string, language: TLanguage, labels: TCompilationLabels): Paragraph[] {
  if (text.trim() === '') return [labelled(label, 'none given')];
  const rtl = RTL_LANGUAGES.includes(language);
  const children: ParagraphChild[] = textRuns(text, rtl);
  return [
    new Paragraph({
      children: [new TextRun({ text: label, bold: true }), new TextRun(` (original in ${labels.language(language)}):`)],
    }),
    new Paragraph({ children, indent: { left: 567, right: 567 }, bidirectional: rtl || undefined }),
  ];
}

function reportParagraphs(report: TCompiledReport, index: number, labels: TCompilationLabels): Paragraph[] {
  const groups = report.affectedGroups.map((g) => labels.group(g)).join(', ');
  const paragraphs = [
    new Paragraph({
      heading: HeadingLevel.HEADING_3,
      children: [new TextRun(`Report ${index} — received ${formatUtc(report.receivedAt)}`)],
    }),
    ...quotedField('Barriers', report.barriers, report.language, labels),
    ...quotedField('Recommendations', report.recommendations, report.language, labels),
    labelled('Affected groups', groups === '' ? 'not specified' : groups),
    ...quotedField('Source', report.source, report.language, labels),
  ];
  if (report.countries.length > 1) {
    paragraphs.push(labelled('Countries', report.countries.map((code) => countryLabel(code, labels)).join(', ')));
  }
  paragraphs.push(
    labelled('Corridor', corridorText(report, labels) ?? 'not specified'),
    labelled('Attribution', attributionText(report)),
    labelled('Original language', labels.language(report.language)),
    labelled('Reference', report.reportId),
  );
  return paragraphs;
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text: xmlText(text), bold: bold || undefined })] })],
  });
}

function summaryTable(c: TCompilation, labels: TCompilationLabels): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [cell('Region', true), cell('Reports', true)] }),
      ...regionCounts(c).map(
        ({ region, count }) => new TableRow({ children: [cell(labels.region(region)), cell(String(count))] }),
      ),
      new TableRow({ children: [cell('Total', true), cell(String(c.counts.total), true)] }),
    ],
  });
}

/**
 * The brief as a Word document, what a consultation's secretariat works in. The same
 * compilation always gives the same bytes: a frozen compilation's file can be re-downloaded,
 * hashed or attached twice without looking like a new version.
 */
export async function renderDocx(c: TCompilation, labels: TCompilationLabels = englishLabels): Promise<Buffer> {
  const title = xmlText(compilationTitle(c));
  const languages = c.languages.map((l) => labels.language(l)).join(', ');
  const body: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Summary')] }),
    labelled('Reports', String(c.counts.total)),
    labelled('Languages', languages === '' ? 'none' : languages),
    labelled('Withheld', withheldSentence(c.counts.withheld)),
    summaryTable(c, labels),
  ];
  if (c.regions.length === 0) body.push(new Paragraph('No included reports yet.'));
  const numbers = reportNumbers(c);
  for (const region of c.regions) {
    const noun = region.count === 1 ? 'report' : 'reports';
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun(`${labels.region(region.region)} (${region.count} ${noun})`)],
      }),
    );
    for (const country of region.countries) {
      body.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          children: [new TextRun(xmlText(countryLabel(country.country, labels)))],
        }),
      );
      for (const report of country.reports)
        body.push(...reportParagraphs(report, numbers.get(report.reportId)!, labels));
      for (const ref of country.seeAlso ?? []) {
        body.push(
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun(xmlText(crossReferenceText(ref, numbers, labels)))],
          }),
        );
      }
    }
  }

  const doc = new Document({
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    title,
    sections: [{ children: body }],
  });
  const packed = await Packer.toBuffer(doc, false, [
    { path: CORE_PROPERTIES_PATH, data: coreProperties(title, c.frozenAt ?? c.compiledAt) },
  ]);
  return rezipDeterministically(packed);
}

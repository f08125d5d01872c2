import { describe, expect, it } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  arabicReport,
  attributedReport,
  compilationFixture,
  compilationOf,
  compiledReport,
  frenchReport,
} from './compilation.fixture.js';
import { renderDocx } from './render-docx.js';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

function parts(docx: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(docx)).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

/** The text of every run (<w:t>), as Word would show it. */
function runTexts(documentXml: string): string[] {
  const texts = [...documentXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '');
  return texts.map((t) =>
    t.replace(
      /&(amp|lt|gt|quot|apos);/g,
      (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '',
    ),
  );
}

describe('renderDocx', () => {
  it('writes a Word package with its main document, styles and content types', async () => {
    const docx = await renderDocx(compilationFixture());
    expect(docx.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    const files = parts(docx);
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    expect(files['word/document.xml']).toBeDefined();
    expect(files['[Content_Types].xml']).toContain('wordprocessingml.document.main+xml');
  });

  it('reads back as a Word document with the title, summary, headings and every report', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: await renderDocx(compilationFixture()) });
    expect(text).toContain(
      'Access to justice — compilation 3 (frozen 2027-03-01 14:05 UTC by coordinator@example.org)',
    );
    expect(text).toContain("2 included reports were left out at the reporters' request");
    for (const heading of [
      'Summary',
      'Africa (3 reports)',
      'Kenya (KE)',
      'Nigeria (NG)',
      'Europe (1 report)',
      'Spain (ES)',
    ])
      expect(text).toContain(heading);
    for (const line of arabicReport.barriers.split('\n')) expect(text).toContain(line);
    expect(text).toContain(frenchReport.barriers);
    expect(text).toContain('Submitted by Migrant Rights Network');
    expect(text).toContain('Anonymous / not attributed');
    expect(text).toContain('Kenya (KE) → Saudi Arabia (SA)');
  });

  it('gives a report about two countries in full under the first and cross-references it under the second', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: await renderDocx(compilationFixture()) });
    const uganda = text.slice(text.lastIndexOf('Uganda (UG)'), text.indexOf('Europe (1 report)'));
    expect(uganda.split('\n').filter((l) => l.trim() !== '')).toEqual([
      'Uganda (UG)',
      `See Report 2 under Kenya (KE); reference ${attributedReport.reportId}`,
    ]);
    expect(text.slice(text.indexOf('France (FR)'))).toContain('See Report 4 under Spain (ES); reference');
    expect(text.split('Border officials demand bribes').length - 1).toBe(1);
    const xml = parts(await renderDocx(compilationFixture()))['word/document.xml'] ?? '';
    const reference = xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf('See Report 2')), xml.indexOf('See Report 2'));
    expect(reference).toContain('<w:numPr>');
  });

  it('counts reports per region in the summary table', async () => {
    const xml = parts(await renderDocx(compilationFixture()))['word/document.xml'] ?? '';
    const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    expect(runTexts(table)).toEqual([
      'Region',
      'Reports',
      'Africa',
      '3',
      'Americas',
      '0',
      'Asia',
      '0',
      'Europe',
      '1',
      'Oceania',
      '0',
      'Total',
      '4',
    ]);
  });

  it('inserts texts as escaped text runs, never as markup, one run per line', async () => {
    const barriers = '<w:p><w:r><w:t>injected</w:t></w:r></w:p> & "quotes" \'too\'\n<script>alert(1)</script>';
    const xml =
      parts(await renderDocx(compilationOf(compiledReport({ barriers, attribution: 'A & B <Org>' }))))[
        'word/document.xml'
      ] ?? '';
    expect(xml).not.toContain('<w:t>injected</w:t>');
    expect(xml).not.toContain('<script>');
    for (const line of barriers.split('\n')) expect(xml).toContain(escapeXml(line));
    expect(runTexts(xml)).toEqual(expect.arrayContaining([...barriers.split('\n'), 'Submitted by A & B <Org>']));
    expect(xml).toMatch(/<w:br\/><w:t xml:space="preserve">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/w:t>/);
  });

  it('sets Arabic texts right to left', async () => {
    const xml = parts(await renderDocx(compilationOf(arabicReport)))['word/document.xml'] ?? '';
    const barriers = xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf(escapeXml(arabicReport.recommendations))));
    expect(barriers).toMatch(/^<w:p><w:pPr><w:bidi\/>/);
    expect(barriers).toContain('<w:rtl/>');
  });

  it('stamps the core properties with the freeze date and Convene as creator', async () => {
    const core = parts(await renderDocx(compilationFixture()))['docProps/core.xml'] ?? '';
    expect(core).toContain('<dc:creator>Convene</dc:creator>');
    expect(core).toContain(
      '<dc:title>Access to justice — compilation 3 (frozen 2027-03-01 14:05 UTC by coordinator@example.org)</dc:title>',
    );
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2027-03-01T14:05:09Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2027-03-01T14:05:09Z</dcterms:modified>');
  });

  it('stamps a live compilation with the time it was compiled', async () => {
    const live = compilationFixture({ number: null, frozenAt: null, frozenBy: null });
    const core = parts(await renderDocx(live))['docProps/core.xml'] ?? '';
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2027-03-01T14:00:00Z</dcterms:created>');
  });

  it('gives the same bytes for the same compilation, even 1.5 s later', async () => {
    const first = await renderDocx(compilationFixture());
    await sleep(1_500);
    const second = await renderDocx(compilationFixture());
    expect(second.equals(first)).toBe(true);
  });

  it('stamps every zip entry 1980-01-01 00:00, as Word does, instead of the time of the render', async () => {
    const docx = await renderDocx(compilationFixture());
    // End of central directory (no archive comment): entry count at +10, directory offset at +16.
    const eocd = docx.length - 22;
    expect(docx.readUInt32LE(eocd)).toBe(0x06054b50);
    const stamps = new Set<string>();
    let at = docx.readUInt32LE(eocd + 16);
    for (let i = 0; i < docx.readUInt16LE(eocd + 10); i++) {
      expect(docx.readUInt32LE(at)).toBe(0x02014b50);
      const localHeader = docx.readUInt32LE(at + 42);
      stamps.add(`${docx.readUInt16LE(at + 14)}/${docx.readUInt16LE(at + 12)}`);
      stamps.add(`${docx.readUInt16LE(localHeader + 12)}/${docx.readUInt16LE(localHeader + 10)}`);
      at += 46 + docx.readUInt16LE(at + 28) + docx.readUInt16LE(at + 30) + docx.readUInt16LE(at + 32);
    }
    expect([...stamps]).toEqual([`${(0 << 9) | (1 << 5) | 1}/0`]); // DOS date 1980-01-01, time 00:00:00
  });

  it('gives different bytes when the compilation differs', async () => {
    const first = await renderDocx(compilationFixture());
    const other = await renderDocx(compilationFixture({ number: 4 }));
    expect(other.equals(first)).toBe(false);
  });
});

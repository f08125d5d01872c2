import { LANGUAGES } from '@convene/shared';
import { describe, expect, it } from '@jest/globals';
import { unzipSync } from 'fflate';
import { briefFixture, compilationFixture, compilationOf, compiledReport } from './compilation.fixture.js';
import { renderBriefDocx } from './render-brief-docx.js';
import { escapeBriefLine, renderBriefMarkdown } from './render-brief-markdown.js';
import { renderDocx } from './render-docx.js';
import { renderExport } from './render-export.js';
import { renderMarkdown } from './render-markdown.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function documentXml(docx: Buffer, part = 'word/document.xml'): string {
  return Buffer.from(unzipSync(docx)[part]!).toString('utf8');
}

describe('escapeBriefLine', () => {
  it('leaves alone what Markdown gives no meaning to: dashes, parentheses, quotes, dots', () => {
    expect(escapeBriefLine('Rabat (MA) - 2027: it\'s "hard", e.g. 3.5 km!')).toBe(
      'Rabat (MA) - 2027: it\'s "hard", e.g. 3.5 km!',
    );
  });

  it('escapes what would open emphasis, code, links, tables, HTML or a character reference', () => {
    expect(escapeBriefLine('*a* _b_ `c` [d](e) | ~~f~~ <script> &amp; \\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\| \\~\\~f\\~\\~ &lt;script> &amp;amp; \\\\',
    );
  });

  it('escapes at the start of a line what opens a heading, a quote, a list or a rule', () => {
    expect(escapeBriefLine('# Title')).toBe('\\# Title');
    expect(escapeBriefLine('> quoted')).toBe('\\> quoted');
    expect(escapeBriefLine('- item')).toBe('\\- item');
    expect(escapeBriefLine('+ item')).toBe('\\+ item');
    expect(escapeBriefLine('12. item')).toBe('12\\. item');
    expect(escapeBriefLine('---')).toBe('\\---');
    expect(escapeBriefLine('    code')).toBe('&#32;&#32;&#32;&#32;code');
    expect(escapeBriefLine('-5 degrees')).toBe('-5 degrees');
  });
});

describe('renderBriefMarkdown', () => {
  it('speaks the brief language: French headings, counts and dates', () => {
    const md = renderBriefMarkdown(briefFixture(), 'fr');
    expect(md).toContain('## Résumé');
    expect(md).toContain('**Rapports\u00a0:** 4');
    expect(md).toContain('## Afrique (3 rapports)');
    expect(md).toContain('Figée le 1 mars 2027');
    expect(md).toContain('par Amina Diallo');
    expect(md).toContain('## Principaux obstacles');
    expect(md).toContain('Fondé sur : R-0001, R-0004');
  });

  it('uses a verified translation, labels a machine one with its provider and pivot, and labels originals', () => {
    const en = renderBriefMarkdown(briefFixture(), 'en');
    expect(en).toContain('> Pushbacks at the border.');
    expect(en).toContain('*(translated from Spanish, verified)*');
    expect(en).toContain('*(original in French)*');
    const fr = renderBriefMarkdown(briefFixture(), 'fr');
    expect(fr).toContain('> Refoulements à la frontière.');
    expect(fr).toContain('traduction automatique depuis : espagnol (apertium, en passant par : anglais)');
  });

  it('cites codes, never ids, with the merged lineage and references', () => {
    const md = renderBriefMarkdown(briefFixture(), 'en');
    expect(md).not.toMatch(UUID);
    expect(md).toContain('#### R-0004 — received February 6, 2027');
    expect(md).toContain('Also received as R-0007 (near-duplicates, counted once)');
    expect(md).toContain('- See R-0002 under Kenya (KE)');
    expect(md).toContain('**R-0003, Barriers, excerpt** *(original in French)*');
    expect(md).toContain('| R-0004, R-0007 | Europe | Spain (ES), France (FR) | Spanish |');
    expect(md).not.toMatch(/\\[-()]|&#39;/);
  });

  it('gives the editorial text in another language, labelled, when none is in the brief language', () => {
    const ar = renderBriefMarkdown(briefFixture(), 'ar');
    expect(ar).toContain('- إلغاء نظام الكفالة.');
    expect(ar).toContain('مكتوب باللغة');
  });

  it('is the same text every time', () => {
    for (const language of LANGUAGES) {
      expect(renderBriefMarkdown(briefFixture(), language)).toBe(renderBriefMarkdown(briefFixture(), language));
    }
  });
});

describe('renderBriefDocx', () => {
  it('has a cover, contents, page numbers in the footer and the document language', async () => {
    const docx = await renderBriefDocx(briefFixture(), 'fr');
    const xml = documentXml(docx);
    expect(xml).toContain('Convene');
    expect(xml).toContain('Note nº 3');
    expect(xml).toContain('Table des matières');
    expect(xml).toContain('w:type="page"');
    const parts = Object.keys(unzipSync(docx));
    const footer = parts.find((p) => /^word\/footer\d*\.xml$/.test(p));
    expect(footer).toBeDefined();
    expect(documentXml(docx, footer)).toMatch(/PAGE/);
    expect(documentXml(docx, 'word/styles.xml')).toContain('w:val="fr-FR"');
    expect(xml).not.toMatch(UUID);
  });

  it('sets Arabic paragraphs bidirectional and Arabic runs right to left', async () => {
    const xml = documentXml(await renderBriefDocx(briefFixture(), 'ar'));
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('<w:rtl/>');
    expect(xml).toContain('الموجز رقم 3');
  });

  it('gives the same bytes for the same compilation and language', async () => {
    for (const language of LANGUAGES) {
      const first = await renderBriefDocx(briefFixture(), language);
      expect((await renderBriefDocx(briefFixture(), language)).equals(first)).toBe(true);
    }
  });
});

describe('renderExport of a compilation frozen before briefs had languages', () => {
  it('gives in English the very bytes of the renderers of its time', async () => {
    const old = compilationFixture();
    expect((await renderExport(old, 'md')).body.toString('utf8')).toBe(renderMarkdown(old));
    expect((await renderExport(old, 'docx', 'en')).body.equals(await renderDocx(old))).toBe(true);
  });

  it('renders it in another language with the brief renderers, citing reports by their place', async () => {
    const md = (await renderExport(compilationOf(compiledReport()), 'md', 'es')).body.toString('utf8');
    // It held the coordinator's email address: a brief in a language names nobody by it.
    expect(md).not.toContain('coordinator@example.org');
    expect(md).toContain('por una persona coordinadora');
    expect(md).toContain('#### \\#1 — recibido el 1 de febrero de 2027');
  });
});

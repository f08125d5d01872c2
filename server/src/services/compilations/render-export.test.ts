import { EXPORT_FORMATS } from '@convene/shared';
import { describe, expect, it } from '@jest/globals';
import { compilationFixture } from './compilation.fixture.js';
import { renderCsv } from './render-csv.js';
import { exportFileName, renderExport } from './render-export.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

describe('renderExport', () => {
  it.each([
    ['md', 'text/markdown; charset=utf-8'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['csv', 'text/csv; charset=utf-8'],
    ['json', 'application/json; charset=utf-8'],
  ] as const)('renders %s with its content type and extension', async (format, contentType) => {
    const rendered = await renderExport(compilationFixture(), format);
    expect(rendered.contentType).toBe(contentType);
    expect(rendered.extension).toBe(format);
    expect(rendered.body.length).toBeGreaterThan(0);
  });

  it('covers every export format', async () => {
    for (const format of EXPORT_FORMATS)
      await expect(renderExport(compilationFixture(), format)).resolves.toBeDefined();
  });

  it('sends the text formats as UTF-8 bytes of what their renderers write', async () => {
    const c = compilationFixture();
    expect((await renderExport(c, 'md')).body.toString('utf8')).toBe(renderMarkdown(c));
    expect((await renderExport(c, 'json')).body.toString('utf8')).toBe(renderJson(c));
    const csv = (await renderExport(c, 'csv')).body;
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString('utf8')).toBe(renderCsv(c));
  });

  it('sends a Word document as a zip package', async () => {
    const { body } = await renderExport(compilationFixture(), 'docx');
    expect(body.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  });
});

describe('exportFileName', () => {
  it('names a frozen compilation by theme and number', () => {
    expect(exportFileName(compilationFixture(), 'docx')).toBe('compilation-access-to-justice-3.docx');
  });

  it('names a live compilation "live"', () => {
    expect(exportFileName(compilationFixture({ number: null, frozenAt: null, frozenBy: null }), 'md')).toBe(
      'compilation-access-to-justice-live.md',
    );
  });

  it('keeps to ASCII letters, digits and dashes whatever the slug holds', () => {
    const name = exportFileName(compilationFixture({ themeSlug: 'Accès/../"justice"\r\n' }), 'csv');
    expect(name).toBe('compilation-acc-s-justice-3.csv');
    expect(name).toMatch(/^[a-z0-9.-]+$/);
  });
});

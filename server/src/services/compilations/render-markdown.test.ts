import { describe, expect, it } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import {
  arabicReport,
  attributedReport,
  compilationFixture,
  compilationOf,
  compiledReport,
} from './compilation.fixture.js';
import { renderMarkdown } from './render-markdown.js';

const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '<svg onload=alert(1)>',
  'javascript:alert(1)',
  '" onmouseover="alert(1)',
  "' onfocus='alert(1)' autofocus='",
  '<a href="javascript:alert(1)">x</a>',
  '![x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '[x]: javascript:alert(1)\n\n[x]',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<details open ontoggle=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '<div\nonclick=alert(1)>x</div>',
];

// The most permissive renderers: raw HTML on (CommonMark's own preset), plus autolinking.
const renderers = {
  commonmark: new MarkdownIt('commonmark'),
  'html and linkify': new MarkdownIt({ html: true, linkify: true }),
};

function liveHtmlIn(html: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(html)) found.push('script element');
  if (/<img/i.test(html)) found.push('img element');
  if (/<svg/i.test(html)) found.push('svg element');
  if (/<(details|div|iframe|object|embed)\b/i.test(html)) found.push('raw HTML element');
  if (/<[^>]*\son\w+\s*=/i.test(html)) found.push('event handler attribute');
  if (/href\s*=\s*["']?\s*javascript:/i.test(html)) found.push('javascript: link');
  return found;
}

function withEverywhere(payload: string) {
  return compilationOf(
    compiledReport({ barriers: payload, recommendations: payload, source: payload, attribution: payload }),
  );
}

describe('renderMarkdown', () => {
  it('titles a frozen compilation with its number, date and who froze it', () => {
    const md = renderMarkdown(compilationFixture());
    expect(md.split('\n')[0]).toBe(
      '# Access to justice — compilation 3 \\(frozen 2027\\-03\\-01 14:05 UTC by coordinator@example\\.org\\)',
    );
  });

  it('titles a live compilation with the time it was compiled', () => {
    const md = renderMarkdown(compilationFixture({ number: null, frozenAt: null, frozenBy: null }));
    expect(md.split('\n')[0]).toBe('# Access to justice — compilation \\(live, compiled 2027\\-03\\-01 14:00 UTC\\)');
  });

  it('summarizes totals, counts per region, languages and the withheld reports', () => {
    const md = renderMarkdown(compilationFixture());
    expect(md).toContain('- Reports: 4\n- Africa: 3\n- Americas: 0\n- Asia: 0\n- Europe: 1\n- Oceania: 0\n');
    expect(md).toContain('- Languages: Arabic, English, Spanish, French\n');
    expect(md).toMatch(/- Withheld: 2 included reports were left out at the reporters&#39; request/);
  });

  it('groups reports under region then country headings', () => {
    const md = renderMarkdown(compilationFixture());
    const headings = md.split('\n').filter((l) => /^#{2,3} /.test(l));
    expect(headings).toEqual([
      '## Summary',
      '## Africa (3 reports)',
      '### Kenya \\(KE\\)',
      '### Nigeria \\(NG\\)',
      '### Uganda \\(UG\\)',
      '## Europe (1 report)',
      '### Spain \\(ES\\)',
      '### France \\(FR\\)',
    ]);
  });

  it('gives a report about two countries in full under the first and cross-references it under the second', () => {
    const md = renderMarkdown(compilationFixture());
    const uganda = md.slice(md.indexOf('### Uganda'), md.indexOf('## Europe'));
    expect(uganda).toBe(
      `### Uganda \\(UG\\)\n\n- See Report 2 under Kenya \\(KE\\); reference ${attributedReport.reportId.replace(/-/g, '\\-')}\n\n`,
    );
    const france = md.slice(md.indexOf('### France'));
    expect(france.startsWith('### France \\(FR\\)\n\n- See Report 4 under Spain \\(ES\\); reference ')).toBe(true);
    // The text itself once: under Kenya.
    expect(md.split('Border officials demand bribes').length - 1).toBe(1);
    expect(md.match(/^#### Report \d+/gm)).toEqual([
      '#### Report 1',
      '#### Report 2',
      '#### Report 3',
      '#### Report 4',
    ]);
  });

  it('renders a cross-reference as a plain list item, not a link', () => {
    const html = renderers.commonmark.render(renderMarkdown(compilationFixture()));
    expect(html).toMatch(/<li>See Report 2 under Kenya \(KE\); reference [0-9a-f-]+<\/li>/);
  });

  it('quotes an Arabic report as written, naming its language, with its corridor and no attribution', () => {
    const md = renderMarkdown(compilationFixture());
    const block = md.slice(md.indexOf('#### Report 1'), md.indexOf('#### Report 2'));
    expect(block).toContain('**Barriers** (original in Arabic):\n\n> يُحتجز العمال المنزليون دون أجر\\.  \n> تُصادَر');
    expect(block).toContain('**Affected groups:** Domestic workers, Women and girls');
    expect(block).toContain('**Corridor:** Kenya \\(KE\\) → Saudi Arabia \\(SA\\)');
    expect(block).toContain('**Attribution:** Anonymous / not attributed');
    expect(block).toContain('**Original language:** Arabic');
    expect(block).toContain(`**Reference:** ${arabicReport.reportId.replace(/-/g, '\\-')}`);
  });

  it('credits an attributed report and says what it left empty', () => {
    const md = renderMarkdown(compilationFixture());
    const block = md.slice(md.indexOf('#### Report 2'), md.indexOf('### Nigeria'));
    expect(block).toContain('**Attribution:** Submitted by Migrant Rights Network');
    expect(block).toContain('**Recommendations:** none given');
    expect(block).toContain('**Source:** none given');
    expect(block).toContain('**Affected groups:** not specified');
    expect(block).toContain('**Countries:** Kenya \\(KE\\), Uganda \\(UG\\)');
    expect(attributedReport.barriers).toContain('\n\n');
    expect(block).toContain('> Border officials demand bribes\\.\n>\n> Children are turned back\\.');
  });

  it('keeps line breaks inside a text as hard breaks in the rendered HTML', () => {
    const html = renderers.commonmark.render(
      renderMarkdown(compilationOf(compiledReport({ barriers: 'one\ntwo\r\nthree' }))),
    );
    expect(html).toContain('<blockquote>\n<p>one<br />\ntwo<br />\nthree</p>\n</blockquote>');
  });

  it('ends with exactly one newline', () => {
    expect(renderMarkdown(compilationFixture())).toMatch(/[^\n]\n$/);
  });

  describe.each(Object.entries(renderers))('rendered to HTML (%s)', (_name, md) => {
    it('would render an unescaped payload as live HTML (the check can fail)', () => {
      expect(liveHtmlIn(md.render('<script>alert(1)</script> <img src=x onerror=alert(1)>'))).not.toEqual([]);
    });

    it.each(XSS_CORPUS)('leaves %j inert and visible in every field', (payload) => {
      const html = md.render(renderMarkdown(withEverywhere(payload)));
      expect(liveHtmlIn(html)).toEqual([]);
      expect(html).not.toMatch(/<a\s/i);
      expect(html).not.toMatch(/<(h[1-6]|li|table|code|pre|em|strong)>[^<]*(alert|javascript)/i);
    });

    it('shows the escaped text literally', () => {
      const html = md.render(renderMarkdown(withEverywhere('<script>alert(1)</script> [click](javascript:alert(1))')));
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; [click](javascript:alert(1))');
      expect(html).toContain('Submitted by &lt;script&gt;');
    });

    it('shows Markdown syntax literally instead of formatting with it', () => {
      const text =
        '# not a heading\n1. not a list\n- nor this\n    not code\n| a | b |\n|---|---|\n**bold** _em_ `code` ~~del~~\n===';
      const html = md.render(renderMarkdown(compilationOf(compiledReport({ barriers: text }))));
      const quote = html.slice(html.indexOf('<blockquote>'), html.indexOf('</blockquote>'));
      expect(quote).not.toMatch(/<(h\d|ol|ul|li|pre|code|table|strong|em|s|del)>/);
      expect(quote).toMatch(/# not a heading<br ?\/?>\n1\. not a list<br ?\/?>\n- nor this<br ?\/?>/);
      expect(quote).toContain('**bold** _em_ `code` ~~del~~');
    });

    it('escapes the theme name and who froze it as well', () => {
      const c = compilationFixture({
        themeName: { en: '<img src=x onerror=alert(1)>' },
        frozenBy: '<script>x</script>',
      });
      const html = md.render(renderMarkdown(c));
      expect(liveHtmlIn(html)).toEqual([]);
      expect(html).toContain('<h1>&lt;img src=x onerror=alert(1)&gt; — compilation 3');
    });
  });
});

import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { arabicReport, compilationFixture, compilationOf, compiledReport } from './compilation.fixture.js';
import { CSV_COLUMNS, neutralizeCell, renderCsv, reportCsvRecord } from './render-csv.js';

const BOM = '\uFEFF';

function parsed(csv: string): string[][] {
  return parse(csv, { bom: true, record_delimiter: '\r\n', relax_quotes: false }) as string[][];
}

describe('neutralizeCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['＝1+1', "'＝1+1"],
  ])('prefixes %j, which a spreadsheet would run, with a single quote', (cell, expected) => {
    expect(neutralizeCell(cell)).toBe(expected);
  });

  it.each(['', 'plain', '1=1', ' =1', "'=1", 'يُحتجز'])('leaves %j as it is', (cell) => {
    expect(neutralizeCell(cell)).toBe(cell);
  });
});

describe('renderCsv', () => {
  it('starts with the UTF-8 BOM, then the header row CSV_COLUMNS', () => {
    const csv = renderCsv(compilationFixture());
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parsed(csv)[0]).toEqual([...CSV_COLUMNS]);
  });

  it('ends every record with CRLF and has no bare LF between records', () => {
    const csv = renderCsv(compilationOf(compiledReport({ barriers: 'a', recommendations: 'b', source: 'c' })));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3); // header, one row, and what follows the last CRLF
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes one row per report in the brief order, with codes, names and labels', () => {
    const rows = parsed(renderCsv(compilationFixture()));
    expect(rows).toHaveLength(5);
    const byId = Object.fromEntries(
      rows.slice(1).map((r) => [r[0], Object.fromEntries(CSV_COLUMNS.map((k, i) => [k, r[i]]))]),
    );
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      '00000000-0000-4000-8000-0000000000a1',
      '00000000-0000-4000-8000-0000000000b2',
      '00000000-0000-4000-8000-0000000000c3',
      '00000000-0000-4000-8000-0000000000d4',
    ]);
    expect(byId[arabicReport.reportId]).toEqual({
      report_id: arabicReport.reportId,
      region: 'Africa',
      countries: 'KE',
      country_names: 'Kenya',
      corridor: 'Kenya (KE) → Saudi Arabia (SA)',
      language: 'Arabic',
      barriers: arabicReport.barriers,
      recommendations: arabicReport.recommendations,
      affected_groups: 'Domestic workers; Women and girls',
      source: arabicReport.source,
      attribution: 'Anonymous / not attributed',
      received_at: '2027-02-03T08:30:00.000Z',
    });
    expect(byId['00000000-0000-4000-8000-0000000000b2']).toMatchObject({
      countries: 'KE UG',
      country_names: 'Kenya; Uganda',
      attribution: 'Migrant Rights Network',
      recommendations: '',
    });
  });

  it('parses back cells that start like formulas as neutralized text, and keeps commas, quotes, line breaks and Arabic', () => {
    const texts = {
      barriers: '=HYPERLINK("http://evil.example","click"), then "more"\nsecond line',
      recommendations: '+1+2',
      source: '-2+3 and, a comma',
      attribution: '@SUM(1+1)*cmd|" /C calc"!A0',
    };
    const cases = [
      compiledReport({ reportId: '00000000-0000-4000-8000-000000000011', ...texts }),
      compiledReport({
        reportId: '00000000-0000-4000-8000-000000000012',
        language: 'ar',
        barriers: '\tيُحتجز العمال، "دون أجر"',
        recommendations: '\rإلغاء\r\nنظام الكفالة',
        source: 'شهادات, من العاملات',
        attribution: 'شبكة المهاجرين',
      }),
    ];
    const c = compilationFixture({
      regions: [{ region: 'africa', count: 2, countries: [{ country: 'KE', reports: cases }] }],
    });
    const [, first, second] = parsed(renderCsv(c));
    const at = (row: string[] | undefined, column: (typeof CSV_COLUMNS)[number]) => row?.[CSV_COLUMNS.indexOf(column)];

    expect(at(first, 'barriers')).toBe(`'${texts.barriers}`);
    expect(at(first, 'recommendations')).toBe("'+1+2");
    expect(at(first, 'source')).toBe("'-2+3 and, a comma");
    expect(at(first, 'attribution')).toBe(`'${texts.attribution}`);
    expect(at(second, 'barriers')).toBe('\'\tيُحتجز العمال، "دون أجر"');
    expect(at(second, 'recommendations')).toBe("'\rإلغاء\r\nنظام الكفالة");
    expect(at(second, 'source')).toBe('شهادات, من العاملات');
    expect(at(second, 'attribution')).toBe('شبكة المهاجرين');
  });

  it('quotes a field with a comma, a quote, a CR or an LF, and doubles its quotes', () => {
    const csv = renderCsv(
      compilationOf(compiledReport({ barriers: 'say "no", twice', recommendations: 'a\rb', source: 'c\nd' })),
    );
    expect(csv).toContain(',"say ""no"", twice","a\rb",');
    expect(csv).toContain(',"c\nd",');
  });
});

describe('reportCsvRecord', () => {
  it('gives the cells of one report in CSV_COLUMNS order, for a streaming exporter', () => {
    const cells = reportCsvRecord(compiledReport({ barriers: '=cmd' }));
    expect(cells).toHaveLength(CSV_COLUMNS.length);
    expect(cells[CSV_COLUMNS.indexOf('barriers')]).toBe("'=cmd");
    expect(cells[CSV_COLUMNS.indexOf('received_at')]).toBe('2027-02-01T10:00:00.000Z');
  });
});

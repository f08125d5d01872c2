import { describe, expect, it } from '@jest/globals';
import { CsvImportError, decodeUtf8, readContactsCsv } from './read-contacts-csv.js';

function fatal(run: () => unknown): CsvImportError {
  try {
    run();
  } catch (err) {
    if (err instanceof CsvImportError) return err;
    throw err;
  }
  throw new Error('expected a CsvImportError');
}

describe('readContactsCsv', () => {
  it('numbers rows by the line they start on, across quoted line breaks, blank lines and CRLF', () => {
    const csv = 'email,name\r\na@x.org,"Two\r\nlines"\r\n\r\nb@x.org,B\rc@x.org,"Three\nline\nname"\nd@x.org,D';
    expect(readContactsCsv(csv).rows.map((r) => [r.line, r.email, r.name])).toEqual([
      [2, 'a@x.org', 'Two lines'],
      [5, 'b@x.org', 'B'],
      [6, 'c@x.org', 'Three line name'],
      [9, 'd@x.org', 'D'],
    ]);
  });

  it('matches header names loosely, ignores unknown columns and picks the separator from the header', () => {
    const csv =
      'Notes;E-mail;Phone;ORGANISATION;time_zone;TimeZone;Tags\nhi, there;a@x.org;+221 33;Org, Inc;Africa/Lagos;Europe/Paris;a|B|b\n';
    expect(readContactsCsv(csv).rows).toEqual([
      {
        line: 2,
        email: 'a@x.org',
        emailNormalized: 'a@x.org',
        organization: 'Org, Inc',
        timeZone: 'Africa/Lagos',
        tags: ['a', 'B'],
      },
    ]);
  });

  it('keeps a comma separator when the header quotes a semicolon', () => {
    const { rows } = readContactsCsv('"email;primary",email,name\nx,a@x.org,"A; B"\n');
    expect(rows.map((r) => [r.email, r.name])).toEqual([['a@x.org', 'A; B']]);
  });

  it('reports the line where an unclosed quote opens', () => {
    const error = fatal(() => readContactsCsv('email,name\na@x.org,A\nb@x.org,"B\nc@x.org,C\n'));
    expect(error.lines).toEqual([{ line: 3, code: 'csv_malformed', message: expect.any(String) }]);
    const afterBlank = fatal(() => readContactsCsv('email,name\na@x.org,"A\nz"\n\n  \nb@x.org,"B\nc@x.org,C\n'));
    expect(afterBlank.lines?.[0]?.line).toBe(6);
  });

  it('refuses a header without an email column', () => {
    expect(fatal(() => readContactsCsv('mail,name\na@x.org,A\n')).fields).toMatchObject({
      email: { code: 'csv_missing_column' },
    });
  });
});

describe('decodeUtf8', () => {
  it('drops a byte order mark', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
  });

  it('names every line that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xe9, 0x0a, 0x6f, 0x6b, 0x0a, 0xc3])]);
    expect(fatal(() => decodeUtf8(bytes)).lines?.map((l) => l.line)).toEqual([2, 4]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { readAttendanceCsv } from './read-attendance-csv.js';

const read = (text: string) => readAttendanceCsv(Buffer.from(text, 'utf8'));

describe('readAttendanceCsv', () => {
  it('finds the address column after a preamble, whatever its case, and numbers lines as the file does', () => {
    const csv = read(
      'Meeting summary\nTitle,Orientation\n\nNAME;E-MAIL;ROLE\nA;A@Example.org;viewer\n\nB;b@example.org;viewer\n',
    );
    expect(csv.emailColumn).toBe('E-MAIL');
    expect(csv.lines).toEqual([
      { line: 5, email: 'a@example.org', attended: true },
      { line: 7, email: 'b@example.org', attended: true },
    ]);
  });

  it('reads tab-separated UTF-16 with a byte order mark (Teams) and falls back to the UPN column', () => {
    const text = 'Name\tEmail\tParticipant ID (UPN)\nA\t\tupn@example.org\nB\tb@example.org\tother@example.org';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(readAttendanceCsv(bytes).lines.map((l) => l.email)).toEqual(['upn@example.org', 'b@example.org']);
  });

  it('keeps "Attended: No" lines as not attended and switches header at a new section', () => {
    const csv = read(
      'Host Details\nAttended,Email\nYes,host@example.org\nAttendee Details\nAttended,Name,Email\nNo,X,x@example.org\nYes,Y,"<y@example.org>"',
    );
    expect(csv.lines).toEqual([
      { line: 3, email: 'host@example.org', attended: true },
      { line: 6, email: 'x@example.org', attended: false },
      { line: 7, email: 'y@example.org', attended: true },
    ]);
  });

  it('reports a line without an address, skips section titles, and decodes Windows-1252', () => {
    const bytes = Buffer.from('Nom,Email,R\xf4le\nJos\xe9,,invit\xe9\nMar\xeda,m@example.org,\nTotal\n', 'latin1');
    expect(readAttendanceCsv(bytes).lines).toEqual([
      { line: 2, email: null, attended: true },
      { line: 3, email: 'm@example.org', attended: true },
    ]);
  });

  it('refuses a file that names no address column, with a code', () => {
    expect(() => read('Name,Duration\nA,90')).toThrow(expect.objectContaining({ code: 'attendance_no_email_column' }));
    expect(() => read('')).toThrow(expect.objectContaining({ status: 400 }));
  });
});

import { describe, expect, it } from '@jest/globals';
import { loggableError, maskPersonalData } from './logger.js';

describe('loggableError', () => {
  it('masks email addresses quoted by SMTP replies and database errors, and drops driver details', () => {
    const smtp = Object.assign(
      new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <amina.d@example.org>: unknown"),
      {
        responseCode: 550,
      },
    );
    expect(loggableError(smtp).message).toBe(
      "Can't send mail - all recipients were rejected: 550 5.1.1 <[email]>: unknown",
    );
    const pg = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (email_normalized)=(x@y.org) already exists.',
    });
    const logged = loggableError(pg);
    expect(logged).toMatchObject({ type: 'Error', code: '23505' });
    expect(JSON.stringify(logged)).not.toContain('x@y.org');
    expect(maskPersonalData('write to a.b+c@mail.example.co.uk today')).toBe('write to [email] today');
  });

  it('drops the parameters a failed query quotes, report text with line breaks included', () => {
    const failed = new Error(
      'Failed query: insert into "reports" ("barriers") values ($1)\nparams: Detained for 3 days\n    at the border,K7QM',
    );
    const logged = loggableError(failed);
    expect(logged.message).toBe('Failed query: insert into "reports" ("barriers") values ($1)\nparams: [omitted]');
    expect(JSON.stringify(logged)).not.toMatch(/Detained|border|K7QM/);
  });
});

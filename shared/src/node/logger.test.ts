import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import {
  createLogger,
  createProcessLogger,
  logFormatFor,
  loggableError,
  maskPersonalData,
  prettyStream,
} from './logger.js';

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

describe('the log format of a process', () => {
  it('is pretty only in development at a terminal; JSON in production, in tests and through a pipe', () => {
    expect(logFormatFor('development', true)).toBe('pretty');
    expect(logFormatFor('development', false)).toBe('json');
    expect(logFormatFor('production', true)).toBe('json');
    expect(logFormatFor('production', false)).toBe('json');
    expect(logFormatFor('test', true)).toBe('json');
  });

  it('writes human-readable lines through the pretty stream, still redacted', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const logger = createLogger('convene', 'info', prettyStream(out, false));
    logger.info({ accountId: 'acc-1', email: 'amina@example.org' }, 'coordinator signed in');
    await new Promise((resolve) => setImmediate(resolve));
    const [line = ''] = text.split('\n');
    expect(line).toMatch(/^\[\d{2}:\d{2}:\d{2}\] INFO \(convene\): coordinator signed in$/);
    expect(text).toContain('accountId: "acc-1"');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('amina@example.org');
  });

  it('stays JSON lines when stdout is not a terminal, even in development', () => {
    const written: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    const wasTerminal = process.stdout.isTTY;
    process.stdout.isTTY = false;
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(chunk.toString());
      return true;
    }) as typeof process.stdout.write;
    try {
      createProcessLogger('convene', { NODE_ENV: 'development', LOG_LEVEL: 'info' }).info({ n: 1 }, 'hello');
    } finally {
      process.stdout.write = original;
      process.stdout.isTTY = wasTerminal;
    }
    expect(JSON.parse(written.join(''))).toMatchObject({ name: 'convene', msg: 'hello', n: 1 });
  });

  it('turns pretty when the same process writes to a terminal in development', () => {
    const written: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    const wasTerminal = process.stdout.isTTY;
    process.stdout.isTTY = true;
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(chunk.toString());
      return true;
    }) as typeof process.stdout.write;
    try {
      createProcessLogger('convene', { NODE_ENV: 'development', LOG_LEVEL: 'info' }).info({ n: 1 }, 'hello');
    } finally {
      process.stdout.write = original;
      process.stdout.isTTY = wasTerminal;
    }
    const text = written.join('');
    expect(text).toMatch(/INFO.*\(convene\).*hello/);
    expect(() => JSON.parse(text)).toThrow();
  });
});

import { pino, type Logger } from 'pino';

/*
 * Logs carry ids, never personal data or report text. The redaction below is a safety net
 * for mistakes, not a licence to log whole objects.
 */
const REDACT = [
  'email',
  'password',
  'token',
  'manageToken',
  'joinUrl',
  'to',
  '*.email',
  '*.name',
  '*.password',
  '*.token',
  '*.manageToken',
  '*.joinUrl',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

export type { Logger };

/** The structured logger of a process. */
export function createLogger(name: string, level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { name, level, redact: { paths: REDACT, censor: '[redacted]' } },
    destination ?? process.stdout,
  );
}

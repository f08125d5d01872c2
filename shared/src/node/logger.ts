import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type { PinoPretty as PinoPrettyFactory } from 'pino-pretty';

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
  return pino({ name, level, redact: { paths: REDACT, censor: '[redacted]' } }, destination ?? process.stdout);
}

export type LogFormat = 'json' | 'pretty';

/**
 * JSON lines, unless a developer reads them at a terminal: production, CI, containers and
 * tests (which parse the lines) all write to a pipe or a file, and keep JSON.
 */
export function logFormatFor(nodeEnv: string, stdoutIsTerminal: boolean): LogFormat {
  return nodeEnv === 'development' && stdoutIsTerminal ? 'pretty' : 'json';
}

/** Human-readable lines for a terminal: time, level, message, then the fields (still redacted). */
export function prettyStream(destination: NodeJS.WritableStream = process.stdout, colorize = true) {
  // Loaded (synchronously, it is CommonJS) only for a terminal: production, containers and tests never need it.
  const { PinoPretty } = createRequire(import.meta.url)('pino-pretty') as { PinoPretty: typeof PinoPrettyFactory };
  return PinoPretty({
    destination,
    colorize,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    // Written on the main thread, so lines keep their order with what the process prints itself.
    sync: true,
  });
}

/** The logger of a running process: JSON, or pretty output for a developer at a terminal. */
export function createProcessLogger(name: string, env: { NODE_ENV: string; LOG_LEVEL: string }): Logger {
  const terminal = Boolean(process.stdout.isTTY);
  return logFormatFor(env.NODE_ENV, terminal) === 'pretty'
    ? createLogger(name, env.LOG_LEVEL, prettyStream())
    : createLogger(name, env.LOG_LEVEL);
}

const EMAIL = /[^\s<>()"',;:@]+@[^\s<>()"',;:@]+\.[^\s<>()"',;:@]+/g;

// Drizzle's query errors end with the statement's parameters: names, emails, report text.
const QUERY_PARAMS = /\nparams: [\s\S]*$/;

/** Masks email addresses (SMTP replies and database errors quote them) and query parameters in free text. */
export function maskPersonalData(text: string): string {
  return text.replace(QUERY_PARAMS, '\nparams: [omitted]').replace(EMAIL, '[email]');
}

/**
 * An error as it may be logged: type, code and a masked message and stack — never the
 * driver's extra fields (a PostgreSQL error's `detail` quotes the row's values).
 */
export function loggableError(err: unknown): { type: string; code?: string; message: string; stack?: string } {
  if (!(err instanceof Error)) return { type: typeof err, message: maskPersonalData(String(err)) };
  const code = (err as { code?: unknown }).code;
  const message = maskPersonalData(err.message);
  // The stack repeats the message before the frames: keep only the masked one.
  const at = err.stack?.indexOf(err.message) ?? -1;
  const stack =
    err.stack && at >= 0
      ? `${err.stack.slice(0, at)}${message}${maskPersonalData(err.stack.slice(at + err.message.length))}`
      : err.stack && maskPersonalData(err.stack);
  return {
    type: err.name,
    ...(typeof code === 'string' ? { code } : {}),
    message,
    ...(stack ? { stack } : {}),
  };
}

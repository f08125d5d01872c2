import type { TFieldError } from '@convene/shared';

/**
 * The one error type services throw. The error middleware turns it into
 * { error: { code, message, fields? } } with its status.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, TFieldError>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what: string): AppError {
    return new AppError(404, 'not_found', `${what} not found`);
  }

  static unavailable(message = 'The service is temporarily unavailable'): AppError {
    return new AppError(503, 'unavailable', message, undefined, { 'Retry-After': '5' });
  }
}

import { englishError, fieldErrorsFromZod } from '@convene/shared';
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/** Parses req.body with a shared schema; 400 with field errors when it does not fit. */
export function validateBody(schema: z.ZodType): RequestHandler {
  return (req, _res, next) => {
    if (req.body === undefined || req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
      throw new AppError(400, 'invalid_body', 'Send a JSON object with Content-Type: application/json');
    }
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) {
      throw new AppError(
        400,
        'validation_failed',
        'Some fields are invalid',
        fieldErrorsFromZod(parsed.error, englishError),
      );
    }
    req.body = parsed.data;
    next();
  };
}

/** A path parameter that does not fit its schema names nothing: 404, like an unknown one. */
export function validateParam(name: string, schema: z.ZodType, what: string): RequestHandler {
  return (req, _res, next) => {
    if (!schema.safeParse(req.params[name]).success) throw AppError.notFound(what);
    next();
  };
}

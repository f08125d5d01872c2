import { HONEYPOT_FIELD } from '@convene/shared';
import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error.js';

/**
 * The public forms carry a field people never see (visually hidden, aria-hidden, out of
 * the tab order, autocomplete off): a script that fills every input fills it too. Filled,
 * the request is refused with a 400 before anything is read, stored or mailed — refused
 * rather than faked as a success, so that a person whose browser filled it after all is
 * told, instead of waiting for a confirmation that never comes. Empty, it is removed and
 * the body goes on to the usual strict validation.
 */
export const honeypot: RequestHandler = (req, _res, next) => {
  const body = req.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object' && !Array.isArray(body) && HONEYPOT_FIELD in body) {
    const value = body[HONEYPOT_FIELD];
    if (value !== '' && value !== null && value !== undefined) {
      throw new AppError(400, 'honeypot_filled', 'This form could not be sent; reload the page and try again');
    }
    delete body[HONEYPOT_FIELD];
  }
  next();
};

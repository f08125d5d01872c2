import { loggableError, type Logger } from '@convene/shared/node';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors/app-error.js';

type HttpishError = { status?: number; statusCode?: number; type?: string; code?: string; message?: string };

/** Maps errors thrown by libraries (body parser, CSRF) to AppErrors. */
function fromLibraryError(err: HttpishError): AppError | undefined {
  switch (err.type) {
    case 'entity.too.large':
      return new AppError(413, 'payload_too_large', 'The request body is too large');
    case 'entity.parse.failed':
      return new AppError(400, 'invalid_json', 'The request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'unsupported_encoding', 'Send UTF-8 JSON');
    case 'request.aborted':
      return new AppError(400, 'request_aborted', 'The request was aborted');
    default:
      break;
  }
  if (err.code === 'EBADCSRFTOKEN') {
    return new AppError(403, 'csrf_invalid', 'Missing or invalid CSRF token: send the x-csrf-token header');
  }
  const status = err.status ?? err.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(status, 'bad_request', err.message ?? 'Bad request');
  }
  return undefined;
}

/** The one place errors become the JSON shape { error: { code, message, fields? } }. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const appError = err instanceof AppError ? err : fromLibraryError(err as HttpishError);
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    if (!appError) {
      logger.error({ err: loggableError(err), reqId: req.id }, 'unhandled error');
      res.status(500).json({ error: { code: 'internal', message: 'Something went wrong; it has been logged' } });
      return;
    }
    if (appError.headers) res.set(appError.headers);
    res.status(appError.status).json({
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.fields ? { fields: appError.fields } : {}),
      },
    });
  };
}

/** Unknown API routes answer in the same JSON shape. */
export const apiNotFound: RequestHandler = () => {
  throw new AppError(404, 'not_found', 'No such API route');
};

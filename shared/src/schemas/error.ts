import { z } from 'zod';

export const ZFieldError = z.object({
  /** Catalog key under errors.* — the client shows it in the reader's language. */
  code: z.string(),
  /** English text, for API users and logs. */
  message: z.string(),
});
export type TFieldError = z.infer<typeof ZFieldError>;

/** The one error shape of every API response with status >= 400. */
export const ZApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), ZFieldError).optional(),
    /** Problems tied to lines of an uploaded file (CSV imports), the header being line 1. */
    lines: z.array(z.object({ line: z.number().int(), code: z.string(), message: z.string() })).optional(),
  }),
});
export type TApiError = z.infer<typeof ZApiError>;

import type { z } from 'zod';
import type { TFieldError } from './error.js';

// The schemas' own messages are catalog keys ("too_long"); zod's defaults are sentences.
// Recognizing the keys by their shape keeps every catalog out of this module, which the
// browser loads with its forms.
const CATALOG_KEY = /^[a-z][a-z0-9_]*$/;

/**
 * Turns a zod error into { "path.to.field": { code, message } }: one entry per field, the
 * first problem wins. The code is a catalog key (errors.<code>) so the client can show it
 * in the reader's language; the server passes `englishError` for the message of its API
 * answers, the browser needs only the code.
 */
export function fieldErrorsFromZod(
  error: z.ZodError,
  messageOf: (code: string) => string = (code) => code,
): Record<string, TFieldError> {
  // No prototype: a field named "__proto__" or "constructor" is a field like any other.
  const fields: Record<string, TFieldError> = Object.create(null) as Record<string, TFieldError>;
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of keys) {
      const name = path.map(String).join('.') || '_body';
      if (fields[name]) continue;
      const code = codeOf(issue);
      fields[name] = { code, message: messageOf(code) };
    }
  }
  return fields;
}

function codeOf(issue: z.core.$ZodIssue): string {
  if (CATALOG_KEY.test(issue.message)) return issue.message;
  if (issue.code === 'unrecognized_keys') return 'unknown_field';
  // zod leaves the input out of issues unless asked; its default message names what it got.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'required';
  if (issue.code === 'too_big') return 'too_long';
  return 'invalid_value';
}

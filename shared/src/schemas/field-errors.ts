import type { z } from 'zod';
import { en } from '../i18n/en.js';
import type { TFieldError } from './error.js';

const knownCodes = new Set(Object.keys(en.errors));

/**
 * Turns a zod error into { "path.to.field": { code, message } }: one entry per field, the
 * first problem wins. The code is a catalog key (errors.<code>) so the client can show it
 * in the reader's language; the message is the English text.
 */
export function fieldErrorsFromZod(error: z.ZodError): Record<string, TFieldError> {
  const fields: Record<string, TFieldError> = {};
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of keys) {
      const name = path.map(String).join('.') || '_body';
      if (fields[name]) continue;
      const code = codeOf(issue);
      fields[name] = { code, message: (en.errors as Record<string, string>)[code] ?? en.errors.invalid_value };
    }
  }
  return fields;
}

function codeOf(issue: z.core.$ZodIssue): string {
  if (knownCodes.has(issue.message)) return issue.message;
  if (issue.code === 'unrecognized_keys') return 'unknown_field';
  // zod leaves the input out of issues unless asked; its default message names what it got.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'required';
  if (issue.code === 'too_big') return 'too_long';
  return 'invalid_value';
}

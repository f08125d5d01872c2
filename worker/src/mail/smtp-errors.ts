/**
 * SMTP replies 5xx are permanent (bad address, rejected content): retrying cannot help.
 * Everything else — 4xx (421 busy, 451 greylisting) and network errors — is temporary.
 */
export function isPermanentSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** 421 (service not available, closing) and 450/451/452 ask the sender to back off. */
export function isThrottlingSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: unknown }).responseCode;
  return code === 421 || code === 450 || code === 451 || code === 452;
}

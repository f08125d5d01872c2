/**
 * The name of the public forms' trap field: hidden from people, filled by scripts that fill
 * every input. The server refuses a request where it is filled (server/src/middlewares/honeypot.ts).
 */
export const HONEYPOT_FIELD = 'website';

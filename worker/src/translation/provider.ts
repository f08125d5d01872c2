import type { TLanguage } from '@convene/shared';

/** A language pair a provider can translate, and the language it goes through when not direct. */
export type TranslationPair = { from: TLanguage; to: TLanguage; pivot: TLanguage | null };

export type TranslationResult = { text: string; pivot: TLanguage | null };

/**
 * A machine translator the worker calls (never the API, never on a request). `sendsTextOutside`
 * says whether report text leaves the deployment: the workspace tells reviewers so.
 */
export type TranslationProvider = {
  readonly name: 'apertium' | 'libretranslate';
  readonly sendsTextOutside: boolean;
  /** The host that receives the text. */
  readonly host: string;
  pairs(): Promise<TranslationPair[]>;
  translate(text: string, from: TLanguage, to: TLanguage): Promise<TranslationResult>;
};

/**
 * A provider failure. `permanent` ones (an unsupported pair, a refused key, a bad request) are
 * not retried; others (the service down, overloaded, timing out) are, with the queue's backoff.
 */
export class TranslationError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'TranslationError';
  }
}

/** Bounded fetch: a provider that hangs fails the attempt instead of holding the job for ever. */
export async function fetchWithin(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new TranslationError(`provider unreachable: ${(err as Error).name}`, false);
  }
}

/** 4xx other than 408/429 will not get better by retrying. */
export function isPermanentStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

import type { TCreateRegistration, TPublicWebinar, TPublicWebinarList, TRegistrationResult } from '@convene/shared';
import { requestJson, type ApiResult, type ApiSchemas, type Parser } from '../../common/api/http';
import { takeEmbedded } from '../../common/page-data';

// Webinars seen in the list, so opening one shows it at once while it is fetched again.
const seen = new Map<string, TPublicWebinar>();

/** The webinar last seen in the list, if any: instant first paint on a slow link. */
export function cachedWebinar(slug: string): TPublicWebinar | undefined {
  return seen.get(slug);
}

/** Upcoming scheduled webinars, soonest first. */
export async function fetchWebinars(signal?: AbortSignal): Promise<ApiResult<TPublicWebinarList>> {
  // The list the page came with (server/src/client-pages), on its first render only.
  const embedded = takeEmbedded<TPublicWebinarList>('/api/webinars');
  const result: ApiResult<TPublicWebinarList> = embedded
    ? { ok: true, status: 200, data: embedded }
    : await requestJson('/api/webinars', (s) => s.ZPublicWebinarList, { signal });
  if (result.ok) for (const w of result.data.webinars) seen.set(w.slug, w);
  return result;
}

// shared/ has no schema for the { webinar } envelope; unwrap it and parse what it holds.
const webinarResponse = ({ ZPublicWebinar }: ApiSchemas): Parser<{ webinar: TPublicWebinar }> => ({
  safeParse(value) {
    const webinar = ZPublicWebinar.safeParse((value as { webinar?: unknown } | null)?.webinar);
    return webinar.success ? { success: true, data: { webinar: webinar.data } } : { success: false };
  },
});

/** One public webinar by slug (404 when unknown or not public). */
export async function fetchWebinar(
  slug: string,
  signal?: AbortSignal,
): Promise<ApiResult<{ webinar: TPublicWebinar }>> {
  const result = await requestJson(`/api/webinars/${encodeURIComponent(slug)}`, webinarResponse, { signal });
  if (result.ok) seen.set(slug, result.data.webinar);
  return result;
}

/** Registers for a webinar; 201 when new, 200 when this email was already registered. */
export function register(
  slug: string,
  // The trap field travels only when something filled it (see honeypot-field.tsx).
  input: TCreateRegistration & { website?: string },
): Promise<ApiResult<TRegistrationResult>> {
  return requestJson(`/api/webinars/${encodeURIComponent(slug)}/registrations`, (s) => s.ZRegistrationResult, {
    method: 'POST',
    body: input,
  });
}

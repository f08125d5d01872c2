import { isLanguage, type TLanguage } from '@convene/shared';
import { requestJson, type ApiResult, type Parser } from '../../common/api/http';

/** What an invitation knows of the invited contact, to fill in the registration form. */
export type InvitationPrefill = {
  name: string;
  email: string;
  organization: string;
  country: string | null;
  language: TLanguage;
  timeZone: string | null;
};

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

// shared/ has no schema for invitations yet: check the { prefill } envelope by hand.
const invitationResponse: Parser<{ prefill: InvitationPrefill }> = {
  safeParse(value) {
    const p = (value as { prefill?: Record<string, unknown> } | null)?.prefill;
    if (typeof p !== 'object' || p === null) return { success: false };
    if (
      !isString(p.name) ||
      !isString(p.email) ||
      !isString(p.organization) ||
      !isStringOrNull(p.country) ||
      !isStringOrNull(p.timeZone) ||
      !isLanguage(p.language)
    ) {
      return { success: false };
    }
    return {
      success: true,
      data: {
        prefill: {
          name: p.name,
          email: p.email,
          organization: p.organization,
          country: p.country,
          language: p.language,
          timeZone: p.timeZone,
        },
      },
    };
  },
};

/** The details an invitation link carries (404 when the token is unknown). */
export function fetchInvitation(
  token: string,
  signal?: AbortSignal,
): Promise<ApiResult<{ prefill: InvitationPrefill }>> {
  return requestJson(`/api/invitations/${encodeURIComponent(token)}`, () => invitationResponse, { signal });
}

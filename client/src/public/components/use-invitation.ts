import { useEffect, useState } from 'react';
import { fetchInvitation, type InvitationPrefill } from '../api/invitations';

const PARAM = 'invite';

/** The ?invite= token an invitation email's link carries, if any. */
function inviteToken(): string | null {
  return new URLSearchParams(window.location.search).get(PARAM)?.trim() || null;
}

/**
 * Once the details are in, the token leaves the address bar: a link copied from there to
 * pass the webinar on must not fill in the invited person's name and email for someone else.
 */
function forgetInviteToken(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(PARAM)) return;
  url.searchParams.delete(PARAM);
  window.history.replaceState(window.history.state, '', url);
}

/**
 * The invited contact's details when the page was opened from an invitation email
 * (?invite=<token>), fetched once; null without a token, or when it is unknown or fails.
 */
export function useInvitationPrefill(): InvitationPrefill | null {
  const [token] = useState(inviteToken);
  const [prefill, setPrefill] = useState<InvitationPrefill | null>(null);

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    fetchInvitation(token, controller.signal).then(
      (result) => {
        if (!result.ok) return; // nothing to fill in: the reader types their details
        setPrefill(result.data.prefill);
        forgetInviteToken();
      },
      () => undefined, // aborted on unmount
    );
    return () => controller.abort();
  }, [token]);

  return prefill;
}

import { createHash } from 'node:crypto';

/** sha256 of a link's token: what the database keeps of it. */
export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('base64url');

import { z } from 'zod';

/**
 * The body of every "erase this for good" request (a registrant deleting their registration, a
 * reporter withdrawing a report, a coordinator erasing someone on request): the second, explicit
 * step the page asks for, so that a stray or replayed POST without it erases nothing.
 */
export const ZConfirmErasure = z.object({ confirm: z.literal(true, { error: 'confirm_required' }) });
export type TConfirmErasure = z.infer<typeof ZConfirmErasure>;

/** What a registrant's manage link answers once the registration was deleted (410). */
export const REGISTRATION_DELETED = 'registration_deleted';

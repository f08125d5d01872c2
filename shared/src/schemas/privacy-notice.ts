import { z } from 'zod';

/**
 * GET /api/privacy: the facts the privacy notice states that depend on the deployment — who
 * the controller is and how to reach them, the configured retention periods, and the consent
 * versions the forms show today. The notice's wording itself is in the privacy catalogs.
 */
export const ZPrivacyFacts = z.object({
  controller: z.object({
    /** Null: the operator did not name it, and the notice says "the coalition" in the reader's language. */
    name: z.string().nullable(),
    email: z.string(),
    /** Postal address, when the operator gave one. */
    address: z.string().nullable(),
  }),
  retention: z.object({
    registrantDays: z.number().int(),
    reporterDays: z.number().int(),
    contactDays: z.number().int(),
  }),
  consentVersions: z.object({ registration: z.string(), report: z.string() }),
});
export type TPrivacyFacts = z.infer<typeof ZPrivacyFacts>;

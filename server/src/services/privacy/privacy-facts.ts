import { currentConsentVersion, type TPrivacyFacts } from '@convene/shared';
import { retentionPolicyFromEnv } from '@convene/shared/privacy';
import type { ServerEnv } from '../../env.js';

/**
 * What the privacy notice states about this deployment: read from the same environment the
 * retention purge runs on, so the periods it promises are the periods applied.
 */
export function privacyFacts(env: ServerEnv): TPrivacyFacts {
  const policy = retentionPolicyFromEnv(env);
  return {
    controller: {
      name: env.PRIVACY_CONTROLLER_NAME ?? null,
      email: env.PRIVACY_CONTACT_EMAIL,
      address: env.PRIVACY_CONTACT_ADDRESS ?? null,
    },
    retention: {
      registrantDays: policy.registrantDays,
      reporterDays: policy.reporterDays,
      contactDays: policy.contactDays,
    },
    consentVersions: {
      registration: currentConsentVersion('registration'),
      report: currentConsentVersion('report'),
    },
  };
}

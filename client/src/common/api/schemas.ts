/*
 * The shared zod schemas the API's answers are checked with. zod is about 25 KB gzipped, a
 * quarter of the client, and no page needs it before its first request: this module is
 * imported on demand (loadApiSchemas in ./http) and downloads alongside that request
 * instead of before the first render. See README "Client bundle budget".
 */
export {
  ZApiError,
  ZCreateReport,
  ZManagedRegistration,
  ZPrivacyFacts,
  ZPublicWebinar,
  ZPublicReporterKey,
  ZPublicWebinarList,
  ZRegistrationResult,
  ZReporterIdentity,
  ZReportReceipt,
  ZReportSubmitted,
  ZThemeKeywords,
  ZThemeList,
} from '@convene/shared';

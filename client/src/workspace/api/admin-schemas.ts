/*
 * The shared zod schemas the workspace checks the API's answers and live events with. Loaded on
 * first use (loadAdminSchemas), in a chunk of the workspace's own: public pages never load them.
 *
 * The public pages' schemas are re-exported too: the workspace then reaches every module they
 * use, so the bundler keeps those modules in the chunks the public pages already load instead of
 * splitting them (more files, more bytes) along the workspace's needs.
 */
export * from '../../common/api/schemas';
export {
  ZAccount,
  ZAccountProfile,
  ZAdminConsultation,
  ZAdminReport,
  ZAdminReportList,
  ZAdminTheme,
  ZAdminThemeList,
  ZAdminWebinar,
  ZAttendanceImportResult,
  ZAuditEntry,
  ZCampaign,
  ZCampaignPreview,
  ZCampaignProgress,
  ZCompilation,
  ZContact,
  ZContactImportResult,
  ZContactList,
  ZCreateWebinar,
  ZInvitationCreated,
  ZMe,
  ZMergeResult,
  ZOutboxList,
  ZOverview,
  ZPublication,
  ZRegistrant,
  ZRegistrantList,
  ZIdentityReveal,
  ZReporterKeyList,
  ZReportSubmittedEvent,
  ZReportWithdrawnEvent,
  ZReportTranslations,
  ZRetentionForecast,
  ZTranslationProviderInfo,
  ZUpdateWebinar,
} from '@convene/shared';

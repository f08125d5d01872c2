export { startWorkers, workerOptionsFromEnv, type RunningWorkers, type WorkerOptions } from './start-workers.js';
export { loadWorkerEnv, ZWorkerEnv, type WorkerEnv } from './env.js';
export { handleSendNotification } from './jobs/send-notification.handler.js';
export { handleReconcileOutbox } from './jobs/reconcile-outbox.handler.js';
export type { WorkerDeps } from './jobs/worker-deps.js';
export { createMailTransport } from './mail/transport.js';
export { renderInvitationFor } from './mail/templates/invitation.js';
export { rendererFor, renderedKinds } from './mail/templates/index.js';
export { htmlLink, textUrl, MAIL_LINK_STYLE } from './mail/links.js';
export type { NotificationContext } from './outbox/notification-context.js';
export { registrationIcs } from './mail/templates/registration-calendar.js';
export { handleTranslateReport } from './jobs/translate-report.handler.js';
export {
  createTranslationProvider,
  describeTranslationProvider,
  translationEnvIssues,
  translationEnvShape,
  type TranslationEnv,
} from './translation/config.js';
export { apertiumProvider } from './translation/apertium.js';
export { libreTranslateProvider } from './translation/libretranslate.js';
export { TranslationError, type TranslationProvider, type TranslationPair } from './translation/provider.js';

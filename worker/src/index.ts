export { startWorkers, workerOptionsFromEnv, type RunningWorkers, type WorkerOptions } from './start-workers.js';
export { loadWorkerEnv, ZWorkerEnv, type WorkerEnv } from './env.js';
export { handleSendNotification } from './jobs/send-notification.handler.js';
export { handleReconcileOutbox } from './jobs/reconcile-outbox.handler.js';
export type { WorkerDeps } from './jobs/worker-deps.js';
export { createMailTransport } from './mail/transport.js';
export { renderInvitationFor } from './mail/templates/invitation.js';
export { registrationIcs } from './mail/templates/registration-calendar.js';

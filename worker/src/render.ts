/**
 * The mail renderers the API uses itself (campaign previews, the .ics download), without the
 * rest of the worker: importing the package root loads BullMQ's Worker, nodemailer and every
 * job handler, about 20 MB of heap an API-only process never uses.
 */
export { renderInvitationFor } from './mail/templates/invitation.js';
export { registrationIcs } from './mail/templates/registration-calendar.js';

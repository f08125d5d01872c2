import type { Benchmark } from '../types.js';
import { invitationsVsRawNodemailer } from './invitations-vs-raw-nodemailer.js';
import { publicPages } from './public-pages.js';
import { registrationVsEcho } from './registration-vs-echo.js';
import { reminderLateness } from './reminder-lateness.js';

/** Every benchmark, in the order `npm run bench` runs them. Add new ones here. */
export const BENCHMARKS: readonly Benchmark[] = [
  registrationVsEcho,
  invitationsVsRawNodemailer,
  reminderLateness,
  publicPages,
];

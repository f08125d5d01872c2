import type { Benchmark } from '../types.js';
import { briefRender100k } from './brief-render-100k.js';
import { compileThemeVsSql } from './compile-theme-vs-sql.js';
import { csvExport100k } from './csv-export-100k.js';
import { memoryEmbedded } from './memory-embedded.js';
import { memorySplitMode } from './memory-split-mode.js';
import { scaleOutInvitations } from './scale-out-invitations.js';
import { invitationsVsRawNodemailer } from './invitations-vs-raw-nodemailer.js';
import { publicPages } from './public-pages.js';
import { registrationVsEcho } from './registration-vs-echo.js';
import { reminderLateness } from './reminder-lateness.js';
import { reportEventVsSocketio } from './report-event-vs-socketio.js';

/**
 * Every benchmark, in the order `npm run bench` runs them. Add new ones here.
 * compile_theme_vs_sql, csv_export_100k and brief_render_100k share their 100,000-report corpus
 * only when they run one right after the other: keep them adjacent.
 */
export const BENCHMARKS: readonly Benchmark[] = [
  registrationVsEcho,
  invitationsVsRawNodemailer,
  reminderLateness,
  publicPages,
  compileThemeVsSql,
  csvExport100k,
  briefRender100k,
  reportEventVsSocketio,
  memorySplitMode,
  memoryEmbedded,
  scaleOutInvitations,
];

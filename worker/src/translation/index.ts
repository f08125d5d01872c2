/**
 * What the API needs of machine translation — its settings and which provider sees the text —
 * without the rest of the worker (the package root loads BullMQ's Worker, nodemailer and every
 * job handler, which an API-only process never uses).
 */
export {
  createTranslationProvider,
  describeTranslationProvider,
  translationEnvIssues,
  translationEnvShape,
  type TranslationEnv,
} from './config.js';
export { apertiumProvider } from './apertium.js';
export { libreTranslateProvider } from './libretranslate.js';
export { TranslationError, type TranslationPair, type TranslationProvider } from './provider.js';

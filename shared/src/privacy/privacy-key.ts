import { loadOrCreateLocalSecret } from '../node/local-secret.js';

/**
 * PRIVACY_KEY when set; otherwise a key generated once and kept in DATA_DIR, so the embedded
 * default (API and worker in one process, one DATA_DIR) keeps matching the hashes it wrote.
 * Production requires the variable: separate processes must share one key.
 */
export function loadOrCreatePrivacyKey(configured: string | undefined, dataDir: string): string {
  return loadOrCreateLocalSecret(configured, dataDir, 'privacy-key');
}

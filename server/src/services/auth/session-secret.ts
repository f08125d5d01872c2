import { loadOrCreateLocalSecret } from '@convene/shared/node';

/**
 * SESSION_SECRET when set; otherwise a secret generated once and kept in DATA_DIR, so
 * sessions survive a restart of a development install.
 */
export function loadOrCreateSessionSecret(configured: string | undefined, dataDir: string): string {
  return loadOrCreateLocalSecret(configured, dataDir, 'session-secret');
}

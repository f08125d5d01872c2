import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PRIVACY_KEY when set; otherwise a key generated once and kept in DATA_DIR, so the embedded
 * default (API and worker in one process, one DATA_DIR) keeps matching the hashes it wrote.
 * Production requires the variable: separate processes must share one key.
 */
export function loadOrCreatePrivacyKey(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'privacy-key');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not created yet.
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(48).toString('base64url');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

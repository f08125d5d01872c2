import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever a workspace script was started from. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** DATA_DIR as an absolute path; relative values are taken from the repository root. */
export function resolveDataDir(value: string | undefined): string {
  return path.resolve(REPO_ROOT, value && value.length > 0 ? value : 'data');
}

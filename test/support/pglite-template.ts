import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MIGRATIONS_FOLDER, openDatabase } from '@convene/shared/db';

/*
 * A fresh PGlite costs seconds (initdb in WebAssembly, then every migration); the suite starts
 * a hundred of them. So the suite migrates one empty database once (jest globalSetup) and each
 * test copies its files (~0.5 s). The template's name carries a hash of the migrations, so a
 * changed migration is never served from an old copy; a test run without the global setup
 * (a benchmark) finds no template and starts from nothing, as before.
 */

/** A short hash of every migration file: a template is only ever served for the migrations it has. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(readFileSync(full));
    }
  };
  walk(MIGRATIONS_FOLDER);
  return hash.digest('hex').slice(0, 16);
}

/** Where the migrated template of the current migrations lives (it may not exist yet). */
export function pgliteTemplateDir(): string {
  return path.join(tmpdir(), `convene-pglite-template-${migrationsHash()}`);
}

/** Creates the template once; concurrent runs each build their own and the first rename wins. */
export async function ensurePgliteTemplate(): Promise<void> {
  const target = pgliteTemplateDir();
  if (existsSync(target)) return;
  const work = mkdtempSync(path.join(tmpdir(), 'convene-pglite-build-'));
  const database = await openDatabase({ dataDir: work });
  await database.close();
  try {
    renameSync(path.join(work, 'pglite'), target);
  } catch {
    // Another run renamed its copy first: theirs is the same migrations.
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Copies the template into a test's DATA_DIR, if there is one; false when there is none. */
export function copyPgliteTemplate(dataDir: string): boolean {
  const template = pgliteTemplateDir();
  if (!existsSync(template)) return false;
  cpSync(template, path.join(dataDir, 'pglite'), { recursive: true });
  return true;
}

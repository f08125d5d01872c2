import { execFile } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '@convene/shared/node';

/**
 * Compiles shared, worker and server into their dist/ folders (`npm run build:node`), so that
 * a test runs the JavaScript production runs. Incremental: a few seconds when .ci/run (or a
 * developer) built already; about two minutes cold on the 2-core machine.
 */
export async function ensureCompiledBuild(timeoutMs = 280_000): Promise<void> {
  const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [tsc, '-b', 'server/tsconfig.build.json'],
      { cwd: REPO_ROOT, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) =>
        err ? reject(new Error(`tsc -b failed (${err.message}):\n${stdout}\n${stderr}`)) : resolve(),
    );
  });
}

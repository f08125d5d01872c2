import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The system Chromium (Debian's); never a downloaded one. CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Makes sure the server has a client to serve: builds client/dist when it is missing or older
 * than its sources (the same check `npm start` makes), and fails clearly if it still is not there.
 */
export function ensureClientBuild(): void {
  const index = path.join(REPO_ROOT, 'client', 'dist', 'index.html');
  try {
    // A production build: jest sets NODE_ENV=test, which would ship development React.
    execSync('node scripts/ensure-client-build.mjs', {
      cwd: REPO_ROOT,
      stdio: 'pipe',
      timeout: 180_000,
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } catch (err) {
    const output = (err as { stdout?: Buffer; stderr?: Buffer }).stdout?.toString() ?? '';
    const errors = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`Building the client failed (run "npm run build -w client"):\n${output}\n${errors}`, {
      cause: err,
    });
  }
  if (!existsSync(index)) {
    throw new Error(`${index} is missing after the build: run "npm run build -w client" and look at its output.`);
  }
}

/** Launches headless Chromium from CHROMIUM_PATH, with a clear message when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

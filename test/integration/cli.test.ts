import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { openDatabase } from '@convene/shared/db';
import { REPO_ROOT } from '@convene/shared/node';
import { authenticate } from '../../server/src/services/auth/authenticate.js';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

describe('npm run cli -- create-admin', () => {
  it('creates an admin who can then sign in, and refuses a weak password', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'convene-cli-'));
    try {
      const run = (...args: string[]) =>
        spawnSync(TSX, [path.join(REPO_ROOT, 'server/src/cli/index.ts'), ...args], {
          env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
          encoding: 'utf8',
          timeout: 60_000,
        });
      const weak = run('create-admin', '--email', 'chief@example.org', '--password', 'short');
      expect(weak.status).toBe(2);
      const ok = run('create-admin', '--email', 'Chief@Example.org', '--password', 'a sufficiently long one');
      expect(ok.status).toBe(0);

      const database = await openDatabase({ dataDir });
      try {
        expect(await authenticate(database.db, 'chief@example.org', 'a sufficiently long one')).toMatchObject({
          role: 'admin',
        });
        expect(await authenticate(database.db, 'chief@example.org', 'wrong')).toBeNull();
      } finally {
        await database.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

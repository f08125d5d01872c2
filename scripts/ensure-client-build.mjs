// Builds the client before `npm start` when client/dist is missing or older than its sources.
import { execSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'client', 'dist', 'index.html');

function newest(target) {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newest(path.join(target, name))));
}

const builtAt = newest(built);
const sources = ['client/src', 'client/index.html', 'client/vite.config.ts', 'shared/src'].map((p) =>
  path.join(root, p),
);
if (builtAt === 0 || Math.max(...sources.map(newest)) > builtAt) {
  process.stdout.write('Building the client (client/dist)…\n');
  execSync('npm run build -w client', { cwd: root, stdio: 'inherit' });
}

import { parseArgs } from 'node:util';
import { ZEmail } from '@convene/shared';
import { openDatabase } from '@convene/shared/db';
import { loadServerEnv } from '../env.js';
import { createAccount } from '../services/auth/create-account.js';

const USAGE = `Usage: npm run cli -- create-admin --email <email> --password <password>
  Creates an admin account, or resets the password of an existing one.
  With the embedded database (no DATABASE_URL), stop the server first: PGlite is single-process.`;

/** Command-line tasks for operators. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'create-admin') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' } } });
  const email = ZEmail.safeParse(values.email ?? '');
  if (!email.success || !values.password || values.password.length < 12) {
    process.stderr.write(`create-admin needs a valid --email and a --password of 12 characters or more.\n${USAGE}\n`);
    return 2;
  }
  const env = loadServerEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await createAccount(database.db, email.data, values.password, 'admin');
    process.stdout.write(`Admin account ready: ${email.data.toLowerCase()}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));

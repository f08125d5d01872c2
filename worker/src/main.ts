import { openDatabase } from '@convene/shared/db';
import {
  createProcessLogger,
  createRedis,
  installShutdown,
  redisUnreachableMessage,
  waitForRedis,
} from '@convene/shared/node';
import { loadWorkerEnv } from './env.js';
import { startWorkers, workerOptionsFromEnv } from './start-workers.js';

// A separate worker process (production topology). Needs PostgreSQL: PGlite is single-process.
const env = loadWorkerEnv();
const logger = createProcessLogger('convene-worker', env);

if (!env.DATABASE_URL) {
  process.stderr.write(
    'convene worker: set DATABASE_URL to a PostgreSQL database. With the embedded PGlite database, "npm start" runs the workers in the server process.\n',
  );
  process.exit(1);
}

const probe = createRedis(env.REDIS_URL, 'producer');
try {
  await waitForRedis(probe, 3000);
} catch {
  process.stderr.write(`convene worker: ${redisUnreachableMessage(env.REDIS_URL)}\n`);
  process.exit(1);
} finally {
  probe.disconnect();
}

const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
const workers = await startWorkers(workerOptionsFromEnv(env, database.db, logger));

// The active jobs get SHUTDOWN_GRACE_SECONDS; the force-quit leaves 5 s more for Redis and the database.
installShutdown(
  async () => {
    await workers.close();
    await database.close();
  },
  logger,
  (env.SHUTDOWN_GRACE_SECONDS + 5) * 1000,
);

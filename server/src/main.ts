import { createProcessLogger, installShutdown, loggableError } from '@convene/shared/node';
import { loadServerEnv } from './env.js';
import { startServer, StartupError } from './start-server.js';

// Configuration is parsed first and completely: every problem is listed, then exit 1.
const env = loadServerEnv();
const apiOnly = process.argv.includes('--role=server') || !env.RUN_WORKER;

if (apiOnly && !env.DATABASE_URL) {
  process.stderr.write(
    'convene: the embedded PGlite database is single-process, so the API and the workers must run together.\n' +
      'Use "npm start", or set DATABASE_URL to a PostgreSQL database to run "start:server" and "start:worker" apart.\n',
  );
  process.exit(1);
}

// The worker package only when the workers run here: an API-only process never loads it.
const workerEnv = apiOnly ? null : (await import('@convene/worker')).loadWorkerEnv();
const logger = createProcessLogger('convene', env);

try {
  const running = await startServer({ env, workerEnv, logger });
  // Work gets SHUTDOWN_GRACE_SECONDS; the force-quit leaves 5 s more for Redis and the database.
  installShutdown(running.close, logger, (env.SHUTDOWN_GRACE_SECONDS + 5) * 1000);
} catch (err) {
  if (err instanceof StartupError) {
    process.stderr.write(`convene: ${err.message}\n`);
  } else {
    logger.fatal({ err: loggableError(err) }, 'start-up failed');
  }
  process.exit(1);
}

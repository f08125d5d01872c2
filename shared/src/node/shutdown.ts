import { loggableError, type Logger } from './logger.js';

/**
 * Graceful shutdown on SIGTERM/SIGINT: runs close() once; a second signal or the timeout
 * forces the exit, so a stuck connection never keeps a deployment from stopping.
 */
export function installShutdown(close: () => Promise<void>, logger: Logger, timeoutMs = 15_000): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown timed out: exiting');
      process.exit(1);
    }, timeoutMs).unref();
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err: loggableError(err) }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// What PGlite alone costs, for memory_embedded: a bare node process that opens PGlite in
// DATA_DIR with the platform's own openDatabase (drizzle, every migration) and then idles until
// SIGTERM. Run as the compiled build is: node --conditions=convene-dist.
import { openDatabase } from '@convene/shared/db';

const database = await openDatabase({ dataDir: process.env.DATA_DIR });
await database.ping();
process.stdout.write('pglite ready\n');
const timer = setInterval(() => undefined, 60_000);
process.once('SIGTERM', () => {
  clearInterval(timer);
  void database.close().then(() => process.exit(0));
});

/** Applies pending migrations to DATABASE_URL (or the embedded database) and exits: `npm run migrate`. */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/bootstrap';

async function main() {
  const db = await openDatabase(loadConfig(), (l) => process.stderr.write(`${l}\n`));
  process.stdout.write(db.applied.length ? `applied: ${db.applied.join(', ')}\n` : 'the database is up to date\n');
  await db.close();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

/** Loads the demo data into an empty database (DATABASE_URL or the embedded one): `npm run seed`. */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/bootstrap';
import { loadDemoDataIfEmpty } from './demo/load';

async function main() {
  const db = await openDatabase(loadConfig(), (l) => process.stderr.write(`${l}\n`));
  try {
    const loaded = await loadDemoDataIfEmpty(db.orm.em.fork());
    process.stdout.write(loaded ? 'demo data loaded\n' : 'the database has data already; nothing loaded\n');
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

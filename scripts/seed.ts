/**
 * Loads the demo data into an empty database (DATABASE_URL or the embedded one): `npm run seed`.
 * `npm run seed -- --scale large` loads at least 1,000,000 synthetic observations (for benchmarks)
 * instead of the demo's 150,000 or so; observations are loaded only into an empty table.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/bootstrap';
import { loadDemoDataIfEmpty } from './demo/load';
import { loadHarmDemoIfEmpty } from './demo/harm-load';

async function main() {
  const db = await openDatabase(loadConfig(), (l) => process.stderr.write(`${l}\n`));
  try {
    const at = process.argv.indexOf('--scale');
    const scale = at >= 0 ? process.argv[at + 1] : 'demo';
    if (scale !== 'demo' && scale !== 'large') throw new Error('--scale must be demo or large');
    const loaded = await loadDemoDataIfEmpty(db.orm.em.fork());
    process.stdout.write(loaded ? 'demo data loaded\n' : 'regions, agencies and people are there already\n');
    const harm = await loadHarmDemoIfEmpty(db.orm.em.fork(), { scale });
    process.stdout.write(harm ? `${harm.rows} synthetic observations loaded in ${(harm.ms / 1000).toFixed(1)} s\n` : 'observations are there already; nothing loaded\n');
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

import { ensureDatabase, migrate, openOrm } from '../../src/db/database';
import { loadDemoData } from '../../scripts/demo/load';
import { loadHarmCatalogue } from '../../scripts/demo/harm-load';

/**
 * Creates the database if needed, migrates it and loads the demo data with the harm catalogue
 * (categories, indicators, agreements) but no observations: tests bring their own cells.
 */
export async function prepareDemoDatabase(url: string): Promise<void> {
  await ensureDatabase(url);
  const orm = await openOrm(url);
  try {
    await migrate(orm);
    await loadDemoData(orm.em.fork());
    await loadHarmCatalogue(orm.em.fork());
  } finally {
    await orm.close(true);
  }
}

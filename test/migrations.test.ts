import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ensureDatabase, migrate, openOrm } from '../src/db/database';
import { dropDatabase, withDatabase } from './support/db-admin';

describe('migrations', () => {
  it('build an empty database from nothing, and match the entities exactly', async () => {
    const name = `pol_m_${randomBytes(4).toString('hex')}`;
    const url = withDatabase(inject('serverUrl'), name);
    await ensureDatabase(url);
    const orm = await openOrm(url);
    try {
      const applied = await migrate(orm);
      expect(applied.length).toBeGreaterThan(0);
      expect(await migrate(orm)).toEqual([]);
      // A change to an entity without a migration shows up here.
      expect(await orm.getMigrator().checkMigrationNeeded()).toBe(false);
      const tables = await orm.em.getConnection().execute<Array<{ table_name: string }>>(
        `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['agency', 'agency_unit', 'appointment', 'membership', 'person', 'post', 'region']),
      );
    } finally {
      await orm.close(true);
      await dropDatabase(inject('serverUrl'), name);
    }
  });
});

import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormConfig } from '../src/db/mikro-orm.config';
import { readRows } from '../src/db/sql';
import { openOrm } from '../src/db/database';
import { startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
let single: MikroORM;
beforeAll(async () => {
  hub = await startTestHub();
  // One pooled connection, so that its prepared statements can be listed from it.
  single = await MikroORM.init(ormConfig(hub.orm.config.get('clientUrl')!, { pool: { min: 0, max: 1 } }));
});
afterAll(async () => {
  await single?.close(true);
  await hub?.close();
});

const SQL = `select code, level, population from region where code in (?) and level = ? and (? or population > ?) order by code`;
const PARAMS = [['KSH-09', 'KSH-01', 'KSH-09-C01'], 'COUNTY', false, 0];

describe('hot reads as prepared statements', () => {
  it('answer exactly as the EntityManager does (arrays fill `in (?)`, booleans, numbers)', async () => {
    const em = single.em.fork();
    const expected = await em.execute(SQL, PARAMS);
    expect(expected.map((r) => r.code)).toEqual(['KSH-01', 'KSH-09']);
    for (let i = 0; i < 5; i++) expect(await readRows(em, SQL, PARAMS)).toEqual(expected);
    expect(await readRows(em, `select count(*)::int as n from region where code in (?)`, [[]])).toEqual([{ n: 0 }]);
  });

  it('are prepared once the same text has run a few times, and run inside a transaction on its connection', async () => {
    const em = single.em.fork();
    const text = `select id from region where code = ? and level = ? and population >= ?`;
    for (let i = 0; i < 4; i++) await readRows(em, text, ['KSH-09', 'COUNTY', i]);
    const prepared = await em.execute<Array<{ name: string; statement: string }>>(`select name, statement from pg_prepared_statements`);
    expect(prepared).toEqual(expect.arrayContaining([expect.objectContaining({ name: expect.stringMatching(/^pol_/), statement: expect.stringContaining('where code = $1 and level = $2') })]));
    await em.transactional(async (tx) => {
      await tx.execute(`create temporary table only_here (x int) on commit drop`);
      expect(await readRows(tx, `select count(*)::int as n from only_here where x > ?`, [0])).toEqual([{ n: 0 }]);
    });
    await expect(readRows(em, 'select ? as a, ? as b', [1])).rejects.toThrow(/placeholders/);
  });
});

describe('statement planning on the hub\'s connections (POL_PLAN_CACHE_MODE)', () => {
  it('uses generic plans by default, and what is configured otherwise', async () => {
    const mode = async (orm: MikroORM) => ((await orm.em.fork().getConnection().execute('show plan_cache_mode')) as Array<{ plan_cache_mode: string }>)[0].plan_cache_mode;
    expect(await mode(hub.orm)).toBe('force_generic_plan');
    const url = hub.orm.config.get('clientUrl')!;
    for (const planCacheMode of ['auto', 'force_custom_plan'] as const) {
      const other = await openOrm(url, { planCacheMode });
      try {
        expect(await mode(other)).toBe(planCacheMode);
      } finally {
        await other.close(true);
      }
    }
  });
});

/**
 * The benchmark database: a migrated copy of the demo data with the large synthetic data set
 * (≥ 1 M observations) and at least 100 neighbourhoods with a year of data. Uses DATABASE_URL's
 * server (database `pol_bench`) if set, else an embedded PostgreSQL in `.pol-bench/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ensureDatabase, migrate, openOrm } from '../src/db/database';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { loadDemoDataIfEmpty } from './demo/load';
import { loadDemoObservations, loadHarmCatalogue } from './demo/harm-load';

export interface BenchDatabase {
  url: string;
  dataDir: string;
  orm: MikroORM;
  client: pg.Client;
  observations: number;
  close(): Promise<void>;
}

const log = (s: string) => process.stderr.write(`${s}\n`);

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const dataDir = path.resolve('.pol-bench');
  let url: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = '/pol_bench';
    url = u.toString();
  } else {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    const db = await startEmbeddedPostgres({ dataDir, port: 54339, log });
    url = db.urlFor('pol_bench');
    stop = db.stop;
  }
  await ensureDatabase(url);
  // The hub's own statement planning (see POL_PLAN_CACHE_MODE), for the hubs run in this process.
  const orm = await openOrm(url, { planCacheMode: loadConfig({ POL_PLAN_CACHE_MODE: process.env.POL_PLAN_CACHE_MODE }).planCacheMode });
  await migrate(orm);
  await loadDemoDataIfEmpty(orm.em.fork());
  await loadHarmCatalogue(orm.em.fork());
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const count = async () => Number((await client.query<{ n: string }>('select count(*) as n from observation')).rows[0].n);
  if ((await count()) < 1_000_000) {
    await client.query('truncate observation, observation_batch cascade');
    const r = await loadDemoObservations(orm.em.fork(), { scale: 'large', log });
    log(`seeded ${r.rows} observations in ${(r.ms / 1000).toFixed(1)} s`);
  }
  await ensureHundredNeighbourhoods(client);
  await client.query('analyze');
  return {
    url, dataDir, orm, client, observations: await count(),
    async close() {
      await client.end();
      await orm.close(true);
      await stop();
    },
  };
}

/**
 * Kermanshah city has 32 neighbourhoods; the benchmark wants 100 with data. The others are
 * synthetic (named so), under the other counties' main cities, with copies of real series.
 */
async function ensureHundredNeighbourhoods(client: pg.Client): Promise<void> {
  const { rows: [{ n }] } = await client.query<{ n: string }>(`select count(*) as n from region where level = 'NEIGHBOURHOOD'`);
  const missing = 100 - Number(n);
  if (missing <= 0) return;
  await client.query('begin');
  try {
    await client.query(
      `insert into region (code, name_fa, name_en, level, parent_id, path, population, population_year, search_text)
       select c.code || '-N' || lpad(g::text, 2, '0'), 'محله ساختگی ' || g, 'Synthetic neighbourhood ' || g, 'NEIGHBOURHOOD', c.id,
              c.path || c.code || '-N' || lpad(g::text, 2, '0') || '/', 5000 + g * 37, 2024, 'synthetic' || g
         from (select r.*, row_number() over (order by r.code) as k from region r where r.level = 'CITY' and r.code <> 'KSH-01-C01') c
         cross join generate_series(1, 6) g
        order by c.code, g limit $1`,
      [missing],
    );
    // Each synthetic neighbourhood repeats the series of a real one.
    await client.query(
      `insert into observation (indicator_id, region_id, period_code, sex, age_group, raw_value, reporting_agency_id, entered_by_id, status, reviewed_by_id, reviewed_at, small_cell)
       select o.indicator_id, s.id, o.period_code, o.sex, o.age_group, o.raw_value, o.reporting_agency_id, o.entered_by_id, o.status, o.reviewed_by_id, o.reviewed_at, o.small_cell
         from (select id, row_number() over (order by code) as k from region where name_en like 'Synthetic neighbourhood %') s
         join (select id, row_number() over (order by code) as k from region where code like 'KSH-01-C01-N%') real on real.k = (s.k - 1) % 32 + 1
         join observation o on o.region_id = real.id and o.is_current`,
    );
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw e;
  }
}

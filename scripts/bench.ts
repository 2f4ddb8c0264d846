/**
 * API benchmark: `npm run bench`. Seeds the large synthetic data set if absent (see bench-setup.ts),
 * then load-tests three representative operations with autocannon (10 connections, 15 s each after a
 * warm-up, twice) against: the hub in production mode; the same hub without graphql-shield's field
 * rules (overhead); and the floor — the same data fetched by hand-written SQL through node-postgres
 * and serialised to JSON by a minimal node:http server, in the same run. Prints a markdown table.
 * Options: --seconds N (default 15), --runs N (default 2).
 */
import 'reflect-metadata';
import http from 'node:http';
import pg from 'pg';
import { loadConfig } from '../src/config';
import { createTokenService } from '../src/auth/tokens';
import { createHub, type Hub } from '../src/server/app';
import { createLogger } from '../src/server/log';
import { openBenchDatabase } from './bench-setup';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 15);
const RUNS = arg('runs', 2);

interface Op {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** The same data by hand: SQL through node-postgres, to JSON. */
  floor: (db: pg.Pool) => Promise<unknown>;
}

interface Result { rps: number; p50: number; p99: number; errors: number }

async function load(url: string, body: string, headers: Record<string, string>, seconds: number): Promise<Result> {
  const { default: autocannon } = await import('autocannon');
  const r = await autocannon({ url, method: 'POST', connections: 10, duration: seconds, body, headers: { 'content-type': 'application/json', ...headers } });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function main() {
  const bench = await openBenchDatabase();
  const { client, url, dataDir, orm } = bench;
  const q = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => client.query<T>(sql, params).then((r) => r.rows);
  const [{ month }] = await q<{ month: string }>(`select max(period_code) as month from observation o join jalali_period p on p.code = o.period_code where p.type = 'MONTH' and o.status = 'APPROVED'`);
  const year = Number(month.slice(0, 4));
  const monthly = (await q<{ code: string }>(`select code from indicator where period_type = 'MONTH' order by code`)).map((r) => r.code);
  const [{ code: indicator, id: indicatorId }] = await q<{ code: string; id: number }>(
    `select i.code, i.id from indicator i join observation o on o.indicator_id = i.id join region r on r.id = o.region_id
      where r.level = 'NEIGHBOURHOOD' and i.period_type = 'MONTH' group by 1, 2 order by count(*) desc limit 1`,
  );
  const neighbourhoods = (await q<{ code: string }>(
    `select distinct r.code from region r join observation o on o.region_id = r.id where r.level = 'NEIGHBOURHOOD' and o.indicator_id = $1 order by 1 limit 100`, [indicatorId],
  )).map((r) => r.code);

  const ops: Op[] = [
    {
      name: `(a) one county, latest month (${month}), all indicators with details`,
      query: `query CountyLatest($county: String!, $month: String!) {
        observations(filter: { within: $county, levels: [COUNTY], from: $month, to: $month, sex: TOTAL, ageGroup: TOTAL }, first: 100) {
          nodes { value suppressed status indicator { code nameFa nameEn unit sensitivity category { code nameFa } } period { code labelFa } }
        }
      }`,
      variables: { county: 'KSH-09', month },
      floor: (db) => db.query(
        `select case when o.small_cell then null else o.raw_value end as value, o.small_cell as suppressed, o.status,
                json_build_object('code', i.code, 'nameFa', i.name_fa, 'nameEn', i.name_en, 'unit', i.unit, 'sensitivity', i.sensitivity,
                                  'category', json_build_object('code', c.code, 'nameFa', c.name_fa)) as indicator,
                json_build_object('code', p.code, 'labelFa', p.label_fa) as period
           from observation o join indicator i on i.id = o.indicator_id join harm_category c on c.id = i.category_id
           join region r on r.id = o.region_id join jalali_period p on p.code = o.period_code
          where r.code = $1 and o.period_code = $2 and o.sex = 'TOTAL' and o.age_group = 'TOTAL' and o.is_current and o.status = 'APPROVED'
          order by o.id limit 100`, ['KSH-09', month]).then((r) => r.rows),
    },
    {
      name: `(b) 14 counties: latest-month totals of ${monthly.length} indicators, regions two levels down`,
      query: `query Province($month: String!, $indicators: [String!]!) {
        regions(level: COUNTY, first: 14) { nodes { code nameFa children { code nameFa children { code nameFa } } } }
        indicatorSeries(input: { indicators: $indicators, level: COUNTY, granularity: MONTH, from: $month, to: $month }) {
          region { code } indicator { code } value suppressed
        }
      }`,
      variables: { month, indicators: monthly.slice(0, 20) },
      floor: async (db) => {
        const regions = await db.query(
          `select c.code, c.name_fa, coalesce((select json_agg(json_build_object('code', k.code, 'nameFa', k.name_fa,
                    'children', coalesce((select json_agg(json_build_object('code', g.code, 'nameFa', g.name_fa) order by g.code) from region g where g.parent_id = k.id), '[]'))
                    order by k.code) from region k where k.parent_id = c.id), '[]') as children
             from region c where c.level = 'COUNTY' order by c.id limit 14`);
        const values = await db.query(
          `select r.code as region, i.code as indicator, sum(o.raw_value) as value, bool_or(o.small_cell) as suppressed
             from observation o join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id
            where i.code = any($1) and r.level = 'COUNTY' and o.period_code = $2 and o.sex = 'TOTAL' and o.age_group = 'TOTAL' and o.is_current and o.status = 'APPROVED'
            group by 1, 2 order by 2, 1`, [monthly.slice(0, 20), month]);
        return { regions: regions.rows, values: values.rows };
      },
    },
    {
      name: `(c) ${neighbourhoods.length} neighbourhoods × 12 months of ${indicator} (${year})`,
      query: `query Neighbourhoods($indicator: String!, $regions: [String!], $from: String!, $to: String!) {
        indicatorSeries(input: { indicators: [$indicator], level: NEIGHBOURHOOD, regions: $regions, granularity: MONTH, from: $from, to: $to }) {
          region { code } period { code } value suppressed
        }
      }`,
      variables: { indicator, regions: neighbourhoods, from: `${year}-01`, to: `${year}-12` },
      floor: (db) => db.query(
        `select r.code as region, o.period_code as period, case when o.small_cell then null else o.raw_value end as value, o.small_cell as suppressed
           from observation o join region r on r.id = o.region_id join jalali_period p on p.code = o.period_code
          where o.indicator_id = $1 and r.code = any($2) and p.year = $3 and o.sex = 'TOTAL' and o.age_group = 'TOTAL' and o.is_current and o.status = 'APPROVED'
          order by 1, 2`, [indicatorId, neighbourhoods, year]).then((r) => r.rows),
    },
  ];

  const config = loadConfig({
    NODE_ENV: 'production', POL_ALLOW_LOCAL_TOKENS: 'true', POL_DATA_DIR: dataDir, DATABASE_URL: url, LOG_LEVEL: 'silent',
    POL_EXPOSE_SQL_COUNT: 'true', POL_RATE_LIMIT_AGENCY_PER_MIN: '0', POL_RATE_LIMIT_ANON_PER_MIN: '0',
  });
  const tokens = await createTokenService(config);
  const token = await tokens.sign!('dg@sca.kermanshah.example');
  const log = createLogger('silent');
  const start = async (h: Hub) => `http://127.0.0.1:${await h.listen(0, '127.0.0.1')}/graphql`;
  const guarded = await createHub({ orm, config, tokens, log });
  const bare = await createHub({ orm, config, tokens, log, benchmarkWithoutFieldRules: true });
  const guardedUrl = await start(guarded);
  const bareUrl = await start(bare);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const floorServer = http.createServer(async (req, res) => {
    const op = ops[Number(new URL(req.url ?? '/', 'http://x').searchParams.get('op'))];
    for await (const _ of req);
    const data = await op.floor(pool);
    const body = JSON.stringify({ data });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((r) => floorServer.listen(0, '127.0.0.1', r));
  const floorPort = (floorServer.address() as { port: number }).port;

  const statements: number[] = [];
  for (const op of ops) {
    const res = await fetch(guardedUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: op.query, variables: op.variables }) });
    const json = (await res.json()) as { errors?: unknown; extensions?: { sqlStatements?: number } };
    if (json.errors) throw new Error(`${op.name}: ${JSON.stringify(json.errors).slice(0, 400)}`);
    statements.push(json.extensions?.sqlStatements ?? 0);
  }

  const rows: string[] = [];
  for (let run = 1; run <= RUNS; run++) {
    for (const [i, op] of ops.entries()) {
      const body = JSON.stringify({ query: op.query, variables: op.variables });
      const auth = { authorization: `Bearer ${token}` };
      for (const target of [guardedUrl, bareUrl, `http://127.0.0.1:${floorPort}/?op=${i}`]) await load(target, body, auth, 3); // warm-up
      const hub = await load(guardedUrl, body, auth, SECONDS);
      const noShield = await load(bareUrl, body, auth, SECONDS);
      const floor = await load(`http://127.0.0.1:${floorPort}/?op=${i}`, body, auth, SECONDS);
      rows.push(`| ${run} | ${op.name} | ${hub.rps.toFixed(1)} | ${hub.p50} | ${hub.p99} | ${statements[i]} | ${noShield.rps.toFixed(1)} | ${(noShield.rps / hub.rps).toFixed(2)} | ${floor.rps.toFixed(1)} | ${(hub.rps / floor.rps).toFixed(2)} | ${hub.errors + noShield.errors + floor.errors} |`);
      process.stderr.write(`${rows.at(-1)}\n`);
    }
  }
  process.stdout.write([
    `Observations: ${bench.observations.toLocaleString('en')}; autocannon, 10 connections, ${SECONDS} s per measurement after a 3 s warm-up; caller: the director general (every read of sensitive values writes the access log); node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
    '',
    '| run | operation | hub req/s | p50 ms | p99 ms | SQL statements | without shield req/s | shield overhead (×) | floor req/s | hub / floor | errors |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n') + '\n');
  floorServer.close();
  await pool.end();
  await guarded.close();
  await bare.close();
  await bench.close();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

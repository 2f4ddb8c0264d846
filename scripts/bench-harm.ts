/**
 * Harm-monitoring benchmark: `npm run bench:harm`. Seeds the large synthetic data set (≥ 1 M
 * observations) into its own database if absent, then times three analyst requests through the
 * GraphQL API against the same work done by one hand-written SQL query on the same database, and a
 * 10,000-row submitObservations against a plain bulk insert of the same rows. Latencies are measured
 * in one run, interleaved, and compared as ratios of medians (the machine is shared and noisy).
 *
 * Uses DATABASE_URL's server if set (database `pol_bench`), else an embedded PostgreSQL in
 * `.pol-bench/`. Options: --rounds N (default 30).
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createTokenService } from '../src/auth/tokens';
import { createHub } from '../src/server/app';
import { createLogger } from '../src/server/log';
import { openBenchDatabase } from './bench-setup';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 30;

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p90: q(0.9), min: s[0] };
}
const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function main() {
  const bench = await openBenchDatabase();
  const { orm, client, url, dataDir } = bench;
  const n = bench.observations;

  const config = loadConfig({ POL_DATA_DIR: dataDir, DATABASE_URL: url, LOG_LEVEL: 'warn', POL_EXPOSE_SQL_COUNT: 'true' });
  const tokens = await createTokenService(config);
  const hub = await createHub({ orm, config, tokens, log: createLogger('warn') });
  const port = await hub.listen(0, '127.0.0.1');
  const token = await tokens.sign!('dg@sca.kermanshah.example');
  const gql = async (query: string, variables: object) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown[]; extensions?: { sqlStatements?: number } };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body;
  };

  const { rows: [latest] } = await client.query<{ code: string }>(
    `select max(p.code) as code from observation o join jalali_period p on p.code = o.period_code where p.type = 'MONTH' and o.status = 'APPROVED'`,
  );
  const month = latest.code;
  const year = Number(month.slice(0, 4));
  const { rows: [ind] } = await client.query<{ code: string; id: number }>(
    `select i.code, i.id from indicator i join observation o on o.indicator_id = i.id join region r on r.id = o.region_id
      where i.period_type = 'MONTH' and r.level = 'NEIGHBOURHOOD' group by i.code, i.id order by count(*) desc limit 1`,
  );
  const neighbourhoods = (await client.query<{ code: string }>(
    `select distinct r.code from region r join observation o on o.region_id = r.id where r.level = 'NEIGHBOURHOOD' and o.indicator_id = $1 order by r.code limit 100`, [ind.id],
  )).rows.map((r) => r.code);

  const scenarios = [
    {
      name: `(a) yearly trend by county, one indicator (${ind.code}, ${year - 4}–${year})`,
      graphql: () => gql(`query($i: String!, $f: String!, $t: String!) { indicatorSeries(input: { indicators: [$i], level: COUNTY, granularity: YEAR, from: $f, to: $t }) { region { code } period { code } value suppressed ratePer10k changeFromPrevious } }`,
        { i: ind.code, f: String(year - 4), t: String(year) }),
      sql: () => client.query(
        `select o.region_id, p.year_code, sum(o.raw_value) from observation o join jalali_period p on p.code = o.period_code join region r on r.id = o.region_id
          where o.indicator_id = $1 and o.is_current and o.status = 'APPROVED' and r.level = 'COUNTY' and o.sex = 'TOTAL' and o.age_group = 'TOTAL'
            and p.year between $2 and $3 group by 1, 2 order by 1, 2`, [ind.id, year - 5, year]),
    },
    {
      name: `(b) a county's latest month, all indicators (KSH-09, ${month})`,
      graphql: () => gql(`query($m: String!) { observations(filter: { within: "KSH-09", levels: [COUNTY], from: $m, to: $m, sex: TOTAL, ageGroup: TOTAL }, first: 100) { nodes { id value suppressed indicator { code nameFa sensitivity } period { code } } } }`, { m: month }),
      sql: () => client.query(
        `select o.id, o.raw_value, i.code, i.name_fa, i.sensitivity, o.period_code from observation o join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id
          where r.code = 'KSH-09' and o.period_code = $1 and o.is_current and o.sex = 'TOTAL' and o.age_group = 'TOTAL' order by o.id limit 100`, [month]),
    },
    {
      name: `(c) ${neighbourhoods.length} neighbourhoods × 12 months, one indicator (${ind.code}, ${year})`,
      graphql: () => gql(`query($i: String!, $r: [String!], $f: String!, $t: String!) { indicatorSeries(input: { indicators: [$i], level: NEIGHBOURHOOD, regions: $r, granularity: MONTH, from: $f, to: $t }) { region { code } period { code } value suppressed } }`,
        { i: ind.code, r: neighbourhoods, f: `${year}-01`, t: `${year}-12` }),
      sql: () => client.query(
        `select r.code, o.period_code, o.raw_value from observation o join region r on r.id = o.region_id join jalali_period p on p.code = o.period_code
          where o.indicator_id = $1 and r.code = any($2) and o.is_current and o.status = 'APPROVED' and o.sex = 'TOTAL' and o.age_group = 'TOTAL'
            and p.year = $3 order by 1, 2`, [ind.id, neighbourhoods, year]),
    },
  ];

  const lines = [
    `Observations: ${Number(n).toLocaleString('en')}; ${rounds} rounds each, interleaved; node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
    '',
    '| request | GraphQL median ms (p90) | SQL statements | hand-written SQL median ms (p90) | ratio GraphQL / SQL |',
    '|---|---|---|---|---|',
  ];
  for (const s of scenarios) {
    for (let i = 0; i < 5; i++) { await s.graphql(); await s.sql(); }
    const g: number[] = [];
    const q: number[] = [];
    let statements = 0;
    for (let i = 0; i < rounds; i++) {
      g.push(await timed(async () => { statements = (await s.graphql()).extensions?.sqlStatements ?? 0; }));
      q.push(await timed(() => s.sql()));
    }
    const gs = stats(g);
    const qs = stats(q);
    lines.push(`| ${s.name} | ${fmt(gs.median)} (${fmt(gs.p90)}) | ${statements} | ${fmt(qs.median)} (${fmt(qs.p90)}) | ${(gs.median / qs.median).toFixed(2)} |`);
  }

  // 10,000-row batch: the mutation (validation, versioning, one transaction) vs a bare bulk insert of the same rows.
  const steward = 'steward@cg-kermanshah.kermanshah.example';
  const stewardToken = await tokens.sign!(steward);
  const culture = 'CULTURE_PARTICIPANTS';
  const regions = (await client.query<{ code: string; id: number }>(`select code, id from region where code like 'KSH-01-C01-N%' order by code`)).rows;
  const batchRows = (offset: number) => {
    const rows: Array<{ indicatorCode: string; regionCode: string; period: string; value: number; sex: string; ageGroup: string }> = [];
    for (let y = 1371 + offset; rows.length < 10_000; y++) {
      for (let m = 1; m <= 12 && rows.length < 10_000; m++) {
        for (const r of regions) if (rows.length < 10_000) rows.push({ indicatorCode: culture, regionCode: r.code, period: `${y}-${String(m).padStart(2, '0')}`, value: (y + m) % 300, sex: 'TOTAL', ageGroup: 'TOTAL' });
      }
    }
    return rows;
  };
  const { rows: [meta] } = await client.query<{ ind: number; agency: number; person: number }>(
    `select (select id from indicator where code = $1) as ind, (select id from agency where code = 'AG-CG-01') as agency, (select id from person where email = $2) as person`, [culture, steward]);
  const submit: number[] = [];
  const bulk: number[] = [];
  for (let i = 0; i < 5; i++) {
    const rows = batchRows(0);
    await client.query(`delete from observation where indicator_id = $1 and region_id = any($2)`, [meta.ind, regions.map((r) => r.id)]);
    submit.push(await timed(async () => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${stewardToken}` },
        body: JSON.stringify({ query: 'mutation($input: SubmitObservationsInput!) { submitObservations(input: $input) { rows created } }', variables: { input: { idempotencyKey: `bench-${Date.now()}-${i}`, rows } } }),
      });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
    }));
    await client.query(`delete from observation where indicator_id = $1 and region_id = any($2)`, [meta.ind, regions.map((r) => r.id)]);
    const byCode = new Map(regions.map((r) => [r.code, r.id]));
    bulk.push(await timed(() => client.query(
      `insert into observation (indicator_id, region_id, period_code, sex, age_group, raw_value, reporting_agency_id, entered_by_id, status)
       select $1, t.region_id, t.period_code, 'TOTAL', 'TOTAL', t.value, $2, $3, 'SUBMITTED' from unnest($4::int[], $5::text[], $6::float8[]) as t(region_id, period_code, value)`,
      [meta.ind, meta.agency, meta.person, rows.map((r) => byCode.get(r.regionCode)), rows.map((r) => r.period), rows.map((r) => r.value)],
    )));
  }
  await client.query(`delete from observation where indicator_id = $1 and region_id = any($2)`, [meta.ind, regions.map((r) => r.id)]);
  const ss = stats(submit);
  const bs = stats(bulk);
  lines.push(`| submitObservations, 10,000 rows | ${fmt(ss.median)} (${fmt(ss.p90)}) | – | plain bulk insert ${fmt(bs.median)} (${fmt(bs.p90)}) | ${(ss.median / bs.median).toFixed(2)} |`);

  process.stdout.write(`${lines.join('\n')}\n`);
  await hub.close();
  await bench.close();
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

/**
 * API benchmark: `npm run bench`. Seeds the large synthetic data set if absent (see bench-setup.ts),
 * then load-tests three representative operations with autocannon (10 connections, 15 s each after a
 * warm-up, twice) against, each in a process of its own: the hub in production mode (src/main.ts,
 * as `npm start` runs it); the same hub without graphql-shield's field rules (overhead); and the
 * floor — the same data fetched by hand-written SQL through node-postgres and serialised to JSON by
 * a minimal node:http server, in the same run. This process only drives the load. Prints a
 * markdown table. Options: --seconds N (default 15), --runs N (default 2).
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createTokenService } from '../src/auth/tokens';
import { openBenchDatabase } from './bench-setup';
import { benchOps } from './lib/bench-ops';
import { Cleanup, startHub } from './lib/harness';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 15);
const RUNS = arg('runs', 2);

interface Result { rps: number; p50: number; p99: number; errors: number }

async function load(url: string, body: string, headers: Record<string, string>, seconds: number): Promise<Result> {
  const { default: autocannon } = await import('autocannon');
  const r = await autocannon({ url, method: 'POST', connections: 10, duration: seconds, body, headers: { 'content-type': 'application/json', ...headers } });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

const cleanup = new Cleanup();

async function main() {
  cleanup.install(60 * 60_000);
  const bench = await openBenchDatabase();
  cleanup.add('close the benchmark database', () => bench.close(), 60_000);
  const { url, dataDir } = bench;
  const ops = await benchOps(bench.client);

  // Same data folder as the hubs: the token is signed with their key.
  const tokens = await createTokenService(loadConfig({ NODE_ENV: 'production', POL_ALLOW_LOCAL_TOKENS: 'true', POL_METRICS: 'false', POL_DATA_DIR: dataDir, DATABASE_URL: url }));
  const token = await tokens.sign!('dg@sca.kermanshah.example');
  // Requests are logged at warn: at info each request writes a JSON line that this process would read.
  const env = { POL_EXPOSE_SQL_COUNT: 'true', POL_DEMO_DATA: 'false', LOG_LEVEL: 'warn' };
  const common = { cleanup, databaseUrl: url, dataDir, extraEnv: env };
  const guarded = await startHub(common);
  // The other two get the environment the hub accepted (its rate limits off).
  const { PORT: _port, ...accepted } = guarded.env;
  const same = { ...common, extraEnv: accepted };
  const bare = await startHub({ ...same, script: ['scripts/lib/bench-server.ts', 'bare'] });
  const floorServer = await startHub({ ...same, script: ['scripts/lib/bench-server.ts', 'floor'] });
  const guardedUrl = `${guarded.base}/graphql`;
  const bareUrl = `${bare.base}/graphql`;

  // Statements of the first request (caller, catalogue and plans not yet kept) and of a later one.
  const statements: string[] = [];
  for (const op of ops) {
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(guardedUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: op.query, variables: op.variables }) });
      const json = (await res.json()) as { errors?: unknown; extensions?: { sqlStatements?: number } };
      if (json.errors) throw new Error(`${op.name}: ${JSON.stringify(json.errors).slice(0, 400)}`);
      counts.push(json.extensions?.sqlStatements ?? 0);
    }
    statements.push(`${counts.at(-1)} (first: ${counts[0]})`);
  }

  const rows: string[] = [];
  for (let run = 1; run <= RUNS; run++) {
    for (const [i, op] of ops.entries()) {
      const body = JSON.stringify({ query: op.query, variables: op.variables });
      const auth = { authorization: `Bearer ${token}` };
      const floorUrl = `${floorServer.base}/?op=${i}`;
      for (const target of [guardedUrl, bareUrl, floorUrl]) await load(target, body, auth, 3); // warm-up
      const hub = await load(guardedUrl, body, auth, SECONDS);
      const noShield = await load(bareUrl, body, auth, SECONDS);
      const floor = await load(floorUrl, body, auth, SECONDS);
      rows.push(`| ${run} | ${op.name} | ${hub.rps.toFixed(1)} | ${hub.p50} | ${hub.p99} | ${statements[i]} | ${noShield.rps.toFixed(1)} | ${(noShield.rps / hub.rps).toFixed(2)} | ${floor.rps.toFixed(1)} | ${(hub.rps / floor.rps).toFixed(2)} | ${hub.errors + noShield.errors + floor.errors} |`);
      process.stderr.write(`${rows.at(-1)}\n`);
    }
  }
  process.stdout.write([
    `Observations: ${bench.observations.toLocaleString('en')}; autocannon, 10 connections, ${SECONDS} s per measurement after a 3 s warm-up; each server in its own process; caller: the director general (every read of sensitive values writes the access log); node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
    '',
    '| run | operation | hub req/s | p50 ms | p99 ms | SQL statements | without shield req/s | shield overhead (×) | floor req/s | hub / floor | errors |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n') + '\n');
  await cleanup.run();
}

main().catch(async (e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  await cleanup.run();
  process.exit(1);
});

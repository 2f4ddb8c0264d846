/**
 * A server of `npm run bench`, in a process of its own like the hub: `bare` is the hub without
 * graphql-shield's field rules (for the overhead ratio); `floor` answers each operation with its
 * hand-written SQL through node-postgres and JSON.stringify on a minimal node:http server.
 * Reads PORT, HOST and DATABASE_URL (and the hub's own variables for `bare`); stops on SIGTERM.
 */
import 'reflect-metadata';
import http from 'node:http';
import pg from 'pg';
import { loadConfig } from '../../src/config';
import { createTokenService } from '../../src/auth/tokens';
import { openDatabase } from '../../src/db/bootstrap';
import { createHub } from '../../src/server/app';
import { createLogger } from '../../src/server/log';
import { benchOps } from './bench-ops';

async function bare(): Promise<() => Promise<void>> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config, () => undefined);
  const tokens = await createTokenService(config);
  const hub = await createHub({ orm: db.orm, config, tokens, log, benchmarkWithoutFieldRules: true });
  await hub.listen(config.port, config.host);
  return async () => {
    await hub.close();
    await db.close();
  };
}

async function floor(): Promise<() => Promise<void>> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const ops = await benchOps(pool);
  const server = http.createServer(async (req, res) => {
    for await (const _ of req);
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/healthz') return void res.writeHead(200).end('ok');
    const op = ops[Number(url.searchParams.get('op'))];
    if (!op) return void res.writeHead(404).end();
    const body = JSON.stringify({ data: await op.floor(pool) });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((r) => server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', r));
  return async () => {
    await new Promise((r) => server.close(r));
    await pool.end();
  };
}

const kind = process.argv[2];
if (kind !== 'bare' && kind !== 'floor') {
  process.stderr.write('usage: bench-server.ts bare|floor\n');
  process.exit(2);
}
(kind === 'bare' ? bare() : floor()).then(
  (stop) => {
    process.once('SIGTERM', () => void stop().finally(() => process.exit(0)));
    process.once('SIGINT', () => void stop().finally(() => process.exit(0)));
  },
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);

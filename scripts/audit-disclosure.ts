/**
 * Attacks the hub's own data as every demo audience with the LP attacker and prints, per audience,
 * how many withheld small counts it examined, the narrowest interval it found, how many are bounded
 * by the audience's own cells, and any disclosure (exit 1 if there is one):
 *   npm run -s audit:disclosure [-- --periods 1402-01,1402-02]
 * It reads the database the hub uses (DATABASE_URL, or the embedded one in the data folder).
 */
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/bootstrap';
import { attack, AUDIT_CELLS_SQL, demoAudiences, formatReports, type AuditCell } from './lib/disclosure-audit';

async function main() {
  const at = process.argv.indexOf('--periods');
  const periods = at >= 0 ? process.argv[at + 1]?.split(',').filter(Boolean) : undefined;
  const db = await openDatabase(loadConfig(), () => undefined);
  try {
    const conn = db.orm.em.fork().getConnection();
    const sql = <R>(q: string, params: unknown[] = []) => conn.execute(q, params) as Promise<R[]>;
    const cells = await sql<AuditCell>(periods ? `${AUDIT_CELLS_SQL} and o.period_code in (?)` : AUDIT_CELLS_SQL, periods ? [periods] : []);
    const started = Date.now();
    const reports = await attack(cells, await demoAudiences(sql));
    process.stdout.write(`${formatReports(reports)}\n\n${cells.length} cells, ${reports.reduce((s, r) => s + r.solves, 0)} linear programs, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    if (reports.some((r) => r.disclosed.length)) process.exitCode = 1;
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

/**
 * The audiences of the disclosure attack tests and what each is shown, transcribed from the
 * README's table ("Harm data: who sees what"), not read from the policy code.
 */
import { expect } from 'vitest';
import { loadDemoObservations, type DemoObservationOptions } from '../../scripts/demo/harm-load';
import { attack, AUDIT_CELLS_SQL, demoAudiences, formatReports, type Audience, type AuditCell, type AudienceReport } from '../../scripts/lib/disclosure-audit';
import { startTestHub, type TestHub } from './hub';

export function expectNoDisclosure(reports: AudienceReport[]): void {
  for (const r of reports) {
    expect(r.disclosed.map((f) => `${f.cell.indicator} ${f.cell.period} ${f.cell.region} ${f.cell.sex} ${f.cell.ageGroup} = ${f.cell.value}: ${f.lo}..${f.hi}`), r.audience).toEqual([]);
    // Bounded by own cells: exactly what those cells alone give, nothing the hub showed added to it.
    for (const f of r.ownBound) expect([f.lo, f.hi], r.audience).toEqual([f.ownLo, f.ownHi]);
  }
}

/**
 * A hub with synthetic observations loaded (and protected, as the loader does), attacked as the
 * chosen audiences; the reports are printed with the test output.
 */
export async function attackLoaded(
  title: string, load: DemoObservationOptions, which: (a: Audience) => boolean, periods?: string[],
): Promise<{ hub: TestHub; reports: AudienceReport[] }> {
  const hub = await startTestHub();
  await loadDemoObservations(hub.orm.em.fork(), { ...load, log: () => undefined });
  const cells = await hub.sql<AuditCell>(periods ? `${AUDIT_CELLS_SQL} and o.period_code in (?)` : AUDIT_CELLS_SQL, periods ? [periods] : []);
  const reports = await attack(cells, (await demoAudiences((q) => hub.sql(q))).filter(which));
  process.stdout.write(`\n${title}, LP attacker:\n${formatReports(reports)}\n`);
  return { hub, reports };
}

export const COUNTY_GOVERNORATE = /^AG-CG-(\d\d)/;
export const LARGE_SEED: DemoObservationOptions = {
  scale: 'large', indicators: ['DV_REPORTS', 'DIVORCE_REG', 'THEFT_REPORTS', 'CULTURE_PARTICIPANTS'], years: [1402, 1402], seed: 'pol-large-seed',
};

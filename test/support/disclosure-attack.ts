/**
 * The audiences of the disclosure attack tests and what each is shown, transcribed from the
 * README's table ("Harm data: who sees what"), not read from the policy code.
 */
import { expect } from 'vitest';
import { loadDemoObservations, type DemoObservationOptions } from '../../scripts/demo/harm-load';
import { attack, AUDIT_CELLS_SQL, formatReports, type Audience, type AuditCell, type AudienceReport } from '../../scripts/lib/disclosure-audit';
import { startTestHub, type TestHub } from './hub';

const RANK: Record<string, number> = { PROVINCE: 0, COUNTY: 1, DISTRICT: 2, CITY: 3, RURAL_DISTRICT: 3, NEIGHBOURHOOD: 4, VILLAGE: 4 };
const upToCounty = (c: AuditCell) => RANK[c.level] <= RANK.COUNTY;
const inside = (c: AuditCell, path: string) => c.path.startsWith(path);

/** The README's table ("Harm data: who sees what"), per audience, for a caller whose agency answers for `path`. */
const VIEWS = {
  public: (c: AuditCell) => c.sensitivity === 'OPEN' && upToCounty(c),
  partner: (path: string) => (c: AuditCell) => c.sensitivity === 'OPEN' || (c.sensitivity === 'RESTRICTED' && (upToCounty(c) || inside(c, path))),
  countyGovernorate: (path: string) => (c: AuditCell) =>
    VIEWS.partner(path)(c) || (c.sensitivity === 'CONFIDENTIAL' && upToCounty(c) && inside(c, path)),
  council: (path: string) => VIEWS.partner(path),
  monitoring: () => true,
};

export async function audiencesOf(hub: TestHub): Promise<Audience[]> {
  const agencies = new Map(
    (await hub.sql<{ id: number; code: string; path: string }>(`select a.id, a.code, r.path from agency a join region r on r.id = a.jurisdiction_id`)).map((a) => [a.code, a]),
  );
  const ag = (code: string) => agencies.get(code)!;
  const own = (...codes: string[]) => new Set(codes.map((c) => ag(c).id));
  const counties = Array.from({ length: 14 }, (_, n) => `AG-CG-${String(n + 1).padStart(2, '0')}`);
  // The university's active agreement: ADDICTION and DIVORCE in Kermanshah county, down to neighbourhoods, from the provincial governorate.
  const razi = VIEWS.partner(ag('AG-RAZI').path);
  return [
    { name: 'public', own: new Set(), sees: VIEWS.public },
    { name: 'partner (NGO member, Kermanshah county)', own: own('AG-NGO-KSH-WOMEN'), sees: VIEWS.partner(ag('AG-NGO-KSH-WOMEN').path) },
    { name: 'council (Kermanshah city)', own: own('AG-CC-01'), sees: VIEWS.council(ag('AG-CC-01').path) },
    { name: 'council (Kanduleh village)', own: own('AG-VC-01'), sees: VIEWS.council(ag('AG-VC-01').path) },
    { name: 'analyst (provincial monitoring)', own: own('AG-SCA'), sees: VIEWS.monitoring },
    {
      name: 'university (active agreement)', own: own('AG-RAZI'),
      sees: (c) => razi(c) || (['ADDICTION', 'DIVORCE'].includes(c.category) && inside(c, '/KSH/KSH-01/')),
    },
    ...['AG-WELFARE', 'AG-GOV', 'AG-SPORT-YOUTH'].map((code) => ({ name: `${code} (reports the province's rows)`, own: own(code), sees: VIEWS.partner(ag(code).path) })),
    ...counties.map((code) => ({ name: `${code} with its own cells`, own: own(code), sees: VIEWS.countyGovernorate(ag(code).path) })),
  ];
}

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
  const reports = await attack(cells, (await audiencesOf(hub)).filter(which));
  process.stdout.write(`\n${title}, LP attacker:\n${formatReports(reports)}\n`);
  return { hub, reports };
}

export const COUNTY_GOVERNORATE = /^AG-CG-(\d\d)/;
export const LARGE_SEED: DemoObservationOptions = {
  scale: 'large', indicators: ['DV_REPORTS', 'DIVORCE_REG', 'THEFT_REPORTS', 'CULTURE_PARTICIPANTS'], years: [1402, 1402], seed: 'pol-large-seed',
};

/**
 * The disclosure audit: an attacker who solves, by linear programming (HiGHS), the smallest and the
 * largest value of every withheld small count that is consistent with what an audience knows: every
 * value the hub shows that audience, the cells its own agency reported, that counts are
 * non-negative, and how cells add up (sexes, age groups, regions inside regions). It is written
 * apart from the hub's protection code and shares nothing with it but the cell values and flags.
 *
 * Used by `npm run audit:disclosure` and by test/disclosure-attack.test.ts.
 */
import loadHighs from 'highs';

export interface AuditCell {
  indicator: string;
  period: string;
  region: string;
  /** `/KSH/KSH-01/…`: the region's containing regions, outermost first, then itself. */
  path: string;
  level: string;
  sex: string;
  ageGroup: string;
  value: number;
  /** Reporting agency. */
  owner: number;
  /** The approved value in force (others see it); false for a value still waiting, seen by its reporter only. */
  published: boolean;
  /** Shown as withheld (`value: null, suppressed: true`) to those who do not see small counts. */
  withheld: boolean;
  sensitivity: string;
  category: string;
  k: number;
}

export interface Audience {
  name: string;
  /** Agencies whose own cells this audience knows. */
  own: ReadonlySet<number>;
  /** Whether this published cell is in the audience's view (shown, or shown as withheld). */
  sees(cell: AuditCell): boolean;
}

export interface Finding {
  audience: string;
  cell: AuditCell;
  /** The attacker's interval (whole numbers). */
  lo: number;
  hi: number;
  /** The interval from the audience's own cells alone, where the attacker's is narrower than k. */
  ownLo?: number;
  ownHi?: number;
}

export interface AudienceReport {
  audience: string;
  /** Withheld small counts the attacker examined. */
  examined: number;
  /** Narrowest interval width (hi − lo) among the cells not bounded by the audience's own cells; null when there are none. */
  narrowest: number | null;
  narrowestAt?: string;
  /** Narrower than k, and narrower than the audience's own cells alone allow: a disclosure. */
  disclosed: Finding[];
  /** Narrower than k, but no narrower than the audience's own cells alone allow (nothing the hub shows adds to it). */
  ownBound: Finding[];
  /** Linear programs solved. */
  solves: number;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | undefined;
const highs = () => (highsPromise ??= loadHighs());

interface Rel {
  terms: Array<[number, number]>;
  exact: boolean;
}

/** One (indicator, period) table: its cells and how they add up, read from the true values. */
class AuditTable {
  readonly rels: Rel[] = [];
  readonly relsOf: number[][];

  constructor(readonly cells: AuditCell[]) {
    const at = new Map<string, number>();
    cells.forEach((c, i) => at.set(`${c.region}|${c.sex}|${c.ageGroup}`, i));
    const get = (r: string, s: string, a: string) => at.get(`${r}|${s}|${a}`);
    const relation = (total: number | undefined, members: Array<number | undefined>) => {
      const parts = members.filter((m): m is number => m !== undefined);
      if (total === undefined || parts.length === 0) return;
      const gap = cells[total].value - parts.reduce((s, m) => s + cells[m].value, 0);
      if (gap < -1e-9) return; // the data do not add up: no relation an attacker could rely on
      this.rels.push({ terms: [[total, 1], ...parts.map((m): [number, number] => [m, -1])], exact: Math.abs(gap) <= 1e-9 });
    };
    const ages = ['A0_14', 'A15_24', 'A25_44', 'A45_64', 'A65_PLUS'];
    for (const region of new Set(cells.map((c) => c.region))) {
      for (const a of ['TOTAL', ...ages]) relation(get(region, 'TOTAL', a), [get(region, 'FEMALE', a), get(region, 'MALE', a)]);
      for (const s of ['TOTAL', 'FEMALE', 'MALE']) relation(get(region, s, 'TOTAL'), ages.map((a) => get(region, s, a)));
    }
    const children = new Map<number, number[]>();
    cells.forEach((c, i) => {
      const up = c.path.split('/').filter(Boolean).slice(0, -1);
      for (let d = up.length - 1; d >= 0; d--) {
        const p = get(up[d], c.sex, c.ageGroup);
        if (p === undefined) continue;
        children.set(p, [...(children.get(p) ?? []), i]);
        break;
      }
    });
    for (const [p, kids] of children) relation(p, kids);
    this.relsOf = cells.map(() => []);
    this.rels.forEach((r, ri) => r.terms.forEach(([i]) => this.relsOf[i].push(ri)));
  }
}

interface Bounds {
  lo: number;
  hi: number;
  /** Solutions at the maximum and the minimum (values of every cell). */
  atMax?: Float64Array;
  atMin?: Float64Array;
}

/** Intervals of target cells when `known` cells are known: one LP model per connected part of the unknowns. */
class Solver {
  solves = 0;
  private readonly models = new Map<number, { model: ReturnType<Highs['createModel']>; col: Map<number, number>; vars: number[] }>();
  private readonly root: Int32Array;

  /**
   * `minimalMoves`: the solutions kept are, among the optimal ones, those that move the other cells
   * least (a second LP), so that they show which agencies' cells an optimum really needs.
   */
  constructor(private readonly hs: Highs, private readonly t: AuditTable, private readonly known: (i: number) => boolean, private readonly minimalMoves = false) {
    const n = t.cells.length;
    this.root = Int32Array.from({ length: n }, (_, i) => i);
    const find = (i: number): number => {
      while (this.root[i] !== i) i = this.root[i] = this.root[this.root[i]];
      return i;
    };
    for (const r of t.rels) {
      const unknown = r.terms.map(([i]) => i).filter((i) => !known(i));
      for (let j = 1; j < unknown.length; j++) this.root[find(unknown[j])] = find(unknown[0]);
    }
    for (let i = 0; i < n; i++) this.root[i] = find(i);
  }

  private modelFor(i: number) {
    const root = this.root[i];
    let m = this.models.get(root);
    if (m) return m;
    const vars = this.t.cells.map((_, j) => j).filter((j) => !this.known(j) && this.root[j] === root);
    const col = new Map(vars.map((j, c) => [j, c]));
    const lower: number[] = [];
    const upper: number[] = [];
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const rels = new Set(vars.flatMap((j) => this.t.relsOf[j]));
    for (const ri of rels) {
      const r = this.t.rels[ri];
      let constant = 0;
      for (const [j, coef] of r.terms) {
        const c = col.get(j);
        if (c === undefined) constant += coef * this.t.cells[j].value;
        else {
          indices.push(c);
          values.push(coef);
        }
      }
      // Σ coef·x + constant = 0 (exact) or ≥ 0.
      starts.push(indices.length);
      lower.push(-constant);
      upper.push(r.exact ? -constant : this.hs.infinity);
    }
    const n = vars.length;
    // With minimal moves: x − p + q = true value, p, q ≥ 0, so that Σ(p + q) measures how far a solution moved.
    const cols = this.minimalMoves ? 3 * n : n;
    if (this.minimalMoves) {
      vars.forEach((j, c) => {
        indices.push(c, n + c, 2 * n + c);
        values.push(1, -1, 1);
        starts.push(indices.length);
        lower.push(this.t.cells[j].value);
        upper.push(this.t.cells[j].value);
      });
    }
    const model = this.hs.createModel();
    model.options.set({ output_flag: false, presolve: 'off' });
    model.addVars(new Float64Array(cols), new Float64Array(cols).fill(this.hs.infinity));
    if (lower.length) {
      model.addRows({
        lower: Float64Array.from(lower), upper: Float64Array.from(upper),
        matrix: { format: 'csr', numRows: lower.length, numCols: cols, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
      });
    }
    m = { model, col, vars };
    this.models.set(root, m);
    return m;
  }

  bounds(i: number, keepSolutions = false, which: 'both' | 'max' | 'min' = 'both'): Bounds {
    if (!this.t.relsOf[i].length) return { lo: 0, hi: Infinity };
    const { model, col, vars } = this.modelFor(i);
    const c = col.get(i)!;
    const solve = (sign: 1 | -1): { v: number; x?: Float64Array } => {
      model.changeColCost(c, sign);
      try {
        model.run();
        this.solves++;
        const status = model.getModelStatus();
        if (status === this.hs.constants.modelStatus.unbounded) return { v: sign < 0 ? Infinity : 0 };
        if (status !== this.hs.constants.modelStatus.optimal) throw new Error(`disclosure audit: LP status ${status} for ${JSON.stringify(this.t.cells[i])}`);
        const v = sign * model.getObjectiveValue();
        let x: Float64Array | undefined;
        if (keepSolutions) {
          if (this.minimalMoves) {
            const n = vars.length;
            model.changeColCost(c, 0);
            model.changeColBounds(c, v - 1e-7, v + 1e-7);
            model.changeColsCost({ kind: 'range', from: n, to: 3 * n - 1 }, new Float64Array(2 * n).fill(1));
            model.run();
            this.solves++;
            const ok = model.getModelStatus() === this.hs.constants.modelStatus.optimal;
            const sol = ok ? model.getSolution().colValue : undefined;
            model.changeColsCost({ kind: 'range', from: n, to: 3 * n - 1 }, new Float64Array(2 * n));
            model.changeColBounds(c, 0, this.hs.infinity);
            if (!sol) throw new Error('disclosure audit: the least-moving optimum was not found');
            x = Float64Array.from(this.t.cells, (cell) => cell.value);
            vars.forEach((j, k) => (x![j] = sol[k]));
          } else {
            const sol = model.getSolution().colValue;
            x = Float64Array.from(this.t.cells, (cell) => cell.value);
            vars.forEach((j, k) => (x![j] = sol[k]));
          }
        }
        return { v, x };
      } finally {
        model.changeColCost(c, 0);
      }
    };
    const max = which === 'min' ? undefined : solve(-1);
    const min = which === 'max' ? undefined : solve(1);
    return { lo: min ? Math.max(0, Math.ceil(min.v - 1e-6)) : NaN, hi: max ? Math.floor(max.v + 1e-6) : NaN, atMax: max?.x, atMin: min?.x };
  }

  dispose(): void {
    for (const m of this.models.values()) m.model.dispose();
  }
}

/**
 * Attacks every table as every audience. Audiences with the same view share their linear programs:
 * an audience's own cells change an interval only where the optimal solution of the shared view
 * moved one of them; elsewhere the same solution is consistent with its own cells too.
 */
export async function attack(cells: readonly AuditCell[], audiences: readonly Audience[]): Promise<AudienceReport[]> {
  const hs = await highs();
  const reports = new Map(audiences.map((a) => [a.name, { audience: a.name, examined: 0, narrowest: null, disclosed: [], ownBound: [], solves: 0 } as AudienceReport]));
  const tables = new Map<string, AuditCell[]>();
  for (const c of cells) {
    const key = `${c.indicator}|${c.period}`;
    let list = tables.get(key);
    if (!list) tables.set(key, (list = []));
    list.push(c);
  }
  for (const list of tables.values()) {
    if (!list.some((c) => c.withheld)) continue;
    const t = new AuditTable(list);
    const shown = (a: Audience, i: number) => t.cells[i].published && a.sees(t.cells[i]) && !t.cells[i].withheld;
    const isOwn = (a: Audience, i: number) => a.own.has(t.cells[i].owner);
    const groups = new Map<string, Audience[]>();
    for (const a of audiences) {
      const key = t.cells.map((_, i) => (shown(a, i) ? '1' : '0')).join('');
      groups.set(key, [...(groups.get(key) ?? []), a]);
    }
    for (const group of groups.values()) {
      const base = new Solver(hs, t, (i) => shown(group[0], i), group.length > 1);
      const baseBounds = new Map<number, Bounds>();
      for (const a of group) {
        const report = reports.get(a.name)!;
        const targets = t.cells
          .map((c, i) => i)
          .filter((i) => {
            const c = t.cells[i];
            return c.published && c.withheld && c.value > 0 && c.value < c.k && a.sees(c) && !isOwn(a, i);
          });
        if (!targets.length) continue;
        const extra = t.cells.map((_, i) => i).filter((i) => isOwn(a, i) && !shown(a, i));
        let own: Solver | undefined;
        let ownOnly: Solver | undefined;
        for (const i of targets) {
          let b = baseBounds.get(i);
          if (!b) baseBounds.set(i, (b = base.bounds(i, true)));
          const moved = (x?: Float64Array) => !!x && extra.some((j) => Math.abs(x[j] - t.cells[j].value) > 1e-6);
          // Only the side whose optimum moved one of this audience's own cells needs solving again.
          const maxMoved = extra.length > 0 && moved(b.atMax);
          const minMoved = extra.length > 0 && moved(b.atMin);
          if (maxMoved || minMoved) {
            own ??= new Solver(hs, t, (j) => shown(a, j) || isOwn(a, j));
            const again = own.bounds(i, false, maxMoved && minMoved ? 'both' : maxMoved ? 'max' : 'min');
            b = { lo: minMoved ? again.lo : b.lo, hi: maxMoved ? again.hi : b.hi };
          }
          const width = b.hi - b.lo;
          report.examined++;
          if (width < t.cells[i].k) {
            ownOnly ??= new Solver(hs, t, (j) => isOwn(a, j));
            const o = ownOnly.bounds(i);
            const finding: Finding = { audience: a.name, cell: t.cells[i], lo: b.lo, hi: b.hi, ownLo: o.lo, ownHi: o.hi };
            if (width >= o.hi - o.lo) {
              report.ownBound.push(finding);
              continue;
            }
            report.disclosed.push(finding);
          }
          if (report.narrowest === null || width < report.narrowest) {
            report.narrowest = width;
            report.narrowestAt = `${t.cells[i].indicator} ${t.cells[i].period} ${t.cells[i].region} ${t.cells[i].sex} ${t.cells[i].ageGroup}, k = ${t.cells[i].k}`;
          }
        }
        report.solves += (own?.solves ?? 0) + (ownOnly?.solves ?? 0);
        own?.dispose();
        ownOnly?.dispose();
      }
      reports.get(group[0].name)!.solves += base.solves;
      base.dispose();
    }
  }
  return [...reports.values()];
}

/**
 * The cells of every count table as the audit reads them: published values with their flags, and
 * values waiting for approval of cells that have none published (known to their reporter only).
 * Rejected values are left out: the reporter knows them to be wrong.
 */
export const AUDIT_CELLS_SQL = `
  select i.code as indicator, o.period_code as period, r.code as region, r.path, r.level, o.sex, o.age_group as "ageGroup",
         o.raw_value::float8 as value, o.reporting_agency_id as owner, o.is_published as published, o.small_cell as withheld,
         i.sensitivity, c.code as category, i.suppression_k as k
    from observation o
    join indicator i on i.id = o.indicator_id join harm_category c on c.id = i.category_id join region r on r.id = o.region_id
   where i.unit = 'COUNT'
     and (o.is_published
          or (o.is_current and o.status in ('DRAFT', 'SUBMITTED')
              and not exists (select 1 from observation p where p.is_published and p.indicator_id = o.indicator_id and p.region_id = o.region_id
                                and p.period_code = o.period_code and p.sex = o.sex and p.age_group = o.age_group)))`;

/** A line per audience: cells examined, narrowest interval, how many are bounded by the audience's own cells, and disclosures. */
export function formatReports(reports: readonly AudienceReport[]): string {
  const rows = reports.map((r) =>
    `| ${r.audience} | ${r.examined} | ${r.narrowest ?? '—'}${r.narrowestAt ? ` (${r.narrowestAt})` : ''} | ${r.ownBound.length} | ${r.disclosed.length} |`);
  return ['| audience | withheld small counts examined | narrowest interval | bounded by own cells | disclosed |', '|---|--:|---|--:|--:|', ...rows].join('\n');
}

const RANK: Record<string, number> = { PROVINCE: 0, COUNTY: 1, DISTRICT: 2, CITY: 3, RURAL_DISTRICT: 3, NEIGHBOURHOOD: 4, VILLAGE: 4 };
const upToCounty = (c: AuditCell) => RANK[c.level] <= RANK.COUNTY;
const inside = (c: AuditCell, path: string) => c.path.startsWith(path);

/**
 * What each audience is shown, transcribed from the README's table ("Harm data: who sees what")
 * for a caller whose agency answers for `path`, not read from the policy code.
 */
const VIEWS = {
  public: (c: AuditCell) => c.sensitivity === 'OPEN' && upToCounty(c),
  partner: (path: string) => (c: AuditCell) => c.sensitivity === 'OPEN' || (c.sensitivity === 'RESTRICTED' && (upToCounty(c) || inside(c, path))),
  countyGovernorate: (path: string) => (c: AuditCell) =>
    VIEWS.partner(path)(c) || (c.sensitivity === 'CONFIDENTIAL' && upToCounty(c) && inside(c, path)),
  council: (path: string) => VIEWS.partner(path),
  monitoring: () => true,
};

/**
 * The demo's audiences, each with the cells its own agency reported: the public, an NGO member,
 * two councils, a monitoring analyst, the university under its agreement, the state bodies and
 * the provincial governorate that report the province's rows, and every county governorate.
 */
export async function demoAudiences(sql: <R>(query: string) => Promise<R[]>): Promise<Audience[]> {
  const agencies = new Map(
    (await sql<{ id: number; code: string; path: string }>(`select a.id, a.code, r.path from agency a join region r on r.id = a.jurisdiction_id`)).map((a) => [a.code, a]),
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

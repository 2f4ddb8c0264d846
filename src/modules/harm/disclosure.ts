/**
 * Small-count protection of one published table: an indicator in one period, with all its regions,
 * sexes and age groups. Method (README, "Small counts"): cell suppression whose protection is
 * certified cell by cell. The attacker it is built against sees every value the table shows, knows
 * the cells their own agency reported, knows that counts are non-negative integers and knows how
 * cells add up (sexes to their total, age groups to theirs, regions to the region containing them).
 *
 * For every withheld small count c (1..k−1) the method keeps one or more certificates: a set of
 * withheld cells and signs such that adding +t or −t to each of them keeps every additive relation
 * true. Every point c + t of such a segment is consistent with all the attacker knows, so the
 * smallest and largest value the attacker can deduce for c lie at least as far apart as the segments
 * reach up plus down. A certificate that moves a cell some agency reported does not count against
 * that agency, who knows the cell. Cells are withheld (at the lowest cost: the values given up)
 * until each small count reaches k for the public, for every reporting agency of the table, and so
 * for every audience, whose views are all parts of the published table.
 */
import { AgeGroup, Sex } from './harm.enums';

export interface TableCell {
  id: string;
  /** Region code, and its path from the root (`/KSH/KSH-01/`), which gives the containing regions. */
  region: string;
  path: string;
  sex: Sex;
  ageGroup: AgeGroup;
  value: number;
  /** The reporting agency: it knows this value whatever is withheld. */
  owner: number;
  /**
   * True for the published (approved, in force) value. False for a value not yet approved: nobody
   * but its reporter sees it, it is never withheld or moved, but it takes part in the sums.
   */
  published: boolean;
}

export interface Protection {
  /** Published cells to withhold from audiences that do not see small counts. */
  withheld: Set<string>;
  /** Small counts for which no certificate reaches k against `attacker` (an agency id; 0 for a viewer who reported nothing). */
  unprotected: Array<{ id: string; attacker: number; width: number }>;
}

/** The version of the method: tables protected by an older one are protected again at start. */
export const PROTECTION_METHOD = 2;

/** A viewer who reported no cell of the table. */
export const ANY_VIEWER = 0;

const SEX_MEMBERS: readonly Sex[] = [Sex.FEMALE, Sex.MALE];
const AGE_MEMBERS: readonly AgeGroup[] = [AgeGroup.A0_14, AgeGroup.A15_24, AgeGroup.A25_44, AgeGroup.A45_64, AgeGroup.A65_PLUS];

/** `total = Σ members` when exact; `total ≥ Σ members` otherwise (with `slack` to spare). */
export interface Relation {
  /** Which dimension the parts differ in. */
  kind: 'sex' | 'age' | 'region';
  total: number;
  members: number[];
  exact: boolean;
  slack: number;
}

const key = (region: string, sex: string, age: string) => `${region}\u0000${sex}\u0000${age}`;

/** Codes of the regions containing a region, nearest first (from its path). */
function ancestorsOf(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).reverse();
}

/**
 * The additive relations among the table's cells, read from the values themselves: where a total
 * equals the sum of its parts it is taken as exact (the strongest thing an attacker could know);
 * where it exceeds them (regions not all listed), as a bound; where it falls short (inconsistent
 * data), as nothing.
 */
export function relationsOf(cells: readonly TableCell[], at: ReadonlyMap<string, number>): Relation[] {
  const out: Relation[] = [];
  const add = (kind: Relation['kind'], total: number | undefined, members: Array<number | undefined>) => {
    const m = members.filter((i): i is number => i !== undefined);
    if (total === undefined || !m.length) return;
    const sum = m.reduce((s, i) => s + cells[i].value, 0);
    const slack = cells[total].value - sum;
    if (Math.abs(slack) < 1e-9) out.push({ kind, total, members: m, exact: true, slack: 0 });
    else if (slack > 0) out.push({ kind, total, members: m, exact: false, slack });
  };
  const regions = new Map<string, string>();
  for (const c of cells) regions.set(c.region, c.path);
  for (const region of regions.keys()) {
    for (const age of [AgeGroup.TOTAL, ...AGE_MEMBERS]) add('sex', at.get(key(region, Sex.TOTAL, age)), SEX_MEMBERS.map((s) => at.get(key(region, s, age))));
    for (const sex of [Sex.TOTAL, ...SEX_MEMBERS]) add('age', at.get(key(region, sex, AgeGroup.TOTAL)), AGE_MEMBERS.map((a) => at.get(key(region, sex, a))));
  }
  // Regions: each cell belongs to the nearest containing region that has a cell of the same sex and age.
  const children = new Map<number, number[]>();
  cells.forEach((c, i) => {
    for (const anc of ancestorsOf(c.path)) {
      const p = at.get(key(anc, c.sex, c.ageGroup));
      if (p === undefined) continue;
      let list = children.get(p);
      if (!list) children.set(p, (list = []));
      list.push(i);
      break;
    }
  });
  for (const [total, members] of children) add('region', total, members);
  return out;
}

interface Certificate {
  corners: number[];
  signs: number[];
  /** Relations whose total-minus-members changes along the move, and by how much per unit. */
  deltas: Array<[number, number]>;
  /** Agencies that reported a corner other than the cell itself (they would see through the move). */
  owners: Set<number>;
}

/** Values and slacks after some moves: certificates are applied one after another. */
interface State {
  values: Float64Array;
  slack: Float64Array;
}

interface Option {
  /** Coordinate in the dimension: region index, sex index or age index. */
  coord: number;
  sign: 1 | -1;
}

const SEX_INDEX: Record<Sex, number> = { [Sex.TOTAL]: 0, [Sex.FEMALE]: 1, [Sex.MALE]: 2 };
const AGE_INDEX: Record<AgeGroup, number> = {
  [AgeGroup.TOTAL]: 0, [AgeGroup.A0_14]: 1, [AgeGroup.A15_24]: 2, [AgeGroup.A25_44]: 3, [AgeGroup.A45_64]: 4, [AgeGroup.A65_PLUS]: 5,
};

/** The table with its relations, indexed for the search. */
class Table {
  readonly at = new Map<string, number>();
  readonly relations: Relation[];
  /** Per cell: [relation index, +1 when the cell is the total, −1 when a member]. */
  readonly touching: Array<Array<[number, 1 | -1]>>;
  /** Per cell: the relations where it is a member / the total. */
  readonly memberOf: number[][];
  readonly totalOf: number[][];
  /** Coordinates of each cell, and the cell at each coordinate (−1: none). */
  private readonly rIdx: Int32Array;
  private readonly sIdx: Int32Array;
  private readonly aIdx: Int32Array;
  private readonly grid: Int32Array;

  constructor(readonly cells: readonly TableCell[]) {
    cells.forEach((c, i) => this.at.set(key(c.region, c.sex, c.ageGroup), i));
    const regionIndex = new Map<string, number>();
    for (const c of cells) if (!regionIndex.has(c.region)) regionIndex.set(c.region, regionIndex.size);
    this.rIdx = Int32Array.from(cells, (c) => regionIndex.get(c.region)!);
    this.sIdx = Int32Array.from(cells, (c) => SEX_INDEX[c.sex]);
    this.aIdx = Int32Array.from(cells, (c) => AGE_INDEX[c.ageGroup]);
    this.grid = new Int32Array(regionIndex.size * 18).fill(-1);
    cells.forEach((_, i) => (this.grid[this.rIdx[i] * 18 + this.sIdx[i] * 6 + this.aIdx[i]] = i));
    this.baseValues = Float64Array.from(cells, (c) => c.value);
    this.relations = relationsOf(cells, this.at);
    this.touching = cells.map(() => []);
    this.memberOf = cells.map(() => []);
    this.totalOf = cells.map(() => []);
    this.baseSlack = Float64Array.from(this.relations, (r) => r.slack);
    this.scratch = new Float64Array(this.relations.length);
    this.relations.forEach((r, ri) => {
      this.touching[r.total].push([ri, 1]);
      this.totalOf[r.total].push(ri);
      for (const m of r.members) {
        this.touching[m].push([ri, -1]);
        this.memberOf[m].push(ri);
      }
    });
  }

  private readonly baseValues: Float64Array;
  private readonly baseSlack: Float64Array;
  /** Scratch space for `deltas`, one slot per relation. */
  private readonly scratch: Float64Array;

  initial(): State {
    return { values: this.baseValues.slice(), slack: this.baseSlack.slice() };
  }

  /** The change of each relation's total-minus-members along a move; null when an exact relation would change. */
  private deltas(corners: readonly number[], signs: readonly number[]): Array<[number, number]> | null {
    const delta = this.scratch;
    const hit: number[] = [];
    for (let j = 0; j < corners.length; j++) {
      for (const [ri, role] of this.touching[corners[j]]) {
        hit.push(ri);
        delta[ri] += role * signs[j];
      }
    }
    const out: Array<[number, number]> = [];
    let ok = true;
    for (const ri of new Set(hit)) {
      const d = delta[ri];
      delta[ri] = 0;
      if (d === 0 || !ok) continue;
      if (this.relations[ri].exact) ok = false;
      else out.push([ri, d]);
    }
    return ok ? out : null;
  }

  /** How far a move can go from `state` while every relation holds and no cell turns negative: t from −down to +up. */
  reach(cert: Certificate, state: State): { up: number; down: number } {
    let tmax = Infinity;
    let tmin = -Infinity;
    cert.corners.forEach((i, j) => {
      const v = state.values[i];
      if (cert.signs[j] > 0) tmin = Math.max(tmin, -v);
      else tmax = Math.min(tmax, v);
    });
    for (const [ri, d] of cert.deltas) {
      const s = state.slack[ri];
      // slack + t·d ≥ 0
      if (d > 0) tmin = Math.max(tmin, -s / d);
      else tmax = Math.min(tmax, s / -d);
    }
    return { up: Math.max(0, Math.floor(tmax + 1e-9)), down: Math.max(0, Math.floor(-tmin + 1e-9)) };
  }

  apply(cert: Certificate, t: number, state: State): void {
    cert.corners.forEach((i, j) => (state.values[i] += cert.signs[j] * t));
    for (const [ri, d] of cert.deltas) state.slack[ri] += d * t;
  }

  /** Moves available to a cell along one dimension: the other parts of a relation, or its total. */
  private options(i: number, coord: Int32Array, same: (j: number) => boolean, usable: (j: number) => boolean): Option[] {
    const out: Option[] = [];
    const seen = new Set<number>();
    const push = (j: number, sign: 1 | -1) => {
      if (j === i || seen.has(coord[j]) || !same(j) || !usable(j)) return;
      seen.add(coord[j]);
      out.push({ coord: coord[j], sign });
    };
    for (const ri of this.memberOf[i]) {
      const r = this.relations[ri];
      push(r.total, 1);
      for (const m of r.members) push(m, -1);
    }
    for (const ri of this.totalOf[i]) for (const m of this.relations[ri].members) push(m, 1);
    return out;
  }

  /**
   * Every certificate for cell i among published cells: products of one move (or none) per
   * dimension (region, sex, age), keeping every exact relation.
   */
  certificates(i: number, usable: (j: number) => boolean): Certificate[] {
    const { rIdx, sIdx, aIdx } = this;
    const sexOpts = this.options(i, sIdx, (j) => rIdx[j] === rIdx[i] && aIdx[j] === aIdx[i], usable);
    const ageOpts = this.options(i, aIdx, (j) => rIdx[j] === rIdx[i] && sIdx[j] === sIdx[i], usable);
    const pairs = (own: number, o: Option | null): number[] => (o ? [own, 1, o.coord, o.sign] : [own, 1]);
    const out: Certificate[] = [];
    for (const rp of this.regionMoves(i, usable)) {
      for (const so of [null, ...sexOpts]) {
        const sp = pairs(sIdx[i], so);
        for (const ao of [null, ...ageOpts]) {
          const ap = pairs(aIdx[i], ao);
          const corners: number[] = [];
          const signs: number[] = [];
          let ok = true;
          for (let x = 0; ok && x < rp.length; x += 2) {
            for (let y = 0; ok && y < sp.length; y += 2) {
              for (let z = 0; ok && z < ap.length; z += 2) {
                const j = this.grid[rp[x] * 18 + sp[y] * 6 + ap[z]];
                if (j < 0 || !this.cells[j].published || (j !== i && !usable(j))) ok = false;
                else {
                  corners.push(j);
                  signs.push(rp[x + 1] * sp[y + 1] * ap[z + 1]);
                }
              }
            }
          }
          if (!ok) continue;
          const deltas = this.deltas(corners, signs);
          if (!deltas) continue;
          out.push({ corners, signs, deltas, owners: new Set(corners.filter((j) => j !== i).map((j) => this.cells[j].owner)) });
        }
      }
    }
    return out;
  }

  /** The region relation whose total is cell j, if any. */
  private regionTotalOf(j: number): Relation | undefined {
    for (const ri of this.totalOf[j]) if (this.relations[ri].kind === 'region') return this.relations[ri];
    return undefined;
  }

  /**
   * Ways to move cell j's region by `sign` while the regions inside it keep adding up: where its
   * parts must add up exactly, one part moves with it (and so on down); where they need not, also
   * the region alone. Flattened [region index, sign, …].
   */
  private downward(j: number, sign: number, usable: (j: number) => boolean, budget: { left: number }): number[][] {
    const r = this.regionTotalOf(j);
    const own = [this.rIdx[j], sign];
    if (!r) return [own];
    const out: number[][] = r.exact ? [] : [own];
    for (const m of r.members) {
      if (!usable(m)) continue;
      for (const below of this.downward(m, sign, usable, budget)) {
        if (budget.left-- <= 0) return out;
        out.push([...own, ...below]);
      }
    }
    return out;
  }

  /**
   * Moves of cell i's region dimension: the region alone; against another part of the region that
   * contains it (a sibling moves the other way); or with that containing region. Each taken down
   * through the regions inside the moved ones.
   */
  private regionMoves(i: number, usable: (j: number) => boolean): number[][] {
    const budget = { left: 400 };
    const mine = this.downward(i, 1, usable, budget);
    const out: number[][] = [...mine];
    for (const ri of this.memberOf[i]) {
      const r = this.relations[ri];
      if (r.kind !== 'region') continue;
      for (const m of r.members) {
        if (m === i || !usable(m)) continue;
        const theirs = this.downward(m, -1, usable, budget);
        for (const a of mine) for (const b of theirs) out.push([...a, ...b]);
      }
      if (usable(r.total)) for (const a of mine) out.push([this.rIdx[r.total], 1, ...a]);
    }
    return out;
  }

  /**
   * The range certified for cell i: certificates applied one after another, each as far as it goes
   * from where the last left the table, up to `enough`. Returns the reach each way, the agencies
   * whose cells the moves used, and the end states (for choosing what to withhold next).
   */
  range(certs: readonly Certificate[], enough: number): { up: number; down: number; used: Set<number>; upState: State; downState: State } {
    const used = new Set<number>();
    const walk = (dir: 1 | -1) => {
      const state = this.initial();
      let total = 0;
      for (let progress = true; progress && total < enough; ) {
        progress = false;
        for (const cert of certs) {
          const r = this.reach(cert, state);
          const step = Math.min(dir > 0 ? r.up : r.down, enough - total);
          if (step <= 0) continue;
          this.apply(cert, dir * step, state);
          total += step;
          progress = true;
          for (const g of cert.owners) used.add(g);
          if (total >= enough) break;
        }
      }
      return { total, state };
    };
    const down = walk(-1);
    const up = walk(1);
    return { up: up.total, down: down.total, used, upState: up.state, downState: down.state };
  }
}

/** What withholding a cell gives up: its value, more for totals (a total shown keeps a table readable). */
function costOf(t: Table, j: number): number {
  return 1 + t.cells[j].value * (t.totalOf[j].length ? 3 : 1);
}

/**
 * The cells to withhold so that every published small count (1..k−1) has a certified range of at
 * least k for every viewer, each knowing the cells their own agency reported. Only counts go in.
 */
export function protectTable(cells: readonly TableCell[], k: number): Protection {
  const t = new Table(cells);
  const isSmall = (i: number) => cells[i].published && cells[i].value > 0 && cells[i].value < k;
  const withheld = new Set<number>();
  cells.forEach((_, i) => isSmall(i) && withheld.add(i));
  const unprotected: Protection['unprotected'] = [];
  const owners = [...new Set(cells.map((c) => c.owner))];
  const primaries = [...withheld].sort((a, b) => cells[a].value - cells[b].value || cells[a].id.localeCompare(cells[b].id));

  for (const i of primaries) {
    // Certificates among cells withheld already (recomputed when more are withheld); all of them
    // only when those fall short.
    let free = t.certificates(i, (j) => withheld.has(j));
    let all: Certificate[] | undefined;
    const hidden = (cert: Certificate) => cert.corners.every((j) => withheld.has(j));
    // The viewer who reported nothing first; an agency needs its own look only where the moves
    // that protect the cell used cells it reported.
    const todo: number[] = [ANY_VIEWER];
    const done = new Set<number>([cells[i].owner]);
    while (todo.length) {
      const g = todo.shift()!;
      if (done.has(g)) continue;
      done.add(g);
      for (;;) {
        const now = t.range(free.filter((c) => !c.owners.has(g)), k);
        if (now.up + now.down >= k) {
          if (g === ANY_VIEWER) for (const o of owners) if (now.used.has(o)) todo.push(o);
          break;
        }
        all ??= t.certificates(i, (j) => cells[j].published);
        // Withhold the corners of the cheapest move that adds range where it is short: upwards
        // (a small count can go down at most to 0), else downwards.
        const pickFrom = (dir: 1 | -1) => {
          const from = dir > 0 ? now.upState : now.downState;
          let best: Certificate | undefined;
          let bestCost = Infinity;
          for (const cert of all!) {
            if (cert.owners.has(g) || hidden(cert)) continue;
            const cost = cert.corners.reduce((s, j) => s + (withheld.has(j) ? 0 : costOf(t, j)), 0);
            if (cost >= bestCost) continue;
            const r = t.reach(cert, from);
            if ((dir > 0 ? r.up : r.down) <= 0) continue;
            bestCost = cost;
            best = cert;
          }
          return best;
        };
        const best = pickFrom(1) ?? (now.down < cells[i].value ? pickFrom(-1) : undefined);
        if (!best) {
          unprotected.push({ id: cells[i].id, attacker: g, width: now.up + now.down });
          break;
        }
        for (const j of best.corners) withheld.add(j);
        free = t.certificates(i, (j) => withheld.has(j));
      }
    }
  }
  return { withheld: new Set([...withheld].map((i) => cells[i].id)), unprotected };
}

import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Viewer } from '../../auth/viewer';
import { isDatabaseUnavailable, ServiceUnavailableError } from '../../common/errors';
import { parsePeriod, PeriodType, type ParsedPeriod } from '../../common/jalali';
import type { AgencyKind } from '../../modules/agency/agency.entity';
import type { Role } from '../../modules/person/membership.entity';
import type { RegionSnapshot } from '../../modules/region/region-directory';
import type { Context } from '../context';
import { LimitError } from './errors';

/** Cost budgets by who is calling; 0 turns a budget off. */
export interface CostConfig {
  /** No membership: the public, and people acting for no agency. */
  public: number;
  /** Any current membership. */
  signedIn: number;
  /** Members of a provincial governorate agency acting in one of `provincialRoles`. */
  provincial: number;
  provincialRoles: Role[];
  /** The length assumed for list fields without a `first` argument. */
  listSize: number;
}

export type CostTier = 'PUBLIC' | 'SIGNED_IN' | 'PROVINCIAL';

const PROVINCIAL: AgencyKind = 'PROVINCIAL_GOVERNORATE' as AgencyKind;
/** The resolvers' page size when `first` is not given (DEFAULT_PAGE_SIZE in common/pagination). */
const DEFAULT_PAGE = 50;

export function costBudget(viewer: Viewer, config: CostConfig): { tier: CostTier; limit: number } {
  const m = viewer.membership;
  if (!m) return { tier: 'PUBLIC', limit: config.public };
  if (m.agencyKind === PROVINCIAL && config.provincialRoles.includes(m.role)) return { tier: 'PROVINCIAL', limit: config.provincial };
  return { tier: 'SIGNED_IN', limit: config.signedIn };
}

/**
 * Every field costs 1 plus its selection. A connection (`…Connection`) multiplies its selection by
 * the page size asked for (`first`, 50 by default, at most the hub's maximum page size); its
 * `nodes` and `edges` are then not multiplied again. Other lists of objects multiply by `listSize`.
 * Introspection costs nothing here: it is gated separately in production and bounded by graphql's
 * own MaxIntrospectionDepthRule.
 */
export function pageEstimator(maxPageSize: number, listSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
    const named = getNamedType(field.type);
    if (named.name.endsWith('Connection')) {
      const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE;
      return 1 + Math.min(Math.max(first, 0), maxPageSize) * childComplexity;
    }
    if (isListType(getNullableType(field.type)) && isCompositeType(named) && !type.name.endsWith('Connection')) {
      return 1 + listSize * childComplexity;
    }
    return 1 + childComplexity;
  };
}

/** What an estimate reads besides the schema, the document and the variables. */
export interface CostContext {
  /** The request's region directory: how many regions a series can return. */
  regions?: RegionSnapshot;
  /** The document's fragments by name: the fields a series selects through them. */
  fragments?: ReadonlyMap<string, FragmentDefinitionNode>;
}

/**
 * A point of a series costs a fifth of its selection. Chosen so that the series the hub's own
 * clients ask for stay within their callers' budgets (the load test's public series of 3
 * indicators × 14 counties × 8 quarters with every field, 21 a point: 4,235 of 5,000) while a
 * public series of all the monthly indicators over the years is refused.
 */
export const SERIES_POINT_DIVISOR = 5;

const PREVIOUS = new Set(['previous', 'changeFromPrevious', 'changeFromPreviousPercent']);
const LAST_YEAR = new Set(['lastYear', 'changeFromLastYear', 'changeFromLastYearPercent']);

/** How many of the two comparisons (previous period, same period last year) a selection asks for, through fragments; directives ignored. */
export function comparisonsSelected(set: SelectionSetNode | undefined, fragments?: ReadonlyMap<string, FragmentDefinitionNode>): number {
  let previous = false;
  let lastYear = false;
  const seen = new Set<string>();
  const sets = set ? [set] : [];
  while (sets.length) {
    for (const sel of sets.pop()!.selections) {
      if (sel.kind === Kind.FIELD) {
        if (PREVIOUS.has(sel.name.value)) previous = true;
        else if (LAST_YEAR.has(sel.name.value)) lastYear = true;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) sets.push(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const def = fragments?.get(sel.name.value);
        if (def) sets.push(def.selectionSet);
      }
    }
  }
  return Number(previous) + Number(lastYear);
}

/** Position of a period on its own scale (months, quarters or years), to count the periods between two. */
function ordinal(p: ParsedPeriod): number {
  if (p.type === PeriodType.MONTH) return p.year * 12 + p.month! - 1;
  if (p.type === PeriodType.QUARTER) return p.year * 4 + p.quarter! - 1;
  return p.year;
}

/** Periods of `granularity` from `from` to `to`, both included; undefined when the codes are not valid (execution says why). */
export function periodsBetweenCodes(from: unknown, to: unknown, granularity: unknown): number | undefined {
  if (typeof from !== 'string' || typeof to !== 'string') return undefined;
  let a: ParsedPeriod;
  let b: ParsedPeriod;
  try {
    a = parsePeriod(from);
    b = parsePeriod(to);
  } catch {
    return undefined;
  }
  if (a.type !== granularity || b.type !== granularity) return undefined;
  const n = ordinal(b) - ordinal(a) + 1;
  return n >= 1 ? n : undefined;
}

/** Regions of a level inside a region (or anywhere), per snapshot of the directory. */
const regionCounts = new WeakMap<RegionSnapshot, Map<string, number>>();

/**
 * How many regions a series can return: those at `level` inside `within`, or the codes of
 * `regions` (an empty list asks for all). An upper bound: a `within` unknown to the snapshot
 * (added since it was read) counts every region at the level, and an unknown code in `regions`
 * counts as one.
 */
export function seriesRegions(snapshot: RegionSnapshot, level: unknown, within: unknown, codes: unknown): number {
  const root = typeof within === 'string' ? snapshot.byCode.get(within) : undefined;
  const inside = (r: { level: string; path: string }) => r.level === level && (!root || r.path.startsWith(root.path));
  if (Array.isArray(codes) && codes.length) {
    let n = 0;
    for (const code of new Set(codes)) {
      const r = typeof code === 'string' ? snapshot.byCode.get(code) : undefined;
      if (!r || inside(r)) n++;
    }
    return n;
  }
  let counts = regionCounts.get(snapshot);
  if (!counts) regionCounts.set(snapshot, (counts = new Map()));
  // Keys are known codes and levels only: the map cannot grow past the directory.
  const key = `${String(level)}\u0000${root?.code ?? ''}`;
  let n = counts.get(key);
  if (n === undefined) {
    n = 0;
    for (const r of snapshot.all) if (inside(r)) n++;
    counts.set(key, n);
  }
  return n;
}

/**
 * `indicatorSeries` answers a point per indicator, region and period, and each comparison asked
 * for reads the series again (a period before, a year before): it costs 1 + indicators × regions
 * × periods × (1 + comparisons) × the cost of one point's selection (at least 1) ÷
 * SERIES_POINT_DIVISOR, rounded up. Input the resolver refuses (bad period codes, `to` before
 * `from`), and a series estimated without the region directory, are left to the list estimate;
 * execution reports what is wrong.
 */
export function seriesEstimator(divisor = SERIES_POINT_DIVISOR): ComplexityEstimator {
  return ({ type, field, args, node, childComplexity, context }) => {
    if (type.name !== 'Query' || field.name !== 'indicatorSeries') return undefined;
    const input = args.input as Record<string, unknown> | undefined;
    const { regions, fragments } = (context ?? {}) as CostContext;
    if (!input || !Array.isArray(input.indicators) || !regions) return undefined;
    const periods = periodsBetweenCodes(input.from, input.to, input.granularity);
    if (periods === undefined) return undefined;
    const points = Math.max(1, new Set(input.indicators).size) * Math.max(1, seriesRegions(regions, input.level, input.within, input.regions)) * periods;
    return 1 + Math.ceil((points * (1 + comparisonsSelected(node.selectionSet, fragments)) * Math.max(1, childComplexity)) / divisor);
  };
}

/** The library's error when a document expands to too many nodes to estimate. */
const TOO_MANY_NODES = /maximum allowed number of nodes/;

/** Estimated cost of the operation: `Infinity` when it expands to too many nodes to estimate, undefined when its variables are invalid. */
export function operationCost(
  args: Omit<Parameters<typeof getComplexity>[0], 'estimators'>,
  estimators: ComplexityEstimator[],
): number | undefined {
  try {
    return getComplexity({ ...args, estimators, maxQueryNodes: 50_000 });
  } catch (e) {
    if (e instanceof GraphQLError && TOO_MANY_NODES.test(e.message)) return Infinity;
    // Bad variables: execution reports them.
    return undefined;
  }
}

/**
 * Costs already estimated, per parsed document, then by operation name and variables. A cost
 * that read the region directory (`regions`) holds for that snapshot only: a new snapshot
 * starts the document's costs afresh.
 */
export class CostMemo {
  private readonly byDocument = new WeakMap<DocumentNode, { regions?: RegionSnapshot; known: Map<string, number | undefined> }>();

  get(
    args: { query: DocumentNode; operationName?: string; variables: Record<string, unknown>; regions?: RegionSnapshot },
    estimate: () => number | undefined,
  ): number | undefined {
    let entry = this.byDocument.get(args.query);
    if (!entry || entry.regions !== args.regions) this.byDocument.set(args.query, (entry = { regions: args.regions, known: new Map() }));
    const { known } = entry;
    const key = `${args.operationName ?? ''}\u0000${JSON.stringify(args.variables)}`;
    if (known.has(key)) return known.get(key);
    const cost = estimate();
    // Big variables are not kept: at most MEMO_PER_DOCUMENT × MEMO_KEY_CHARS per document.
    if (key.length > MEMO_KEY_CHARS) return cost;
    if (known.size >= MEMO_PER_DOCUMENT) known.clear();
    known.set(key, cost);
    return cost;
  }
}

const MEMO_PER_DOCUMENT = 256;
const MEMO_KEY_CHARS = 8_192;

/**
 * The budget depends on the caller, known only once the context is built: Apollo Server runs
 * validation rules without it, so the cost is checked when the operation is resolved.
 */
/** Fragments of documents that ask for a series (null: no series), per parsed document. */
const seriesDocuments = new WeakMap<DocumentNode, ReadonlyMap<string, FragmentDefinitionNode> | null>();

/** The document's fragments when it selects `indicatorSeries` anywhere, else null. */
function seriesFragments(doc: DocumentNode): ReadonlyMap<string, FragmentDefinitionNode> | null {
  let known = seriesDocuments.get(doc);
  if (known !== undefined) return known;
  let series = false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  const sets: SelectionSetNode[] = [];
  for (const d of doc.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    if (d.kind === Kind.FRAGMENT_DEFINITION || d.kind === Kind.OPERATION_DEFINITION) sets.push(d.selectionSet);
  }
  while (sets.length && !series) {
    for (const sel of sets.pop()!.selections) {
      if (sel.kind === Kind.FIELD && sel.name.value === 'indicatorSeries') series = true;
      else if (sel.kind === Kind.INLINE_FRAGMENT) sets.push(sel.selectionSet);
    }
  }
  known = series ? fragments : null;
  seriesDocuments.set(doc, known);
  return known;
}

export function costPlugin(config: CostConfig, maxPageSize: number): ApolloServerPlugin<Context> {
  const estimators = [fieldExtensionsEstimator(), seriesEstimator(), pageEstimator(maxPageSize, config.listSize)];
  const costs = new CostMemo();
  return {
    async requestDidStart({ contextValue }) {
      const budget = costBudget(contextValue.viewer, config);
      if (!budget.limit) return;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // A series costs by the regions it can return: the request's snapshot of the directory
          // (the one its resolvers read; kept process-wide, so usually no statement).
          const fragments = seriesFragments(document);
          let regions: RegionSnapshot | undefined;
          if (fragments) {
            try {
              regions = await contextValue.regions();
            } catch (e) {
              throw isDatabaseUnavailable(e) ? new ServiceUnavailableError() : e;
            }
          }
          const context: CostContext = { regions, fragments: fragments ?? undefined };
          const args = { schema, query: document, operationName: operation?.name?.value, variables: request.variables ?? {}, context };
          // Queries repeat (dashboards, partner systems): their cost is kept per parsed document
          // (Apollo Server reuses it for the same text) and variables. Mutations carry big inputs.
          const cost = operation?.operation === 'query' ? costs.get({ ...args, regions }, () => operationCost(args, estimators)) : operationCost(args, estimators);
          if (cost === undefined || cost <= budget.limit) return;
          const actual = Number.isFinite(cost) ? cost : undefined;
          throw new LimitError(
            'QUERY_TOO_COMPLEX',
            `the estimated cost of this operation${actual !== undefined ? ` (${actual})` : ''} is over your budget of ${budget.limit}; ask for smaller pages or fewer nested lists`,
            400,
            { limit: budget.limit, ...(actual !== undefined ? { actual } : {}), budget: budget.tier },
          );
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, getNullableType, GraphQLError, isCompositeType, isListType, type DocumentNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Viewer } from '../../auth/viewer';
import type { AgencyKind } from '../../modules/agency/agency.entity';
import type { Role } from '../../modules/person/membership.entity';
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

/** Costs already estimated, per parsed document, then by operation name and variables. */
export class CostMemo {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number | undefined>>();

  get(args: { query: DocumentNode; operationName?: string; variables: Record<string, unknown> }, estimate: () => number | undefined): number | undefined {
    let known = this.byDocument.get(args.query);
    if (!known) this.byDocument.set(args.query, (known = new Map()));
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
export function costPlugin(config: CostConfig, maxPageSize: number): ApolloServerPlugin<Context> {
  const estimators = [fieldExtensionsEstimator(), pageEstimator(maxPageSize, config.listSize)];
  const costs = new CostMemo();
  return {
    async requestDidStart({ contextValue }) {
      const budget = costBudget(contextValue.viewer, config);
      if (!budget.limit) return;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const args = { schema, query: document, operationName: operation?.name?.value, variables: request.variables ?? {} };
          // Queries repeat (dashboards, partner systems): their cost is kept per parsed document
          // (Apollo Server reuses it for the same text) and variables. Mutations carry big inputs.
          const cost = operation?.operation === 'query' ? costs.get(args, () => operationCost(args, estimators)) : operationCost(args, estimators);
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

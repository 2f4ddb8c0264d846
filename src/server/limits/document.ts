import type express from 'express';
import {
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { LimitError, sendLimitError, type LimitErrorCode } from './errors';

/** Limits on the text of a GraphQL document; 0 turns one off. */
export interface DocumentLimits {
  maxTokens: number;
  maxOperations: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

export interface DocumentShape {
  operations: number;
  /** The deepest operation's field nesting (`{ a { b } }` is 2), fragments expanded. */
  depth: number;
  /** The most aliases and directives any one operation would run, fragments expanded as often as spread. */
  aliases: number;
  directives: number;
}

/** Tokens of `source`, counting no further than `stopAfter`; a lexing error ends the count (the parser reports it). */
export function countTokens(source: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(source));
  let n = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) if (++n > stopAfter) break;
  } catch {
    // A syntax error: Apollo Server answers it as GRAPHQL_PARSE_FAILED.
  }
  return n;
}

interface Measure {
  depth: number;
  aliases: number;
  directives: number;
}

const NONE: Measure = { depth: 0, aliases: 0, directives: 0 };

/**
 * Measures every operation of a parsed (not yet validated) document. Fragment cycles and unknown
 * fragments count as empty here; validation refuses them afterwards.
 */
export function measureDocument(doc: DocumentNode): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const d of doc.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    else if (d.kind === Kind.OPERATION_DEFINITION) operations.push(d);
  }
  const memo = new Map<string, Measure>();
  const visiting = new Set<string>();

  const fragment = (name: string): Measure => {
    const known = memo.get(name);
    if (known) return known;
    const def = fragments.get(name);
    if (!def || visiting.has(name)) return NONE;
    visiting.add(name);
    const m = selectionSet(def.selectionSet);
    visiting.delete(name);
    const result = { ...m, directives: m.directives + (def.directives?.length ?? 0) };
    memo.set(name, result);
    return result;
  };

  const selectionSet = (set: SelectionSetNode): Measure => {
    let depth = 0;
    let aliases = 0;
    let directives = 0;
    for (const sel of set.selections) {
      directives += sel.directives?.length ?? 0;
      let child: Measure;
      if (sel.kind === Kind.FIELD) {
        child = sel.selectionSet ? selectionSet(sel.selectionSet) : NONE;
        if (sel.alias) aliases++;
        // Introspection's nesting is bounded by graphql's own MaxIntrospectionDepthRule.
        const introspection = sel.name.value === '__schema' || sel.name.value === '__type';
        depth = Math.max(depth, introspection ? 1 : 1 + child.depth);
      } else {
        child = sel.kind === Kind.INLINE_FRAGMENT ? selectionSet(sel.selectionSet) : fragment(sel.name.value);
        depth = Math.max(depth, child.depth);
      }
      aliases += child.aliases;
      directives += child.directives;
    }
    return { depth, aliases, directives };
  };

  const shape: DocumentShape = { operations: operations.length, depth: 0, aliases: 0, directives: 0 };
  for (const op of operations) {
    const m = selectionSet(op.selectionSet);
    const own = (op.directives?.length ?? 0) + (op.variableDefinitions ?? []).reduce((n, v) => n + (v.directives?.length ?? 0), 0);
    shape.depth = Math.max(shape.depth, m.depth);
    shape.aliases = Math.max(shape.aliases, m.aliases);
    shape.directives = Math.max(shape.directives, m.directives + own);
  }
  return shape;
}

/** The first limit the document breaks, or undefined. Documents that do not parse are left to Apollo Server. */
export function checkDocument(query: string, limits: DocumentLimits): LimitError | undefined {
  if (limits.maxTokens) {
    const tokens = countTokens(query, limits.maxTokens);
    if (tokens > limits.maxTokens) {
      return new LimitError('TOO_MANY_TOKENS', `the document has more than ${limits.maxTokens} tokens`, 400, { limit: limits.maxTokens });
    }
  }
  let doc: DocumentNode;
  try {
    doc = parse(query, { noLocation: true });
  } catch {
    return undefined;
  }
  const shape = measureDocument(doc);
  const checks: [keyof DocumentShape, number, LimitErrorCode, string][] = [
    ['operations', limits.maxOperations, 'TOO_MANY_OPERATIONS', 'operations in one document'],
    ['depth', limits.maxDepth, 'QUERY_TOO_DEEP', 'levels of nested fields'],
    ['aliases', limits.maxAliases, 'TOO_MANY_ALIASES', 'aliases in one operation'],
    ['directives', limits.maxDirectives, 'TOO_MANY_DIRECTIVES', 'directives in one operation'],
  ];
  for (const [key, limit, code, what] of checks) {
    const actual = shape[key];
    if (limit && actual > limit) return new LimitError(code, `at most ${limit} ${what} are allowed; this document has ${actual}`, 400, { limit, actual });
  }
  return undefined;
}

/**
 * Refuses batched requests and documents over the limits before Apollo Server parses and validates
 * them. Documents named by hash only (trusted documents) are filled in later and not checked here.
 */
export function documentLimitsHandler(limits: DocumentLimits): express.RequestHandler {
  // Partner systems and dashboards send the same texts again and again: the verdict on each recent
  // text is kept (texts up to 16 KB, the 500 last distinct ones).
  const verdicts = new Map<string, LimitError | undefined>();
  const check = (query: string): LimitError | undefined => {
    if (query.length > 16_384) return checkDocument(query, limits);
    if (verdicts.has(query)) return verdicts.get(query);
    const verdict = checkDocument(query, limits);
    if (verdicts.size >= 500) verdicts.delete(verdicts.keys().next().value!);
    verdicts.set(query, verdict);
    return verdict;
  };
  return (req, res, next) => {
    let query: unknown;
    if (req.method === 'GET') {
      query = new URL(req.url, 'http://hub').searchParams.get('query');
    } else if (Array.isArray(req.body)) {
      return sendLimitError(
        res,
        new LimitError('BATCHING_NOT_ALLOWED', 'send one operation per HTTP request (a JSON object, not an array)', 400, { limit: 1, actual: req.body.length }),
      );
    } else if (req.body && typeof req.body === 'object') {
      query = (req.body as Record<string, unknown>).query;
    }
    if (typeof query !== 'string' || query === '') return next();
    const refusal = check(query);
    if (refusal) return sendLimitError(res, refusal);
    next();
  };
}

import { allow, rule, type IRule } from 'graphql-shield';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import type { Context } from '../server/context';
import type { Person } from '../modules/person/person.entity';
import { may, mayAttempt, type Action } from './policy';

export type ShieldRule = IRule | typeof allow;

/** Open to everyone, including callers without a token. Written out wherever it applies. */
export const isPublic: ShieldRule = allow;

export const isSignedIn = rule('signedIn', { cache: 'contextual' })((_p, _a, ctx: Context) =>
  ctx.viewer.person ? true : new UnauthenticatedError(),
);

type RuleFn<P> = (parent: P, args: unknown, ctx: Context) => Promise<boolean | Error>;

/** A rule that throws is refused by shield (fail closed) without a trace; this logs the cause first. */
function logFailures<P>(name: string, fn: RuleFn<P>): RuleFn<P> {
  return async (parent, args, ctx) => {
    try {
      return await fn(parent, args, ctx);
    } catch (e) {
      ctx.log.error('access rule failed; refused', { rule: name, requestId: ctx.requestId, error: e instanceof Error ? e.stack : String(e) });
      throw e;
    }
  };
}

const actionRules = new Map<Action, IRule>();

/** Allowed when some grant of the action could apply to the caller; services then check the target. */
export function mayAttemptAction(action: Action): IRule {
  let r = actionRules.get(action);
  if (!r) {
    r = rule(`may:${action}`, { cache: 'contextual' })((_p, _a, ctx: Context) => {
      if (!ctx.viewer.person) return new UnauthenticatedError();
      return mayAttempt(ctx.viewer, action) ? true : new ForbiddenError(`${action}: not allowed for your agency and role`);
    });
    actionRules.set(action, r);
  }
  return r;
}

/** The person themself, or anyone some grant of the action could apply to. */
export function selfOrMayAttempt(action: Action): IRule {
  return rule(`selfOr:${action}`, { cache: 'no_cache' })((person: Person, _a, ctx: Context) => {
    if (!ctx.viewer.person) return new UnauthenticatedError();
    if (ctx.viewer.person.id === person.id || mayAttempt(ctx.viewer, action)) return true;
    return new ForbiddenError(`${action}: not allowed for your agency and role`);
  });
}

/**
 * Phone and national ID: the person, or an admin of the agency that owns the person's record (the
 * one that registered them). Not any agency that adds the person: enrolling someone gives no
 * access to their contact data.
 */
export const mayReadPersonalData = rule('personalData', { cache: 'no_cache' })(
  logFailures('personalData', async (person: Person, _a, ctx: Context) => {
    const { viewer } = ctx;
    if (!viewer.person) return new UnauthenticatedError();
    if (viewer.person.id === person.id) return true;
    const home = person.homeAgency?.id;
    return home !== undefined && may(viewer, 'person.readPersonal', [home]) ? true : new ForbiddenError('personal data: admins of the agency that owns the person\'s record only');
  }),
);

/** How a row rule decides: `true`, or the error the caller gets at that field. */
export type RowDecision<P> = (parent: P, ctx: Context) => true | Error;

const rowDecisions = new WeakMap<IRule, RowDecision<never>>();

/**
 * A per-row rule that decides from the parent object and the context alone, without waiting on
 * anything. It is a graphql-shield rule like any other (the tree, the completeness check and the
 * rule's own evaluation are shield's); `applyPolicy` runs it without shield's promise chain, which
 * costs more than the decision on lists of a thousand rows.
 */
export function rowRule<P>(name: string, decide: RowDecision<P>): IRule {
  const r = rule(name, { cache: 'no_cache' })((parent: P, _a, ctx: Context) => decide(parent, ctx));
  rowDecisions.set(r, decide as RowDecision<never>);
  return r;
}

/** The synchronous decision behind a rule made by `rowRule`, if it is one. */
export function rowDecisionOf(r: ShieldRule): RowDecision<unknown> | undefined {
  return rowDecisions.get(r as IRule) as RowDecision<unknown> | undefined;
}

export type FieldRules = Record<string, ShieldRule>;
export type RuleTree = Record<string, FieldRules>;

/** The same rule for each named field: every field is still named, so a new field has no rule until one is written. */
export function sameRule(r: ShieldRule, fields: readonly string[]): FieldRules {
  return Object.fromEntries(fields.map((f) => [f, r]));
}

/** Rules of a `XConnection`/`XEdge` pair: the page structure is public, the nodes carry their own rules. */
export function connectionRules(node: string): RuleTree {
  return {
    [`${node}Connection`]: sameRule(isPublic, ['edges', 'nodes', 'pageInfo', 'totalCount']),
    [`${node}Edge`]: sameRule(isPublic, ['cursor', 'node']),
  };
}

/** Merges per-module rule trees; a field given two rules is a mistake. */
export function mergeRuleTrees(...trees: RuleTree[]): RuleTree {
  const out: RuleTree = {};
  for (const tree of trees) {
    for (const [type, fields] of Object.entries(tree)) {
      out[type] ??= {};
      for (const [field, r] of Object.entries(fields)) {
        if (out[type][field]) throw new Error(`two rules for ${type}.${field}`);
        out[type][field] = r;
      }
    }
  }
  return out;
}

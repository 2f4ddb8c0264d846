import type { GraphQLSchema } from 'graphql';
import { getNamedType, isIntrospectionType, isNonNullType, isObjectType } from 'graphql';
import { applyMiddleware, type IMiddlewareFieldMap } from 'graphql-middleware';
import { allow, deny, shield } from 'graphql-shield';
import { ForbiddenError } from '../common/errors';
import { rowDecisionOf, type RowDecision, type RuleTree } from './rules';

/** Deny what has no rule; let the hub's own typed errors through; refuse with FORBIDDEN otherwise. */
export const SHIELD_OPTIONS = {
  fallbackRule: deny,
  allowExternalErrors: true,
  fallbackError: () => new ForbiddenError(),
};

type FieldResolve = (parent: unknown, args: unknown, ctx: never, info: unknown) => unknown;

/**
 * What shield's field middleware does with the options `applyPolicy` sets (deny fallback, own errors
 * let through, no debug), for a rule that decides at once: `true` runs the field, an error is the
 * field's answer, anything else (a throw included) is the fallback refusal. It returns the field's
 * value itself, not a promise, so a list of a thousand rows is not a thousand promise chains.
 */
function rowMiddleware(decide: RowDecision<unknown>) {
  return (resolve: FieldResolve, parent: unknown, args: unknown, ctx: never, info: unknown) => {
    let verdict: unknown;
    try {
      verdict = decide(parent, ctx);
    } catch {
      verdict = false;
    }
    if (verdict === true) {
      try {
        return resolve(parent, args, ctx, info);
      } catch (e) {
        return e;
      }
    }
    return verdict instanceof Error ? verdict : new ForbiddenError();
  };
}

/**
 * Checks the rule tree against the schema and lists every gap:
 * - every field of every object type has a rule, and every rule names a field;
 * - a guarded field (rule other than plain `allow`) is nullable, so a refusal is `null` plus an
 *   error at that field instead of wiping out its parent;
 * - a type in `behindGuards` is reached only through guarded fields (or from another such type), so
 *   its own fields may be `allow`.
 */
export function policyGaps(schema: GraphQLSchema, tree: RuleTree, behindGuards: Record<string, string> = {}): string[] {
  const gaps: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const rules = tree[type.name] ?? {};
    for (const [name, field] of Object.entries(type.getFields())) {
      const r = rules[name];
      if (!r) {
        gaps.push(`${type.name}.${name} has no rule`);
        continue;
      }
      if (r !== allow && isNonNullType(field.type)) gaps.push(`${type.name}.${name} is guarded but non-null: a refusal would null its parent`);
      const target = getNamedType(field.type).name;
      if (behindGuards[target] && r === allow && !behindGuards[type.name]) gaps.push(`${type.name}.${name} reaches ${target} without a guard (${behindGuards[target]})`);
    }
  }
  for (const [typeName, rules] of Object.entries(tree)) {
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type)) {
      gaps.push(`rules name type ${typeName}, which the schema does not have`);
      continue;
    }
    for (const field of Object.keys(rules)) {
      if (!type.getFields()[field]) gaps.push(`rules name ${typeName}.${field}, which the schema does not have`);
    }
  }
  return gaps;
}

/**
 * Applies graphql-shield without wrapping the fields whose rule is plain `allow`: shield wraps every
 * field in an async middleware otherwise, which makes large lists many times slower. Deny by default
 * holds all the same: a field without a rule fails here at build time, and shield's own fallback is `deny`.
 * Rules made by `rowRule` run through `rowMiddleware`, with shield's outcomes and no promise.
 */
export function applyPolicy(schema: GraphQLSchema, tree: RuleTree, behindGuards: Record<string, string> = {}): GraphQLSchema {
  const gaps = policyGaps(schema, tree, behindGuards);
  if (gaps.length) throw new Error(`the access policy is incomplete:\n  ${gaps.join('\n  ')}`);
  const generated = shield(tree, SHIELD_OPTIONS).generate(schema) as Record<string, IMiddlewareFieldMap[string]>;
  const lean: IMiddlewareFieldMap = {};
  for (const [typeName, fields] of Object.entries(generated)) {
    const kept = Object.fromEntries(
      Object.entries(fields as object)
        .filter(([field]) => tree[typeName]?.[field] !== allow)
        .map(([field, middleware]) => {
          const decide = rowDecisionOf(tree[typeName]?.[field]);
          return [field, decide ? rowMiddleware(decide) : middleware];
        }),
    );
    if (Object.keys(kept).length) lean[typeName] = kept;
  }
  return applyMiddleware(schema, lean);
}

/** Names of fields that shield wraps (for tests and the benchmark). */
export function guardedFields(tree: RuleTree): string[] {
  return Object.entries(tree).flatMap(([t, fields]) => Object.entries(fields).filter(([, r]) => r !== allow).map(([f]) => `${t}.${f}`));
}

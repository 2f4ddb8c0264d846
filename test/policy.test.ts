import fs from 'node:fs';
import path from 'node:path';
import { buildSchema as buildSdl, execute, parse, getNamedType, GraphQLObjectType, isIntrospectionType, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, shield } from 'graphql-shield';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { ACTIONS, may, mayAttempt } from '../src/policy/policy';
import { isPublic, mayAttemptAction, rowRule, type RuleTree } from '../src/policy/rules';
import { applyPolicy, guardedFields, policyGaps, SHIELD_OPTIONS } from '../src/policy/shield';
import { ForbiddenError } from '../src/common/errors';
import { BEHIND_GUARDS, buildBareSchema, buildSchema, RULES } from '../src/server/schema';
import type { Viewer } from '../src/auth/viewer';
import { AgencyKind } from '../src/modules/agency/agency.entity';
import { Role } from '../src/modules/person/membership.entity';
import { RegionLevel } from '../src/modules/region/region.entity';

describe('deny by default: the schema walk', () => {
  const schema = buildBareSchema();

  it('every field of every object type in the schema has an explicit rule', () => {
    const missing: string[] = [];
    let fields = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || isIntrospectionType(type)) continue;
      for (const field of Object.keys(type.getFields())) {
        fields++;
        if (!RULES[type.name]?.[field]) missing.push(`${type.name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
    expect(fields).toBeGreaterThan(80);
    expect(policyGaps(schema, RULES, BEHIND_GUARDS)).toEqual([]);
  });

  it('every query and mutation is named in the rules (public ones explicitly)', () => {
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const field of Object.keys(root.getFields())) expect(RULES[root.name]?.[field], `${root.name}.${field}`).toBeDefined();
    }
    expect(RULES.Mutation.createAgency).not.toBe(allow);
    expect(RULES.Mutation.handOverPost).not.toBe(allow);
  });

  it('the build fails for a field without a rule, a rule without a field, and a guarded non-null field', () => {
    const sdl = buildSdl(`
      type Query { open: String, forgotten: String, guarded: String!, rows: [Secret] }
      type Secret { id: ID }
    `);
    const tree: RuleTree = {
      Query: { open: isPublic, guarded: mayAttemptAction('agency.create'), rows: isPublic, ghost: isPublic },
      Secret: { id: isPublic },
    };
    const gaps = policyGaps(sdl, tree, { Secret: 'test' });
    expect(gaps).toContain('Query.forgotten has no rule');
    expect(gaps).toContain('rules name Query.ghost, which the schema does not have');
    expect(gaps.some((g) => g.startsWith('Query.guarded is guarded but non-null'))).toBe(true);
    expect(gaps.some((g) => g.startsWith('Query.rows reaches Secret without a guard'))).toBe(true);
    expect(() => applyPolicy(sdl, tree)).toThrow(/access policy is incomplete/);
  });

  it('types behind guards are reached only through guarded fields', () => {
    let checked = 0;
    for (const [typeName] of Object.entries(BEHIND_GUARDS)) {
      const entries: string[] = [];
      for (const type of Object.values(schema.getTypeMap())) {
        if (!(type instanceof GraphQLObjectType) || isIntrospectionType(type)) continue;
        for (const [name, field] of Object.entries(type.getFields())) {
          if (getNamedType(field.type).name === typeName && !BEHIND_GUARDS[type.name]) entries.push(`${type.name}.${name}`);
        }
      }
      for (const entry of entries) {
        const [t, f] = entry.split('.');
        expect(RULES[t][f], entry).not.toBe(allow);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it('shield wraps only the guarded fields', () => {
    const guarded = guardedFields(RULES);
    expect(guarded).toContain('Person.phone');
    expect(guarded).toContain('Agency.memberships');
    expect(guarded).not.toContain('Region.nameFa');
  });

  it('row rules give the answers shield gives, without a promise per field', async () => {
    const sdl = buildSdl(`
      type Query { rows: [Row] }
      type Row { open: String, granted: String, refused: String, broken: String, undecided: String, failing: String }
    `);
    const granted = rowRule('granted', (row: { ok: boolean }) => (row.ok ? true : new ForbiddenError('not this row')));
    const tree: RuleTree = {
      Query: { rows: isPublic },
      Row: {
        open: isPublic,
        granted,
        refused: rowRule('refused', () => new ForbiddenError('refused here')),
        broken: rowRule('broken', () => {
          throw new Error('a bug in a rule');
        }),
        undecided: rowRule('undecided', () => false as unknown as true),
        failing: granted,
      },
    };
    const row = (ok: boolean) => ({
      ok, open: 'o', granted: 'g', refused: 'r', broken: 'b', undecided: 'u',
      failing: () => {
        throw new ForbiddenError('the field itself failed');
      },
    });
    const document = parse('{ rows { open granted refused broken undecided failing } }');
    const run = async (schema: typeof sdl) => {
      const result = await execute({ schema, document, rootValue: { rows: [row(true), row(false)] }, contextValue: {} });
      // Sorted: errors of fields that answer at once come before those that waited on a promise.
      return { data: result.data, errors: result.errors?.map((e) => [e.path?.join('.'), e.message, e.extensions.code]).sort() };
    };
    const ours = await run(applyPolicy(sdl, tree));
    const shields = await run(applyMiddleware(sdl, shield(tree, SHIELD_OPTIONS)));
    expect(ours).toEqual(shields);
    expect(ours.data).toEqual({
      rows: [
        { open: 'o', granted: 'g', refused: null, broken: null, undecided: null, failing: null },
        { open: 'o', granted: null, refused: null, broken: null, undecided: null, failing: null },
      ],
    });
    expect(ours.errors).toContainEqual(['rows.1.granted', 'not this row', 'FORBIDDEN']);
    expect(ours.errors).toContainEqual(['rows.0.broken', expect.any(String), 'FORBIDDEN']);
    expect(ours.errors).toContainEqual(['rows.0.failing', 'the field itself failed', 'FORBIDDEN']);
    expect(ours.errors).toHaveLength(9);
    // The guarded field answers at once, not through a promise.
    const resolve = (applyPolicy(sdl, tree).getType('Row') as GraphQLObjectType).getFields().granted.resolve!;
    const answer = resolve(row(true), {}, {}, { fieldName: 'granted' } as never);
    expect(answer).toBe('g');
    // Real rules of the hub use it.
    const resolveValue = (buildSchema().getType('SeriesPoint') as GraphQLObjectType).getFields().value.resolve!;
    expect(resolveValue({ grant: 'own', value: 3 }, {}, { viewer: { memberships: [] } }, { fieldName: 'value' } as never)).toBe(3);
  });

  it('plain fields are read by graphql\'s default resolver: every object type declares simpleResolvers', () => {
    // type-graphql would otherwise wrap every plain field in a resolver of its own (a call per value).
    const types = getMetadataStorage().objectTypes;
    expect(types.length).toBeGreaterThan(15);
    expect(types.filter((t) => !t.simpleResolvers).map((t) => t.name)).toEqual([]);
    const fields = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();
    for (const [type, field] of [['SeriesPoint', 'value'], ['Region', 'code'], ['Period', 'code'], ['Observation', 'status'], ['PageInfo', 'hasNextPage']]) {
      expect(fields(type)[field].resolve, `${type}.${field}`).toBeUndefined();
    }
    // Field resolvers keep theirs.
    expect(fields('Region').children.resolve).toBeTypeOf('function');
  });

  it('the committed schema/schema.graphql is what the code emits', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(`${printSchema(lexicographicSortSchema(schema))}\n`);
  });
});

describe('the policy table', () => {
  const member = (role: Role, agencyKind: AgencyKind, agencyId = 1): Viewer => {
    const m = {
      id: 1, role, agencyId, agencyCode: 'X', agencyKind, unitId: null, unitKind: null,
      jurisdictionId: 1, jurisdictionPath: '/KSH/', jurisdictionLevel: RegionLevel.PROVINCE, agreements: [], authorities: [],
    };
    return { person: { id: 1, email: 'x@y.example' }, membership: m, memberships: [m] };
  };

  it('the public may do nothing that the table lists', () => {
    for (const action of Object.keys(ACTIONS) as Array<keyof typeof ACTIONS>) {
      expect(mayAttempt({ memberships: [] }, action), action).toBe(false);
      expect(may({ memberships: [] }, action, [1]), action).toBe(false);
    }
  });

  it('own-agency grants reach only the own agency; provincial grants reach all', () => {
    const ngoAdmin = member(Role.ADMIN, AgencyKind.NGO, 7);
    expect(may(ngoAdmin, 'membership.manage', [7])).toBe(true);
    expect(may(ngoAdmin, 'membership.manage', [8])).toBe(false);
    expect(may(ngoAdmin, 'agency.create', [])).toBe(false);
    const govAdmin = member(Role.ADMIN, AgencyKind.PROVINCIAL_GOVERNORATE, 1);
    expect(may(govAdmin, 'membership.manage', [8])).toBe(true);
    expect(may(govAdmin, 'agency.create', [])).toBe(true);
    expect(may(govAdmin, 'person.readPersonal', [8])).toBe(false);
    const steward = member(Role.DATA_STEWARD, AgencyKind.PROVINCIAL_GOVERNORATE, 1);
    expect(may(steward, 'membership.manage', [1])).toBe(false);
    expect(mayAttempt(steward, 'membership.read')).toBe(true);
  });
});

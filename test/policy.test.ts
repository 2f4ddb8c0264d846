import fs from 'node:fs';
import path from 'node:path';
import { buildSchema as buildSdl, getNamedType, GraphQLObjectType, isIntrospectionType, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { allow } from 'graphql-shield';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { ACTIONS, may, mayAttempt } from '../src/policy/policy';
import { isPublic, mayAttemptAction, type RuleTree } from '../src/policy/rules';
import { applyPolicy, guardedFields, policyGaps } from '../src/policy/shield';
import { BEHIND_GUARDS, buildBareSchema, RULES } from '../src/server/schema';
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
      jurisdictionId: 1, jurisdictionPath: '/KSH/', jurisdictionLevel: RegionLevel.PROVINCE, agreements: [],
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

import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { AgencyResolver, AgencyUnitResolver } from '../modules/agency/agency.resolver';
import { agencyRules } from '../modules/agency/agency.rules';
import { MembershipResolver, PersonResolver } from '../modules/person/person.resolver';
import { personRules } from '../modules/person/person.rules';
import { AppointmentResolver, PostResolver } from '../modules/post/post.resolver';
import { postRules } from '../modules/post/post.rules';
import { RegionResolver } from '../modules/region/region.resolver';
import { HarmCategoryResolver, IndicatorResolver, ObservationResolver } from '../modules/harm/harm.resolver';
import { harmRules } from '../modules/harm/harm.rules';
import { AgreementResolver } from '../modules/sharing/agreement.resolver';
import { agreementRules } from '../modules/sharing/agreement.rules';
import { AccessLogResolver } from '../modules/audit/access-log.resolver';
import { accessLogRules } from '../modules/audit/access-log.rules';
import { AuditEventResolver } from '../modules/audit/audit-event.resolver';
import { auditEventRules } from '../modules/audit/audit-event.rules';
import { regionRules } from '../modules/region/region.rules';
import { mergeRuleTrees, type RuleTree } from '../policy/rules';
import { applyPolicy } from '../policy/shield';

/** Each module brings its resolvers and the rules for every field it adds. */
const MODULES = [
  { resolvers: [RegionResolver], rules: regionRules },
  { resolvers: [AgencyResolver, AgencyUnitResolver], rules: agencyRules },
  { resolvers: [PersonResolver, MembershipResolver], rules: personRules },
  { resolvers: [PostResolver, AppointmentResolver], rules: postRules },
  { resolvers: [HarmCategoryResolver, IndicatorResolver, ObservationResolver], rules: harmRules },
  { resolvers: [AgreementResolver], rules: agreementRules },
  { resolvers: [AccessLogResolver], rules: accessLogRules },
  { resolvers: [AuditEventResolver], rules: auditEventRules },
] as const;

export const RULES: RuleTree = mergeRuleTrees(...MODULES.map((m) => m.rules));

/** Types whose fields are open to whoever reaches them, because every path to them is guarded. */
export const BEHIND_GUARDS: Record<string, string> = {
  Membership: 'who belongs to which agency: partner users only',
  DataSharingAgreement: 'agreements: their parties and the provincial governorate',
  AccessLog: 'the access log: director general and monitoring deputy',
  AccessLogConnection: 'the access log: director general and monitoring deputy',
  AccessLogEdge: 'the access log: director general and monitoring deputy',
  AuditEvent: 'the audit trail: director general, monitoring deputy, provincial admins',
  AuditEventConnection: 'the audit trail: director general, monitoring deputy, provincial admins',
  AuditEventEdge: 'the audit trail: director general, monitoring deputy, provincial admins',
};

let cached: GraphQLSchema | undefined;

/** The schema as type-graphql builds it, before the access policy is applied (what `npm run schema` emits). */
export function buildBareSchema(): GraphQLSchema {
  cached ??= buildSchemaSync({
    resolvers: MODULES.flatMap((m) => [...m.resolvers]) as unknown as [Function, ...Function[]],
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
  });
  return cached;
}

/** The served schema: deny by default, every field under its rule. */
export function buildSchema(): GraphQLSchema {
  return applyPolicy(buildBareSchema(), RULES, BEHIND_GUARDS);
}

import { connectionRules, isPublic, mayAttemptAction, sameRule, type RuleTree } from '../../policy/rules';

/** Who the partner agencies are is public; who works in them is for partner users. */
export const agencyRules: RuleTree = {
  Query: { agency: isPublic, agencies: isPublic },
  Mutation: { createAgency: mayAttemptAction('agency.create'), updateAgency: mayAttemptAction('agency.update') },
  Agency: {
    ...sameRule(isPublic, ['id', 'code', 'nameFa', 'nameEn', 'kind', 'fieldsOfActivity', 'jurisdiction', 'parent', 'units', 'posts']),
    memberships: mayAttemptAction('membership.read'),
  },
  AgencyUnit: sameRule(isPublic, ['id', 'code', 'nameFa', 'nameEn', 'kind', 'agency']),
  ...connectionRules('Agency'),
};

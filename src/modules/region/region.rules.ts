import { connectionRules, isPublic, sameRule, type RuleTree } from '../../policy/rules';

/** Regions are public geography. */
export const regionRules: RuleTree = {
  Query: { region: isPublic, regions: isPublic },
  Region: sameRule(isPublic, [
    'id', 'code', 'nameFa', 'nameEn', 'level', 'population', 'populationYear', 'parent', 'children', 'ancestors', 'agencies',
  ]),
  PageInfo: sameRule(isPublic, ['hasNextPage', 'endCursor']),
  ...connectionRules('Region'),
};

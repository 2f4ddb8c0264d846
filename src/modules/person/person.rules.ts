import { isPublic, isSignedIn, mayAttemptAction, mayReadPersonalData, sameRule, selfOrMayAttempt, type RuleTree } from '../../policy/rules';

const partnersOnly = mayAttemptAction('membership.read');

/**
 * Names are public (officials appear in the public appointment history); email and memberships are
 * for partner users (and one's own email for oneself); phone and national ID for the person and their own agency's admins.
 */
export const personRules: RuleTree = {
  Query: { me: isPublic },
  Mutation: { addMembership: mayAttemptAction('membership.manage'), endMembership: mayAttemptAction('membership.manage') },
  // `me` is null without a token, so Me exists only for a signed-in caller.
  Me: { person: isPublic, acting: isSignedIn, memberships: isSignedIn },
  Person: {
    ...sameRule(isPublic, ['id', 'fullNameFa', 'fullNameEn']),
    email: selfOrMayAttempt('membership.read'),
    memberships: partnersOnly,
    phone: mayReadPersonalData,
    nationalId: mayReadPersonalData,
  },
  // Reached only through guarded fields (checked when the schema is built).
  Membership: sameRule(isPublic, ['id', 'role', 'validFrom', 'validTo', 'person', 'agency', 'unit', 'current']),
};

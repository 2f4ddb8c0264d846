import { isPublic, isSignedIn, mayAttemptAction, mayReadPersonalData, sameRule, selfOrMayAttempt, type RuleTree } from '../../policy/rules';

const partnersOnly = mayAttemptAction('membership.read');

/**
 * Names are public (officials appear in the public appointment history); email and memberships are
 * for partner users (and one's own email for oneself); phone and national ID for the person and the admins of the agency that owns their record.
 */
export const personRules: RuleTree = {
  Query: { me: isPublic },
  Mutation: {
    addMembership: mayAttemptAction('membership.manage'),
    // One's own membership may be ended (or an offered one answered) by anyone signed in; the service checks whose it is.
    endMembership: isSignedIn,
    acceptMembership: isSignedIn,
    declineMembership: isSignedIn,
  },
  // `me` is null without a token, so Me exists only for a signed-in caller.
  Me: { person: isPublic, acting: isSignedIn, memberships: isSignedIn, invitations: isSignedIn },
  Person: {
    ...sameRule(isPublic, ['id', 'fullNameFa', 'fullNameEn']),
    email: selfOrMayAttempt('membership.read'),
    memberships: partnersOnly,
    phone: mayReadPersonalData,
    nationalId: mayReadPersonalData,
  },
  // Reached only through guarded fields (checked when the schema is built).
  Membership: sameRule(isPublic, ['id', 'role', 'validFrom', 'validTo', 'endedAt', 'acceptedAt', 'person', 'agency', 'unit', 'current']),
};

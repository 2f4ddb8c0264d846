import { isPublic, isSignedIn, mayAttemptAction, sameRule, type RuleTree } from '../../policy/rules';

/** Agreements are listed only to their parties and the provincial governorate (scoped in the service). */
export const agreementRules: RuleTree = {
  Query: { dataSharingAgreements: isSignedIn },
  Mutation: { createDataSharingAgreement: mayAttemptAction('agreement.manage'), revokeDataSharingAgreement: mayAttemptAction('agreement.manage') },
  // Reached only through the rules above.
  DataSharingAgreement: sameRule(isPublic, [
    'id', 'code', 'purpose', 'categoryCodes', 'finestLevel', 'validFrom', 'validTo', 'revokedAt', 'grantor', 'grantee', 'coversOnlyGrantorData', 'regionRoot', 'active',
  ]),
};

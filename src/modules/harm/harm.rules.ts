import { mayReadHarmValue, mayReadWorkingDetails } from '../../policy/harm-rules';
import { connectionRules, isPublic, mayAttemptAction, sameRule, type RuleTree } from '../../policy/rules';

/**
 * Catalogue (categories, indicators) is public. Observation rows are scoped in SQL by the access
 * matrix; their values are guarded again here, and working details are for the reporting agency and
 * the monitoring deputy.
 */
export const harmRules: RuleTree = {
  Query: { harmCategories: isPublic, indicator: isPublic, indicators: isPublic, observations: isPublic, indicatorSeries: isPublic },
  Mutation: {
    submitObservations: mayAttemptAction('observation.submit'),
    approveObservations: mayAttemptAction('observation.review'),
    rejectObservations: mayAttemptAction('observation.review'),
  },
  HarmCategory: sameRule(isPublic, ['id', 'code', 'nameFa', 'nameEn']),
  Indicator: sameRule(isPublic, [
    'id', 'code', 'nameFa', 'nameEn', 'category', 'unit', 'sensitivity', 'suppressionK', 'finestLevel', 'periodType',
    'reporterKinds', 'definitionFa', 'definitionEn', 'per10k',
  ]),
  Observation: {
    ...sameRule(isPublic, ['id', 'indicator', 'region', 'period', 'sex', 'ageGroup', 'suppressed', 'status', 'version', 'isCurrent', 'reportingAgency']),
    value: mayReadHarmValue,
    ...sameRule(mayReadWorkingDetails, ['note', 'enteredBy', 'approvedBy', 'rejectedBy', 'rejectionReason']),
  },
  SeriesPoint: {
    ...sameRule(isPublic, ['indicator', 'region', 'period', 'suppressed', 'cells', 'population']),
    ...sameRule(mayReadHarmValue, ['value', 'ratePer10k', 'previous', 'changeFromPrevious', 'changeFromPreviousPercent', 'lastYear', 'changeFromLastYear', 'changeFromLastYearPercent']),
  },
  SubmitObservationsResult: sameRule(isPublic, ['batchId', 'rows', 'created', 'corrected', 'replayed']),
  ReviewResult: sameRule(isPublic, ['count']),
  Period: sameRule(isPublic, ['code', 'type', 'year', 'quarter', 'month', 'startDate', 'endDate', 'labelFa', 'labelEn']),
  ...connectionRules('Indicator'),
  ...connectionRules('Observation'),
};

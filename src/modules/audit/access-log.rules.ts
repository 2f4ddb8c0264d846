import { connectionRules, isPublic, mayAttemptAction, sameRule, type RuleTree } from '../../policy/rules';

/** The access log: the provincial director general and the monitoring deputy only. */
export const accessLogRules: RuleTree = {
  Query: { accessLog: mayAttemptAction('accessLog.read') },
  // Reached only through the guarded query.
  AccessLog: sameRule(isPublic, [
    'id', 'at', 'requestId', 'clientRequestId', 'role', 'sensitivity', 'regionCodes', 'periodFrom', 'periodTo', 'valueCount', 'operation', 'grantedBy', 'refused',
    'person', 'agency', 'indicator',
  ]),
  ...connectionRules('AccessLog'),
};

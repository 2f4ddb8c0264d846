import { connectionRules, isPublic, mayAttemptAction, sameRule, type RuleTree } from '../../policy/rules';

/** The audit trail of changes to rights: the director general, the monitoring deputy and the provincial governorate's admins. */
export const auditEventRules: RuleTree = {
  Query: { auditTrail: mayAttemptAction('auditTrail.read') },
  // Reached only through the guarded query.
  AuditEvent: sameRule(isPublic, ['id', 'at', 'role', 'action', 'target', 'details', 'person', 'agency']),
  ...connectionRules('AuditEvent'),
};

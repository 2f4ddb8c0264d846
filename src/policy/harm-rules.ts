import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import type { Context } from '../server/context';
import type { ServedObservation } from '../modules/harm/observation.service';
import type { SeriesPoint } from '../modules/harm/harm.resolver';
import { seesWorkingDetails } from './harm-policy';
import { rowRule } from './rules';

/**
 * A harm value reaches a caller only on an object the policy admitted (the service stamps the grant
 * on it after the SQL scope and the per-row check). Any other path to an observation yields no value.
 */
export const mayReadHarmValue = rowRule('harmValue', (o: ServedObservation | SeriesPoint, ctx: Context) => {
  if (o.grant) return true;
  return ctx.viewer.person ? new ForbiddenError('this value is not yours to see') : new UnauthenticatedError();
});

/** `note`, `enteredBy`, `approvedBy`, `rejectedBy`, `rejectionReason`: the reporting agency and the monitoring deputy. */
export const mayReadWorkingDetails = rowRule('workingDetails', (o: ServedObservation, ctx: Context) => {
  if (!ctx.viewer.person) return new UnauthenticatedError();
  return o.grant && seesWorkingDetails(ctx.viewer, o.reportingAgencyId)
    ? true
    : new ForbiddenError('working details of an observation: the reporting agency and the monitoring deputy only');
});

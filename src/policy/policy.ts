/**
 * The access policy as data (POLICY.md). Shield rules (fields) and services (targets, SQL scoping)
 * both read these tables; nothing else decides who may do what.
 */
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import type { ActingMembership, Viewer } from '../auth/viewer';
import { AgencyKind, UnitKind } from '../modules/agency/agency.entity';
import { Role } from '../modules/person/membership.entity';

/**
 * A grant: members in one of `roles`, at an agency of one of `agencyKinds` (any kind if absent)
 * and in a unit of one of `unitKinds` (any unit if absent; `null` in the list means "no unit"). `OWN_AGENCY` grants reach only targets
 * belonging to the member's own agency; `ANY` grants reach every target.
 */
export interface Grant {
  roles: readonly Role[];
  agencyKinds?: readonly AgencyKind[];
  unitKinds?: readonly (UnitKind | null)[];
  scope: 'ANY' | 'OWN_AGENCY';
}

const PROVINCIAL = [AgencyKind.PROVINCIAL_GOVERNORATE] as const;

export const ACTIONS = {
  /** Register a new partner agency. */
  'agency.create': [{ roles: [Role.ADMIN, Role.DIRECTOR], agencyKinds: PROVINCIAL, scope: 'ANY' }],
  /** Change an agency's names, kind, jurisdiction, parent or fields of activity. */
  'agency.update': [
    { roles: [Role.ADMIN], scope: 'OWN_AGENCY' },
    { roles: [Role.ADMIN, Role.DIRECTOR], agencyKinds: PROVINCIAL, scope: 'ANY' },
  ],
  /** Add people to an agency, or end their membership. */
  'membership.manage': [
    { roles: [Role.ADMIN], scope: 'OWN_AGENCY' },
    { roles: [Role.ADMIN], agencyKinds: PROVINCIAL, scope: 'ANY' },
  ],
  /** End the current holder's appointment to a post and start the successor's. */
  'post.handover': [
    { roles: [Role.ADMIN], scope: 'OWN_AGENCY' },
    { roles: [Role.ADMIN, Role.DIRECTOR], agencyKinds: PROVINCIAL, scope: 'ANY' },
  ],
  /** Read a person's phone and national ID (the person may always read their own). */
  'person.readPersonal': [{ roles: [Role.ADMIN], scope: 'OWN_AGENCY' }],
  /** Submit a batch of observations for one's own agency (indicators reported by its kind). */
  'observation.submit': [{ roles: [Role.DATA_STEWARD], scope: 'OWN_AGENCY' }],
  /** Approve or reject submitted observations: the provincial monitoring deputy. */
  'observation.review': [{ roles: [Role.DIRECTOR], agencyKinds: PROVINCIAL, unitKinds: [UnitKind.HARM_MONITORING], scope: 'ANY' }],
  /** Create or revoke data-sharing agreements. */
  'agreement.manage': [{ roles: [Role.ADMIN, Role.DIRECTOR], agencyKinds: PROVINCIAL, scope: 'ANY' }],
  /** Read the access log: the director general and the monitoring deputy. */
  'accessLog.read': [{ roles: [Role.DIRECTOR], agencyKinds: PROVINCIAL, unitKinds: [null, UnitKind.HARM_MONITORING], scope: 'ANY' }],
  /** Read who belongs to which agency, and their email addresses. */
  'membership.read': [{ roles: [Role.ADMIN, Role.DIRECTOR, Role.ANALYST, Role.DATA_STEWARD, Role.MEMBER], scope: 'ANY' }],
} as const satisfies Record<string, readonly Grant[]>;

export type Action = keyof typeof ACTIONS;

function matches(m: ActingMembership, g: Grant): boolean {
  return (
    g.roles.includes(m.role) &&
    (!g.agencyKinds || g.agencyKinds.includes(m.agencyKind)) &&
    (!g.unitKinds || g.unitKinds.includes(m.unitKind))
  );
}

/** Whether some grant of the action could apply to this viewer at all (the shield's check). */
export function mayAttempt(viewer: Viewer, action: Action): boolean {
  const m = viewer.membership;
  return !!m && (ACTIONS[action] as readonly Grant[]).some((g) => matches(m, g));
}

/** Whether the viewer may perform the action on a target owned by any of `targetAgencyIds`. */
export function may(viewer: Viewer, action: Action, targetAgencyIds: readonly number[]): boolean {
  const m = viewer.membership;
  if (!m) return false;
  return (ACTIONS[action] as readonly Grant[]).some(
    (g) => matches(m, g) && (g.scope === 'ANY' || targetAgencyIds.includes(m.agencyId)),
  );
}

export function assertMay(viewer: Viewer, action: Action, targetAgencyIds: readonly number[]): void {
  if (!viewer.person) throw new UnauthenticatedError();
  if (!may(viewer, action, targetAgencyIds)) throw new ForbiddenError(`${action}: not allowed for your agency and role`);
}

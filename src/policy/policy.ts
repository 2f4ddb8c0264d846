/**
 * The access policy as data (POLICY.md). Shield rules (fields) and services (targets, SQL scoping)
 * both read these tables; nothing else decides who may do what.
 */
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import type { ActingMembership, Viewer } from '../auth/viewer';
import { AgencyKind, UnitKind } from '../modules/agency/agency.entity';
import { Role } from '../modules/person/membership.entity';
import { PostAuthority } from '../modules/post/post.entity';

/**
 * A grant: members in one of `roles` (any role if absent), at an agency of one of `agencyKinds`
 * (any kind if absent), in a unit of one of `unitKinds` (any unit if absent; `null` in the list
 * means "no unit") and holding a post with one of `authorities` at that agency (no post needed if
 * absent). `OWN_AGENCY` grants reach only targets belonging to the member's own agency; `ANY`
 * grants reach every target.
 */
export interface Grant {
  roles?: readonly Role[];
  authorities?: readonly PostAuthority[];
  agencyKinds?: readonly AgencyKind[];
  unitKinds?: readonly (UnitKind | null)[];
  scope: 'ANY' | 'OWN_AGENCY';
}

const PROVINCIAL = [AgencyKind.PROVINCIAL_GOVERNORATE] as const;
const DG = [PostAuthority.DIRECTOR_GENERAL] as const;
const MONITORING_DEPUTY = [PostAuthority.HARM_MONITORING_DEPUTY] as const;

export const ACTIONS = {
  /** Register a new partner agency. */
  'agency.create': [{ roles: [Role.ADMIN, Role.DIRECTOR], agencyKinds: PROVINCIAL, scope: 'ANY' }],
  /** Change an agency's names or fields of activity. */
  'agency.update': [
    { roles: [Role.ADMIN], scope: 'OWN_AGENCY' },
    { roles: [Role.ADMIN, Role.DIRECTOR], agencyKinds: PROVINCIAL, scope: 'ANY' },
  ],
  /** Change what defines an agency's rights: its kind, jurisdiction or parent. Never the agency's own. */
  'agency.redefine': [{ roles: [Role.ADMIN, Role.DIRECTOR], agencyKinds: PROVINCIAL, scope: 'ANY' }],
  /**
   * Add people to an agency, or end their membership; never in a role above one's own, nor to
   * oneself (see `grantRefusal`).
   */
  'membership.manage': [
    { roles: [Role.ADMIN], scope: 'OWN_AGENCY' },
    { roles: [Role.ADMIN], agencyKinds: PROVINCIAL, scope: 'ANY' },
    { authorities: DG, agencyKinds: PROVINCIAL, scope: 'ANY' },
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
  /** Approve or reject submitted observations: the provincial monitoring deputy (holding the deputy's post). */
  'observation.review': [{ authorities: MONITORING_DEPUTY, agencyKinds: PROVINCIAL, scope: 'ANY' }],
  /** Create or revoke data-sharing agreements. */
  'agreement.manage': [{ roles: [Role.ADMIN, Role.DIRECTOR], agencyKinds: PROVINCIAL, scope: 'ANY' }],
  /** Read the access log: the director general and the monitoring deputy (by their posts). */
  'accessLog.read': [{ authorities: [...DG, ...MONITORING_DEPUTY], agencyKinds: PROVINCIAL, scope: 'ANY' }],
  /** Read the audit trail of changes to rights: the director general, the monitoring deputy and the provincial governorate's admins. */
  'auditTrail.read': [
    { authorities: [...DG, ...MONITORING_DEPUTY], agencyKinds: PROVINCIAL, scope: 'ANY' },
    { roles: [Role.ADMIN], agencyKinds: PROVINCIAL, scope: 'ANY' },
  ],
  /** Read who belongs to which agency, and their email addresses. */
  'membership.read': [{ roles: [Role.ADMIN, Role.DIRECTOR, Role.ANALYST, Role.DATA_STEWARD, Role.MEMBER], scope: 'ANY' }],
} as const satisfies Record<string, readonly Grant[]>;

export type Action = keyof typeof ACTIONS;

function matches(m: ActingMembership, g: Grant): boolean {
  return (
    (!g.roles || g.roles.includes(m.role)) &&
    (!g.authorities || g.authorities.some((a) => m.authorities.includes(a))) &&
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

/** Roles from the least to the most: nobody grants a role above the one they act in. */
export const ROLE_RANK: Record<Role, number> = {
  [Role.MEMBER]: 0,
  [Role.DATA_STEWARD]: 1,
  [Role.ANALYST]: 2,
  [Role.ADMIN]: 3,
  [Role.DIRECTOR]: 4,
};

/** A membership as a grant of rights: who gets it, where, in which unit and role. */
export interface MembershipGrant {
  personId: number;
  agencyId: number;
  agencyKind: AgencyKind;
  unitKind: UnitKind | null;
  role: Role;
}

/**
 * Why the viewer may not grant (or end) this membership, or null when they may. Besides
 * `membership.manage` for the agency: never to oneself; never a role above one's own; and a
 * membership that would see every harm value at the finest level (the monitoring unit's
 * analysts) only from someone who sees them so already. Ending one's own membership is always
 * allowed (`ending`).
 */
export function grantRefusal(viewer: Viewer, target: MembershipGrant, ending = false): string | null {
  const m = viewer.membership;
  if (!m || !viewer.person) return 'sign in';
  if (ending && target.personId === viewer.person.id) return null;
  if (!may(viewer, 'membership.manage', [target.agencyId])) return 'membership.manage: not allowed for your agency and role';
  if (target.personId === viewer.person.id) return 'nobody may grant a role to themselves';
  if (ROLE_RANK[target.role] > ROLE_RANK[m.role]) return `a ${target.role} is above your own role (${m.role})`;
  if (confersMonitoring(target) && !seesAllHarmData(m)) return 'this role sees every harm value at the finest level: only someone who does may grant it';
  return null;
}

/** Members of the provincial monitoring unit who see all harm data by their role (its analysts). */
export function confersMonitoring(g: Pick<MembershipGrant, 'agencyKind' | 'unitKind' | 'role'>): boolean {
  return g.agencyKind === AgencyKind.PROVINCIAL_GOVERNORATE && g.unitKind === UnitKind.HARM_MONITORING && g.role === Role.ANALYST;
}

/**
 * The provincial monitoring audience (README's table: "the provincial director general,
 * monitoring deputy or its analysts"): by the director general's or the deputy's post, or as an
 * analyst of the monitoring unit.
 */
export function seesAllHarmData(m: ActingMembership): boolean {
  if (m.agencyKind !== AgencyKind.PROVINCIAL_GOVERNORATE) return false;
  return m.authorities.includes(PostAuthority.DIRECTOR_GENERAL) || m.authorities.includes(PostAuthority.HARM_MONITORING_DEPUTY) || confersMonitoring(m);
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import { todayInIran } from '../common/dates';
import type { AgencyKind, UnitKind } from '../modules/agency/agency.entity';
import type { Role } from '../modules/person/membership.entity';
import type { PostAuthority } from '../modules/post/post.entity';
import type { RegionLevel } from '../modules/region/region.entity';
import type { AgreementGrant } from '../policy/harm-policy';

/** One current membership, with what the policy needs to know about its agency. */
export interface ActingMembership {
  id: number;
  role: Role;
  agencyId: number;
  agencyCode: string;
  agencyKind: AgencyKind;
  unitId: number | null;
  unitKind: UnitKind | null;
  jurisdictionId: number;
  jurisdictionPath: string;
  jurisdictionLevel: RegionLevel;
  /** Data-sharing agreements in force today whose grantee is this agency. */
  agreements: AgreementGrant[];
  /** Powers of the posts the person holds today at this agency (the director general's, a deputy's). */
  authorities: PostAuthority[];
}

/** Who is calling. `person` is absent for the public; `membership` is the one they act under. */
export interface Viewer {
  person?: { id: number; email: string };
  membership?: ActingMembership;
  memberships: ActingMembership[];
}

export const PUBLIC_VIEWER: Viewer = Object.freeze({ memberships: [] }) as Viewer;

/** Header that selects which of a person's current memberships a request acts under. */
export const MEMBERSHIP_HEADER = 'x-pol-membership';

interface Row {
  person_id: number;
  email: string;
  membership_id: number | null;
  role: Role | null;
  agency_id: number | null;
  agency_code: string | null;
  agency_kind: AgencyKind | null;
  unit_id: number | null;
  unit_kind: UnitKind | null;
  jurisdiction_id: number | null;
  jurisdiction_path: string | null;
  jurisdiction_level: RegionLevel | null;
  agreements: AgreementGrant[] | null;
  authorities: PostAuthority[] | null;
}

/**
 * Authorisation data comes from the hub, never from the token: the person, their current
 * memberships (accepted, in their dates and not ended) and the posts they hold are read on every
 * request, in one statement. An appointment counts from its first day until its last day begins:
 * a post handed over today belongs to the successor at once.
 */
export async function loadViewer(em: EntityManager, email: string, membershipHeader?: string): Promise<Viewer> {
  const rows: Row[] = await em.execute(
    `select p.id as person_id, p.email, m.id as membership_id, m.role, a.id as agency_id, a.code as agency_code,
            a.kind as agency_kind, u.id as unit_id, u.kind as unit_kind,
            r.id as jurisdiction_id, r.path as jurisdiction_path, r.level as jurisdiction_level, g.agreements, h.authorities
       from person p
       left join membership m on m.person_id = p.id and m.valid_from <= ?::date and (m.valid_to is null or m.valid_to >= ?::date)
                             and m.accepted_at is not null and (m.ended_at is null or m.ended_at > now())
       left join agency a on a.id = m.agency_id
       left join agency_unit u on u.id = m.unit_id
       left join region r on r.id = a.jurisdiction_id
       left join lateral (
         select json_agg(json_build_object('code', d.code, 'categoryCodes', d.category_codes, 'rootPath', dr.path, 'finest', d.finest_level,
                                           'reporterId', case when ga.kind = 'PROVINCIAL_GOVERNORATE' then null else ga.id end) order by d.id) as agreements
           from data_sharing_agreement d join region dr on dr.id = d.region_root_id join agency ga on ga.id = d.grantor_id
          where d.grantee_id = a.id and d.revoked_at is null and d.valid_from <= ?::date and d.valid_to >= ?::date
       ) g on true
       left join lateral (
         select array_agg(distinct po.authority::text) as authorities
           from appointment ap join post po on po.id = ap.post_id
          where ap.person_id = p.id and po.agency_id = a.id and po.authority is not null
            and ap.started_on <= ?::date and (ap.ended_on is null or ap.ended_on > ?::date)
       ) h on true
      where p.email = ?
      order by m.id`,
    [todayInIran(), todayInIran(), todayInIran(), todayInIran(), todayInIran(), todayInIran(), email],
  );
  if (!rows.length) throw new UnauthenticatedError('the token names no person known to the hub');
  const memberships: ActingMembership[] = rows
    .filter((r) => r.membership_id !== null)
    .map((r) => ({
      id: r.membership_id!,
      role: r.role!,
      agencyId: r.agency_id!,
      agencyCode: r.agency_code!,
      agencyKind: r.agency_kind!,
      unitId: r.unit_id,
      unitKind: r.unit_kind,
      jurisdictionId: r.jurisdiction_id!,
      jurisdictionPath: r.jurisdiction_path!,
      jurisdictionLevel: r.jurisdiction_level!,
      agreements: r.agreements ?? [],
      authorities: r.authorities ?? [],
    }));
  let membership: ActingMembership | undefined = memberships[0];
  if (membershipHeader !== undefined && membershipHeader !== '') {
    membership = memberships.find((m) => String(m.id) === membershipHeader.trim());
    if (!membership) throw new ForbiddenError(`membership ${JSON.stringify(membershipHeader)} is not one of your current memberships`, 403);
  }
  return { person: { id: rows[0].person_id, email: rows[0].email }, membership, memberships };
}

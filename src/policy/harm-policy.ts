/**
 * POLICY.md's matrix as data: for each audience and sensitivity, the scopes in which approved
 * observation values are visible. The SQL scoping (harm-scope.ts) and the per-row check used by
 * the shield rules and the access log (here) are both read off these tables.
 */
import type { Viewer } from '../auth/viewer';
import { mayAttempt, seesAllHarmData } from './policy';
import { AgencyKind } from '../modules/agency/agency.entity';
import { LEVEL_RANK, RegionLevel } from '../modules/region/region.entity';
import { Sensitivity } from '../modules/harm/harm.enums';

export enum Audience {
  PUBLIC = 'PUBLIC',
  /** Any partner agency not listed below. */
  PARTNER = 'PARTNER',
  COUNTY_GOVERNORATE = 'COUNTY_GOVERNORATE',
  COUNCIL = 'COUNCIL',
  /** The provincial governorate's director general, monitoring deputy and its analysts. */
  PROVINCIAL_MONITORING = 'PROVINCIAL_MONITORING',
}

/** Visible at levels down to `finest`, anywhere or only inside the caller's own jurisdiction. */
export interface Scope {
  within: 'ANYWHERE' | 'OWN_JURISDICTION';
  finest: RegionLevel;
}

const FINEST = RegionLevel.VILLAGE; // rank 4: the finest there is
const anywhere = (finest: RegionLevel): Scope => ({ within: 'ANYWHERE', finest });
const own = (finest: RegionLevel): Scope => ({ within: 'OWN_JURISDICTION', finest });

export const HARM_MATRIX: Record<Audience, Record<Sensitivity, readonly Scope[]>> = {
  [Audience.PUBLIC]: {
    [Sensitivity.OPEN]: [anywhere(RegionLevel.COUNTY)],
    [Sensitivity.RESTRICTED]: [],
    [Sensitivity.CONFIDENTIAL]: [],
  },
  [Audience.PARTNER]: {
    [Sensitivity.OPEN]: [anywhere(FINEST)],
    [Sensitivity.RESTRICTED]: [anywhere(RegionLevel.COUNTY), own(FINEST)],
    [Sensitivity.CONFIDENTIAL]: [],
  },
  [Audience.COUNTY_GOVERNORATE]: {
    [Sensitivity.OPEN]: [anywhere(FINEST)],
    [Sensitivity.RESTRICTED]: [anywhere(RegionLevel.COUNTY), own(FINEST)],
    [Sensitivity.CONFIDENTIAL]: [own(RegionLevel.COUNTY)],
  },
  [Audience.COUNCIL]: {
    [Sensitivity.OPEN]: [anywhere(FINEST)],
    [Sensitivity.RESTRICTED]: [anywhere(RegionLevel.COUNTY), own(FINEST)],
    [Sensitivity.CONFIDENTIAL]: [],
  },
  [Audience.PROVINCIAL_MONITORING]: {
    [Sensitivity.OPEN]: [anywhere(FINEST)],
    [Sensitivity.RESTRICTED]: [anywhere(FINEST)],
    [Sensitivity.CONFIDENTIAL]: [anywhere(FINEST)],
  },
};

/** Default small-count threshold: values 1..k−1 are suppressed. */
export const DEFAULT_K = 5;

export function audienceOf(viewer: Viewer): Audience {
  const m = viewer.membership;
  if (!m) return Audience.PUBLIC;
  // The director general's and the deputy's powers come from their posts, not from a role.
  if (seesAllHarmData(m)) return Audience.PROVINCIAL_MONITORING;
  if (m.agencyKind === AgencyKind.COUNTY_GOVERNORATE) return Audience.COUNTY_GOVERNORATE;
  if (m.agencyKind === AgencyKind.CITY_COUNCIL || m.agencyKind === AgencyKind.VILLAGE_COUNCIL) return Audience.COUNCIL;
  return Audience.PARTNER;
}

/** The provincial monitoring deputy (who approves): sees every status and unsuppressed values. */
export function isMonitoringDeputy(viewer: Viewer): boolean {
  return mayAttempt(viewer, 'observation.review');
}

/** An active agreement, as the policy needs it. */
export interface AgreementGrant {
  code: string;
  categoryCodes: string[];
  rootPath: string;
  finest: RegionLevel;
  /**
   * Null when the grantor is the provincial governorate (it may share any data in scope); otherwise
   * the grantor's id: an agency can share only the observations it reported itself.
   */
  reporterId: number | null;
}

/** What the policy needs to know about an observation row. */
export interface ObservationFacts {
  sensitivity: Sensitivity;
  level: RegionLevel;
  path: string;
  /** The approved version in force (what everyone but the reporter and the deputy may see). */
  published: boolean;
  reportingAgencyId: number;
  categoryCode: string;
}

export const rankOf = (level: RegionLevel) => LEVEL_RANK[level];

/**
 * The grant under which the viewer may see this observation's value, or null when refused.
 * The same decision as the SQL scope; used as the second, independent check and for the access log.
 */
export function observationGrant(viewer: Viewer, row: ObservationFacts, agreements: readonly AgreementGrant[]): string | null {
  const m = viewer.membership;
  if (m && row.reportingAgencyId === m.agencyId) return 'reporting agency';
  if (isMonitoringDeputy(viewer)) return 'monitoring deputy';
  if (!row.published) return null;
  const audience = audienceOf(viewer);
  for (const scope of HARM_MATRIX[audience][row.sensitivity]) {
    if (rankOf(row.level) > rankOf(scope.finest)) continue;
    if (scope.within === 'OWN_JURISDICTION' && !(m && row.path.startsWith(m.jurisdictionPath))) continue;
    return `matrix: ${audience} ${row.sensitivity} ${scope.within === 'ANYWHERE' ? 'anywhere' : 'own jurisdiction'} to ${scope.finest}`;
  }
  for (const a of agreements) {
    if (
      a.categoryCodes.includes(row.categoryCode) && row.path.startsWith(a.rootPath) && rankOf(row.level) <= rankOf(a.finest) &&
      (a.reporterId === null || a.reporterId === row.reportingAgencyId)
    ) {
      return `agreement ${a.code}`;
    }
  }
  return null;
}

/** Whether small counts are shown to this viewer for a row reported by `reportingAgencyId`. */
export function seesSmallCounts(viewer: Viewer, reportingAgencyId: number): boolean {
  return isMonitoringDeputy(viewer) || viewer.membership?.agencyId === reportingAgencyId;
}

/** Whether a row's note, enteredBy and approvedBy are visible: the reporting agency and the monitoring deputy. */
export const seesWorkingDetails = seesSmallCounts;

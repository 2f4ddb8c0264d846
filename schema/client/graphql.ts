/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddMembershipInput = {
  agencyCode: string;
  newPerson?: NewPersonInput | null | undefined;
  /** The person, by email; created from `newPerson` when the hub does not know them */
  personEmail: string;
  role: Role;
  /** Code of a unit of the agency */
  unitCode?: string | null | undefined;
  /** First day (YYYY-MM-DD); today by default */
  validFrom?: string | null | undefined;
  /** Last day (YYYY-MM-DD); open-ended by default */
  validTo?: string | null | undefined;
};

/** TOTAL, or the age groups 0–14, 15–24, 25–44, 45–64, 65+ */
export type AgeGroup =
  | 'A0_14'
  | 'A15_24'
  | 'A25_44'
  | 'A45_64'
  | 'A65_PLUS'
  | 'TOTAL';

export type AgencyKind =
  | 'CITY_COUNCIL'
  | 'COUNTY_GOVERNORATE'
  | 'CULTURAL_CENTER'
  | 'NGO'
  | 'PROVINCIAL_GOVERNORATE'
  | 'STATE_BODY'
  | 'UNIVERSITY'
  | 'VILLAGE_COUNCIL';

export type CreateAgencyInput = {
  /** Unique code: capital Latin letters, digits and hyphens */
  code: string;
  fieldsOfActivity?: Array<string> | null | undefined;
  /** Code of the region the agency answers for */
  jurisdictionCode: string;
  kind: AgencyKind;
  nameEn: string;
  nameFa: string;
  /** Code of the parent agency */
  parentCode?: string | null | undefined;
};

export type CreateAgreementInput = {
  /** Harm category codes covered */
  categoryCodes: Array<string>;
  /** Unique code, e.g. DSA-RAZI-2026 */
  code: string;
  /** Finest region level the grantee sees */
  finestLevel: RegionLevel;
  /** Agency that receives access */
  granteeCode: string;
  /** Agency that grants access. The provincial governorate may share any harm data in the agreement's scope; any other agency only the observations it reported itself */
  grantorCode: string;
  purpose: string;
  /** Code of the root of the region subtree covered */
  regionRootCode: string;
  validFrom: string;
  validTo: string;
};

export type EndMembershipInput = {
  membershipId: string | number;
  /** Last day (YYYY-MM-DD); today by default */
  validTo?: string | null | undefined;
};

/** A handover: the current holder's appointment ends on `date`, the successor's starts on it */
export type HandOverPostInput = {
  /** Day of the handover (YYYY-MM-DD); today by default */
  date?: string | null | undefined;
  /** Note on the outgoing holder, e.g. the honouring ceremony */
  endNote?: string | null | undefined;
  postCode: string;
  /** Note on the successor, e.g. the introduction */
  startNote?: string | null | undefined;
  /** Email of the successor, who must be known to the hub */
  successorEmail: string;
};

export type IndicatorUnit =
  | 'AMOUNT'
  | 'COUNT'
  | 'PERCENT'
  | 'RATE';

export type MembershipIdInput = {
  membershipId: string | number;
};

/** A person not yet known to the hub */
export type NewPersonInput = {
  fullNameEn: string;
  fullNameFa: string;
  /** 10-digit Iranian national ID */
  nationalId?: string | null | undefined;
  phone?: string | null | undefined;
};

export type ObservationFilter = {
  ageGroup?: AgeGroup | null | undefined;
  /** Harm category codes */
  categories?: Array<string> | null | undefined;
  /** First Jalali period, e.g. 1403-01, 1403-Q1 or 1403 */
  from?: string | null | undefined;
  /** Also versions replaced by corrections (reporting agency and monitoring deputy) */
  includeHistory?: boolean | null | undefined;
  /** Indicator codes */
  indicators?: Array<string> | null | undefined;
  levels?: Array<RegionLevel> | null | undefined;
  sex?: Sex | null | undefined;
  /** Other than APPROVED, only the reporting agency and the monitoring deputy see any */
  statuses?: Array<ObservationStatus> | null | undefined;
  /** Last Jalali period */
  to?: string | null | undefined;
  /** Only regions in the subtree of this region code (itself included) */
  within?: string | null | undefined;
};

/** One value: indicator × region × Jalali period × sex × age group */
export type ObservationRowInput = {
  ageGroup?: AgeGroup;
  indicatorCode: string;
  /** Free text from field workers (seen by the reporting agency and the monitoring deputy only) */
  note?: string | null | undefined;
  /** Jalali period of the indicator's type: 1404-07, 1404-Q3 or 1404 */
  period: string;
  regionCode: string;
  sex?: Sex;
  value: number;
};

export type ObservationStatus =
  | 'APPROVED'
  | 'DRAFT'
  | 'REJECTED'
  | 'SUBMITTED';

/** Length of a Jalali (Solar Hijri) reporting period: MONTH (1404-07), QUARTER (1404-Q3: months 7–9) or YEAR (1404) */
export type PeriodType =
  | 'MONTH'
  | 'QUARTER'
  | 'YEAR';

/** Administrative level, coarse to fine: PROVINCE > COUNTY > DISTRICT > CITY | RURAL_DISTRICT > NEIGHBOURHOOD | VILLAGE */
export type RegionLevel =
  | 'CITY'
  | 'COUNTY'
  | 'DISTRICT'
  | 'NEIGHBOURHOOD'
  | 'PROVINCE'
  | 'RURAL_DISTRICT'
  | 'VILLAGE';

export type Role =
  | 'ADMIN'
  | 'ANALYST'
  | 'DATA_STEWARD'
  | 'DIRECTOR'
  | 'MEMBER';

/** OPEN: may be published; RESTRICTED: e.g. divorce, theft, unemployment; CONFIDENTIAL: e.g. domestic violence, suicide attempts, addiction treatment */
export type Sensitivity =
  | 'CONFIDENTIAL'
  | 'OPEN'
  | 'RESTRICTED';

export type SeriesInput = {
  ageGroup?: AgeGroup;
  /** First period, of the granularity's type (e.g. 1400-Q1) */
  from: string;
  /** Bucket: Jalali MONTH, QUARTER or YEAR */
  granularity: PeriodType;
  /** Indicator codes (up to 50: the whole catalogue in one request) */
  indicators: Array<string>;
  /** Level of the regions to show, e.g. COUNTY */
  level: RegionLevel;
  /** Only these region codes */
  regions?: Array<string> | null | undefined;
  sex?: Sex;
  /** Last period */
  to: string;
  /** Only regions in the subtree of this region code */
  within?: string | null | undefined;
};

export type Sex =
  | 'FEMALE'
  | 'MALE'
  | 'TOTAL';

export type SubmitObservationsInput = {
  /** Save as DRAFT (not yet sent for approval) */
  asDraft?: boolean;
  /** Chosen by the client; the same key again returns the first result and saves nothing twice */
  idempotencyKey: string;
  rows: Array<ObservationRowInput>;
};

/** HARM_MONITORING: the deputy that monitors social harms; PARTICIPATION_NGO: the deputy for participation and NGOs */
export type UnitKind =
  | 'HARM_MONITORING'
  | 'OTHER'
  | 'PARTICIPATION_NGO';

/** Only the fields given are changed. Names and fields of activity: the agency's own admins and the provincial governorate. Kind, jurisdiction and parent define what the agency may see: the provincial governorate only, every change in the audit trail */
export type UpdateAgencyInput = {
  fieldsOfActivity?: Array<string> | null | undefined;
  /** Code of the region the agency answers for (provincial governorate only) */
  jurisdictionCode?: string | null | undefined;
  /** Provincial governorate only */
  kind?: AgencyKind | null | undefined;
  nameEn?: string | null | undefined;
  nameFa?: string | null | undefined;
  /** Code of the parent agency (provincial governorate only) */
  parentCode?: string | null | undefined;
};

export type AgenciesQueryVariables = Exact<{
  kind?: AgencyKind | null | undefined;
  within?: string | null | undefined;
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AgenciesQuery = { agencies: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ code: string, nameFa: string, nameEn: string, kind: AgencyKind, jurisdiction: { code: string } }> } };

export type AgencyQueryVariables = Exact<{
  code: string;
  includeEnded?: boolean;
}>;


export type AgencyQuery = { agency: { id: string, code: string, nameFa: string, nameEn: string, kind: AgencyKind, fieldsOfActivity: Array<string>, jurisdiction: { code: string, nameFa: string }, parent: { code: string } | null, units: Array<{ code: string, kind: UnitKind, nameFa: string }>, posts: Array<{ code: string }>, memberships: Array<{ id: string, role: Role, validFrom: string, validTo: string | null, current: boolean, unit: { code: string } | null, person: { id: string, email: string | null, fullNameEn: string, phone: string | null, nationalId: string | null } }> | null } | null };

export type CreateAgencyMutationVariables = Exact<{
  input: CreateAgencyInput;
}>;


export type CreateAgencyMutation = { createAgency: { id: string, code: string, nameFa: string, nameEn: string, kind: AgencyKind, fieldsOfActivity: Array<string>, jurisdiction: { code: string }, parent: { code: string } | null } | null };

export type UpdateAgencyMutationVariables = Exact<{
  code: string;
  input: UpdateAgencyInput;
}>;


export type UpdateAgencyMutation = { updateAgency: { code: string, nameFa: string, nameEn: string, kind: AgencyKind, fieldsOfActivity: Array<string>, jurisdiction: { code: string }, parent: { code: string } | null } | null };

export type HarmCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type HarmCatalogueQuery = { harmCategories: Array<{ code: string, nameFa: string, nameEn: string }>, indicators: { totalCount: number, nodes: Array<{ code: string, nameFa: string, nameEn: string, unit: IndicatorUnit, sensitivity: Sensitivity, suppressionK: number, finestLevel: RegionLevel, periodType: PeriodType, reporterKinds: Array<AgencyKind>, per10k: boolean, category: { code: string } }> } };

export type ObservationsQueryVariables = Exact<{
  filter?: ObservationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ObservationsQuery = { observations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, value: number | null, suppressed: boolean, status: ObservationStatus, version: number, isCurrent: boolean, sex: Sex, ageGroup: AgeGroup, indicator: { code: string, sensitivity: Sensitivity }, region: { code: string, level: RegionLevel }, period: { code: string }, reportingAgency: { code: string } }> } };

export type ObservationDetailsQueryVariables = Exact<{
  filter?: ObservationFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type ObservationDetailsQuery = { observations: { nodes: Array<{ id: string, value: number | null, suppressed: boolean, status: ObservationStatus, note: string | null, indicator: { code: string, sensitivity: Sensitivity }, region: { code: string, level: RegionLevel }, enteredBy: { fullNameEn: string } | null, approvedBy: { fullNameEn: string } | null }> } };

export type IndicatorSeriesQueryVariables = Exact<{
  input: SeriesInput;
}>;


export type IndicatorSeriesQuery = { indicatorSeries: Array<{ value: number | null, suppressed: boolean, cells: number, population: number | null, ratePer10k: number | null, previous: number | null, changeFromPrevious: number | null, changeFromPreviousPercent: number | null, lastYear: number | null, changeFromLastYear: number | null, changeFromLastYearPercent: number | null, indicator: { code: string }, region: { code: string, nameFa: string }, period: { code: string, labelFa: string, startDate: string, endDate: string } }> };

export type SubmitObservationsMutationVariables = Exact<{
  input: SubmitObservationsInput;
}>;


export type SubmitObservationsMutation = { submitObservations: { batchId: string, rows: number, created: number, corrected: number, replayed: boolean } | null };

export type ApproveObservationsMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ApproveObservationsMutation = { approveObservations: { count: number } | null };

export type RejectObservationsMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
  reason: string;
}>;


export type RejectObservationsMutation = { rejectObservations: { count: number } | null };

export type AccessLogQueryVariables = Exact<{
  personEmail?: string | null | undefined;
  agencyCode?: string | null | undefined;
  indicatorCode?: string | null | undefined;
  regionCode?: string | null | undefined;
  period?: string | null | undefined;
  since?: unknown;
  first?: number | null | undefined;
}>;


export type AccessLogQuery = { accessLog: { totalCount: number, nodes: Array<{ at: unknown, role: string | null, sensitivity: string, regionCodes: Array<string>, periodFrom: string | null, periodTo: string | null, valueCount: number, operation: string, grantedBy: string, refused: boolean, requestId: string, clientRequestId: string | null, person: { email: string | null } | null, agency: { code: string } | null, indicator: { code: string } }> } | null };

export type DataSharingAgreementsQueryVariables = Exact<{ [key: string]: never; }>;


export type DataSharingAgreementsQuery = { dataSharingAgreements: Array<{ code: string, purpose: string, active: boolean, categoryCodes: Array<string>, finestLevel: RegionLevel, validFrom: string, validTo: string, revokedAt: unknown, grantor: { code: string }, grantee: { code: string }, regionRoot: { code: string } }> | null };

export type CreateDataSharingAgreementMutationVariables = Exact<{
  input: CreateAgreementInput;
}>;


export type CreateDataSharingAgreementMutation = { createDataSharingAgreement: { code: string, active: boolean, categoryCodes: Array<string>, finestLevel: RegionLevel, validFrom: string, validTo: string, coversOnlyGrantorData: boolean, grantor: { code: string }, grantee: { code: string }, regionRoot: { code: string } } | null };

export type RevokeDataSharingAgreementMutationVariables = Exact<{
  code: string;
}>;


export type RevokeDataSharingAgreementMutation = { revokeDataSharingAgreement: { code: string, active: boolean, revokedAt: unknown } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { person: { id: string, email: string | null, fullNameFa: string, fullNameEn: string, phone: string | null, nationalId: string | null }, acting: { id: string, role: Role, agency: { code: string, kind: AgencyKind }, unit: { code: string, kind: UnitKind } | null } | null, memberships: Array<{ id: string, role: Role, agency: { code: string } }> | null, invitations: Array<{ id: string, role: Role, agency: { code: string } }> | null } | null };

export type AddMembershipMutationVariables = Exact<{
  input: AddMembershipInput;
}>;


export type AddMembershipMutation = { addMembership: { id: string, role: Role, validFrom: string, validTo: string | null, current: boolean, acceptedAt: unknown, agency: { code: string }, unit: { code: string } | null, person: { email: string | null, fullNameEn: string } } | null };

export type EndMembershipMutationVariables = Exact<{
  input: EndMembershipInput;
}>;


export type EndMembershipMutation = { endMembership: { id: string, validFrom: string, validTo: string | null, current: boolean } | null };

export type EndMembershipAtOnceMutationVariables = Exact<{
  input: EndMembershipInput;
}>;


export type EndMembershipAtOnceMutation = { endMembership: { id: string, validTo: string | null, current: boolean, endedAt: unknown } | null };

export type AcceptMembershipMutationVariables = Exact<{
  input: MembershipIdInput;
}>;


export type AcceptMembershipMutation = { acceptMembership: { id: string, role: Role, current: boolean, acceptedAt: unknown, agency: { code: string } } | null };

export type DeclineMembershipMutationVariables = Exact<{
  input: MembershipIdInput;
}>;


export type DeclineMembershipMutation = { declineMembership: { id: string, current: boolean, endedAt: unknown } | null };

export type AuditTrailQueryVariables = Exact<{
  action?: string | null | undefined;
  target?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type AuditTrailQuery = { auditTrail: { totalCount: number, nodes: Array<{ id: string, at: unknown, role: string | null, action: string, target: string, details: unknown, person: { email: string | null } | null, agency: { code: string } | null }> } | null };

export type PostHistoryQueryVariables = Exact<{
  code: string;
}>;


export type PostHistoryQuery = { post: { code: string, titleFa: string, titleEn: string, agency: { code: string }, current: { startedOn: string, person: { email: string | null } } | null, appointments: Array<{ id: string, startedOn: string, endedOn: string | null, startedOnJalali: string, endedOnJalali: string | null, startNote: string | null, endNote: string | null, person: { email: string | null, fullNameFa: string } }> } | null };

export type PostsQueryVariables = Exact<{
  agencyCode?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type PostsQuery = { posts: { nodes: Array<{ code: string, titleEn: string, current: { person: { fullNameEn: string } } | null }> } };

export type HandOverPostMutationVariables = Exact<{
  input: HandOverPostInput;
}>;


export type HandOverPostMutation = { handOverPost: { post: { code: string }, ended: { endedOn: string | null, endNote: string | null, person: { email: string | null } } | null, started: { startedOn: string, startedOnJalali: string, startNote: string | null, person: { email: string | null } } } | null };

export type CountiesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type CountiesQuery = { regions: { totalCount: number, nodes: Array<{ id: string, code: string, nameFa: string, nameEn: string, level: RegionLevel, population: number | null, populationYear: number | null }> } };

export type RegionsQueryVariables = Exact<{
  level?: RegionLevel | null | undefined;
  within?: string | null | undefined;
  parent?: string | null | undefined;
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RegionsQuery = { regions: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { code: string } }>, nodes: Array<{ code: string, nameFa: string, nameEn: string, level: RegionLevel }> } };

export type RegionQueryVariables = Exact<{
  code: string;
}>;


export type RegionQuery = { region: { code: string, nameFa: string, nameEn: string, level: RegionLevel, population: number | null, parent: { code: string } | null, ancestors: Array<{ code: string, level: RegionLevel }>, children: Array<{ code: string, level: RegionLevel, nameFa: string }> } | null };

export type CountyNetworkQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type CountyNetworkQuery = { regions: { nodes: Array<{ code: string, agencies: Array<{ code: string }>, children: Array<{ code: string, agencies: Array<{ code: string, kind: AgencyKind, memberships: Array<{ role: Role, person: { fullNameEn: string, email: string | null } }> | null }> }> }> } };

export type AgencyBriefQueryVariables = Exact<{
  code: string;
}>;


export type AgencyBriefQuery = { agency: { code: string, nameFa: string, nameEn: string, kind: AgencyKind, fieldsOfActivity: Array<string>, jurisdiction: { code: string }, parent: { code: string } | null } | null };

export type AgencyMembersQueryVariables = Exact<{
  code: string;
  includeEnded?: boolean;
}>;


export type AgencyMembersQuery = { agency: { code: string, memberships: Array<{ id: string, role: Role, validFrom: string, validTo: string | null, current: boolean, unit: { code: string } | null, person: { id: string, email: string | null, fullNameEn: string } }> | null } | null };

export type AgencyCodesQueryVariables = Exact<{
  kind?: AgencyKind | null | undefined;
  within?: string | null | undefined;
  search?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type AgencyCodesQuery = { agencies: { totalCount: number, nodes: Array<{ code: string }> } };

export type SeriesValuesOnlyQueryVariables = Exact<{
  input: SeriesInput;
}>;


export type SeriesValuesOnlyQuery = { indicatorSeries: Array<{ value: number | null, suppressed: boolean, cells: number, region: { code: string }, period: { code: string } }> };

export type SeriesChangeFragment = { lastYear: number | null };

export type SeriesChangeByFragmentQueryVariables = Exact<{
  input: SeriesInput;
}>;


export type SeriesChangeByFragmentQuery = { indicatorSeries: Array<{ value: number | null, lastYear: number | null, period: { code: string } }> };

export type RegionTreeQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type RegionTreeQuery = { regions: { nodes: Array<{ code: string, parent: { code: string } | null, children: Array<{ code: string, parent: { code: string } | null, children: Array<{ code: string, ancestors: Array<{ code: string }> }> }> }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SeriesChangeFragmentDoc = new TypedDocumentString(`
    fragment SeriesChange on SeriesPoint {
  ... on SeriesPoint {
    lastYear
  }
}
    `, {"fragmentName":"SeriesChange"}) as unknown as TypedDocumentString<SeriesChangeFragment, unknown>;
export const AgenciesDocument = new TypedDocumentString(`
    query Agencies($kind: AgencyKind, $within: String, $search: String, $first: Int, $after: String) {
  agencies(
    kind: $kind
    within: $within
    search: $search
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      code
      nameFa
      nameEn
      kind
      jurisdiction {
        code
      }
    }
  }
}
    `, {"hash":"sha256:80fc1238b380116cec96fc467dc2f6e66d0a963485d1a93a93bf37b5a08dcf55"}) as unknown as TypedDocumentString<AgenciesQuery, AgenciesQueryVariables>;
export const AgencyDocument = new TypedDocumentString(`
    query Agency($code: String!, $includeEnded: Boolean! = false) {
  agency(code: $code) {
    id
    code
    nameFa
    nameEn
    kind
    fieldsOfActivity
    jurisdiction {
      code
      nameFa
    }
    parent {
      code
    }
    units {
      code
      kind
      nameFa
    }
    posts {
      code
    }
    memberships(includeEnded: $includeEnded) {
      id
      role
      validFrom
      validTo
      current
      unit {
        code
      }
      person {
        id
        email
        fullNameEn
        phone
        nationalId
      }
    }
  }
}
    `, {"hash":"sha256:a52174221b95aef4a8de6604ae9d396835a71ba8786c922264775c0a93e798ce"}) as unknown as TypedDocumentString<AgencyQuery, AgencyQueryVariables>;
export const CreateAgencyDocument = new TypedDocumentString(`
    mutation CreateAgency($input: CreateAgencyInput!) {
  createAgency(input: $input) {
    id
    code
    nameFa
    nameEn
    kind
    fieldsOfActivity
    jurisdiction {
      code
    }
    parent {
      code
    }
  }
}
    `, {"hash":"sha256:23d075b4ed12daf3cca49a2af1fe9ad33e3e1f07ba944ac86afc177df108d53f"}) as unknown as TypedDocumentString<CreateAgencyMutation, CreateAgencyMutationVariables>;
export const UpdateAgencyDocument = new TypedDocumentString(`
    mutation UpdateAgency($code: String!, $input: UpdateAgencyInput!) {
  updateAgency(code: $code, input: $input) {
    code
    nameFa
    nameEn
    kind
    fieldsOfActivity
    jurisdiction {
      code
    }
    parent {
      code
    }
  }
}
    `, {"hash":"sha256:b8fc5cb54214212b29d5247ac72aecdc0046b4ce02264cb8487effa2def4c0c8"}) as unknown as TypedDocumentString<UpdateAgencyMutation, UpdateAgencyMutationVariables>;
export const HarmCatalogueDocument = new TypedDocumentString(`
    query HarmCatalogue {
  harmCategories {
    code
    nameFa
    nameEn
  }
  indicators(first: 100) {
    totalCount
    nodes {
      code
      nameFa
      nameEn
      unit
      sensitivity
      suppressionK
      finestLevel
      periodType
      reporterKinds
      per10k
      category {
        code
      }
    }
  }
}
    `, {"hash":"sha256:507844b3d14a6abc4da33f0a64adf184649517796c0ee92352b8e33779f180e2"}) as unknown as TypedDocumentString<HarmCatalogueQuery, HarmCatalogueQueryVariables>;
export const ObservationsDocument = new TypedDocumentString(`
    query Observations($filter: ObservationFilter, $first: Int, $after: String) {
  observations(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      value
      suppressed
      status
      version
      isCurrent
      sex
      ageGroup
      indicator {
        code
        sensitivity
      }
      region {
        code
        level
      }
      period {
        code
      }
      reportingAgency {
        code
      }
    }
  }
}
    `, {"hash":"sha256:089f0db26f80c0d9a9ec6b88f007a70955ac48373e5786fa45405cd65de1603c"}) as unknown as TypedDocumentString<ObservationsQuery, ObservationsQueryVariables>;
export const ObservationDetailsDocument = new TypedDocumentString(`
    query ObservationDetails($filter: ObservationFilter, $first: Int) {
  observations(filter: $filter, first: $first) {
    nodes {
      id
      value
      suppressed
      status
      indicator {
        code
        sensitivity
      }
      region {
        code
        level
      }
      note
      enteredBy {
        fullNameEn
      }
      approvedBy {
        fullNameEn
      }
    }
  }
}
    `, {"hash":"sha256:e85b720ceb5cadc54952d1dfb46da07340cf8281ec8e63a1d41d1b919bee69e5"}) as unknown as TypedDocumentString<ObservationDetailsQuery, ObservationDetailsQueryVariables>;
export const IndicatorSeriesDocument = new TypedDocumentString(`
    query IndicatorSeries($input: SeriesInput!) {
  indicatorSeries(input: $input) {
    indicator {
      code
    }
    region {
      code
      nameFa
    }
    period {
      code
      labelFa
      startDate
      endDate
    }
    value
    suppressed
    cells
    population
    ratePer10k
    previous
    changeFromPrevious
    changeFromPreviousPercent
    lastYear
    changeFromLastYear
    changeFromLastYearPercent
  }
}
    `, {"hash":"sha256:a3b02196fa82c20d147322f32a40339ef1a3dd58903130d9b7ef9a069c3af458"}) as unknown as TypedDocumentString<IndicatorSeriesQuery, IndicatorSeriesQueryVariables>;
export const SubmitObservationsDocument = new TypedDocumentString(`
    mutation SubmitObservations($input: SubmitObservationsInput!) {
  submitObservations(input: $input) {
    batchId
    rows
    created
    corrected
    replayed
  }
}
    `, {"hash":"sha256:e69fa248cd3a768b738325c149855960f1abf402f98a4e2617195fc4c5ee4a1e"}) as unknown as TypedDocumentString<SubmitObservationsMutation, SubmitObservationsMutationVariables>;
export const ApproveObservationsDocument = new TypedDocumentString(`
    mutation ApproveObservations($ids: [ID!]!) {
  approveObservations(input: {ids: $ids}) {
    count
  }
}
    `, {"hash":"sha256:00b26f84fbae5826b298e0c25bd7100312f1144dd5b400a6957536590cd3d07c"}) as unknown as TypedDocumentString<ApproveObservationsMutation, ApproveObservationsMutationVariables>;
export const RejectObservationsDocument = new TypedDocumentString(`
    mutation RejectObservations($ids: [ID!]!, $reason: String!) {
  rejectObservations(input: {ids: $ids, reason: $reason}) {
    count
  }
}
    `, {"hash":"sha256:e18d451136ee6375bca97293c68c2101b6cec97857ecd7e40e7a4499459e4465"}) as unknown as TypedDocumentString<RejectObservationsMutation, RejectObservationsMutationVariables>;
export const AccessLogDocument = new TypedDocumentString(`
    query AccessLog($personEmail: String, $agencyCode: String, $indicatorCode: String, $regionCode: String, $period: String, $since: DateTimeISO, $first: Int) {
  accessLog(
    personEmail: $personEmail
    agencyCode: $agencyCode
    indicatorCode: $indicatorCode
    regionCode: $regionCode
    period: $period
    since: $since
    first: $first
  ) {
    totalCount
    nodes {
      at
      role
      sensitivity
      regionCodes
      periodFrom
      periodTo
      valueCount
      operation
      grantedBy
      refused
      requestId
      clientRequestId
      person {
        email
      }
      agency {
        code
      }
      indicator {
        code
      }
    }
  }
}
    `, {"hash":"sha256:f20b885d4d8ba1beb2929e3463c6ca115d9dc28902e0582ad21fb3feb88fe5c0"}) as unknown as TypedDocumentString<AccessLogQuery, AccessLogQueryVariables>;
export const DataSharingAgreementsDocument = new TypedDocumentString(`
    query DataSharingAgreements {
  dataSharingAgreements {
    code
    purpose
    active
    categoryCodes
    finestLevel
    validFrom
    validTo
    revokedAt
    grantor {
      code
    }
    grantee {
      code
    }
    regionRoot {
      code
    }
  }
}
    `, {"hash":"sha256:3bbaee1dc4a8d69e8bd02127d62aec05b0266dc30709f036755af15a9a77eace"}) as unknown as TypedDocumentString<DataSharingAgreementsQuery, DataSharingAgreementsQueryVariables>;
export const CreateDataSharingAgreementDocument = new TypedDocumentString(`
    mutation CreateDataSharingAgreement($input: CreateAgreementInput!) {
  createDataSharingAgreement(input: $input) {
    code
    active
    categoryCodes
    finestLevel
    validFrom
    validTo
    coversOnlyGrantorData
    grantor {
      code
    }
    grantee {
      code
    }
    regionRoot {
      code
    }
  }
}
    `, {"hash":"sha256:49324bb39de00ad7c46130cb4deed5880128990321f8bdbaa3f42d16d39942dd"}) as unknown as TypedDocumentString<CreateDataSharingAgreementMutation, CreateDataSharingAgreementMutationVariables>;
export const RevokeDataSharingAgreementDocument = new TypedDocumentString(`
    mutation RevokeDataSharingAgreement($code: String!) {
  revokeDataSharingAgreement(code: $code) {
    code
    active
    revokedAt
  }
}
    `, {"hash":"sha256:1a6cee0fe172205e93d021e089526dac30fb321956320926a785a770b6668909"}) as unknown as TypedDocumentString<RevokeDataSharingAgreementMutation, RevokeDataSharingAgreementMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    person {
      id
      email
      fullNameFa
      fullNameEn
      phone
      nationalId
    }
    acting {
      id
      role
      agency {
        code
        kind
      }
      unit {
        code
        kind
      }
    }
    memberships {
      id
      role
      agency {
        code
      }
    }
    invitations {
      id
      role
      agency {
        code
      }
    }
  }
}
    `, {"hash":"sha256:54c29ac47fe815f4e1134b59d94d5666195c0ecfb65afa139edfe49afe1769a3"}) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const AddMembershipDocument = new TypedDocumentString(`
    mutation AddMembership($input: AddMembershipInput!) {
  addMembership(input: $input) {
    id
    role
    validFrom
    validTo
    current
    acceptedAt
    agency {
      code
    }
    unit {
      code
    }
    person {
      email
      fullNameEn
    }
  }
}
    `, {"hash":"sha256:62118d880e6df6ee633d1c9abbb552511c4b8dd18bc0e4a411e8869bbcf722e6"}) as unknown as TypedDocumentString<AddMembershipMutation, AddMembershipMutationVariables>;
export const EndMembershipDocument = new TypedDocumentString(`
    mutation EndMembership($input: EndMembershipInput!) {
  endMembership(input: $input) {
    id
    validFrom
    validTo
    current
  }
}
    `, {"hash":"sha256:0828f0a6957e0a29892001f31c9a58533437daf8594cdb140234be52efac4079"}) as unknown as TypedDocumentString<EndMembershipMutation, EndMembershipMutationVariables>;
export const EndMembershipAtOnceDocument = new TypedDocumentString(`
    mutation EndMembershipAtOnce($input: EndMembershipInput!) {
  endMembership(input: $input) {
    id
    validTo
    current
    endedAt
  }
}
    `, {"hash":"sha256:6c3ead4d5e9f912472de6988a0420884bf6529d7ece8a03a061fcd60d458fbfb"}) as unknown as TypedDocumentString<EndMembershipAtOnceMutation, EndMembershipAtOnceMutationVariables>;
export const AcceptMembershipDocument = new TypedDocumentString(`
    mutation AcceptMembership($input: MembershipIdInput!) {
  acceptMembership(input: $input) {
    id
    role
    current
    acceptedAt
    agency {
      code
    }
  }
}
    `, {"hash":"sha256:08869e2bc540fbdaffe2f5333262029520b5b38afed2707dcaaa9a5b498c10f3"}) as unknown as TypedDocumentString<AcceptMembershipMutation, AcceptMembershipMutationVariables>;
export const DeclineMembershipDocument = new TypedDocumentString(`
    mutation DeclineMembership($input: MembershipIdInput!) {
  declineMembership(input: $input) {
    id
    current
    endedAt
  }
}
    `, {"hash":"sha256:83385ee4b6549a61e5acc8155fc23bb1bfae27288ce3d342e06cd69960396054"}) as unknown as TypedDocumentString<DeclineMembershipMutation, DeclineMembershipMutationVariables>;
export const AuditTrailDocument = new TypedDocumentString(`
    query AuditTrail($action: String, $target: String, $first: Int) {
  auditTrail(action: $action, target: $target, first: $first) {
    totalCount
    nodes {
      id
      at
      role
      action
      target
      details
      person {
        email
      }
      agency {
        code
      }
    }
  }
}
    `, {"hash":"sha256:e0fa9c94c1af1d80709fe63aa7793fb9cba1783c7da9982be464451cad50da8b"}) as unknown as TypedDocumentString<AuditTrailQuery, AuditTrailQueryVariables>;
export const PostHistoryDocument = new TypedDocumentString(`
    query PostHistory($code: String!) {
  post(code: $code) {
    code
    titleFa
    titleEn
    agency {
      code
    }
    current {
      person {
        email
      }
      startedOn
    }
    appointments {
      id
      startedOn
      endedOn
      startedOnJalali
      endedOnJalali
      startNote
      endNote
      person {
        email
        fullNameFa
      }
    }
  }
}
    `, {"hash":"sha256:8aa13016ce445009dae413edc02eddb27bc057b027bf63b3380af340d9b22a92"}) as unknown as TypedDocumentString<PostHistoryQuery, PostHistoryQueryVariables>;
export const PostsDocument = new TypedDocumentString(`
    query Posts($agencyCode: String, $first: Int) {
  posts(agencyCode: $agencyCode, first: $first) {
    nodes {
      code
      titleEn
      current {
        person {
          fullNameEn
        }
      }
    }
  }
}
    `, {"hash":"sha256:2769d973a70108665a0379355830f8ef5cec54aa0fff12283a350790634c1592"}) as unknown as TypedDocumentString<PostsQuery, PostsQueryVariables>;
export const HandOverPostDocument = new TypedDocumentString(`
    mutation HandOverPost($input: HandOverPostInput!) {
  handOverPost(input: $input) {
    post {
      code
    }
    ended {
      endedOn
      endNote
      person {
        email
      }
    }
    started {
      startedOn
      startedOnJalali
      startNote
      person {
        email
      }
    }
  }
}
    `, {"hash":"sha256:e0bff06a904c3090ff66147c70d8b7f8b9278af97afc10d4b68db19ef0cdd6c2"}) as unknown as TypedDocumentString<HandOverPostMutation, HandOverPostMutationVariables>;
export const CountiesDocument = new TypedDocumentString(`
    query Counties($first: Int) {
  regions(level: COUNTY, first: $first) {
    totalCount
    nodes {
      id
      code
      nameFa
      nameEn
      level
      population
      populationYear
    }
  }
}
    `, {"hash":"sha256:eb1dbbac40bdc30d3c9d5baf3a488622f0cda23720f721ce2b4dd611002b67e3"}) as unknown as TypedDocumentString<CountiesQuery, CountiesQueryVariables>;
export const RegionsDocument = new TypedDocumentString(`
    query Regions($level: RegionLevel, $within: String, $parent: String, $search: String, $first: Int, $after: String) {
  regions(
    level: $level
    within: $within
    parent: $parent
    search: $search
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        code
      }
    }
    nodes {
      code
      nameFa
      nameEn
      level
    }
  }
}
    `, {"hash":"sha256:86d03104aa4e697a7bd100e3f7131fc56a415c6501b80ea6fdb0104bc8681a72"}) as unknown as TypedDocumentString<RegionsQuery, RegionsQueryVariables>;
export const RegionDocument = new TypedDocumentString(`
    query Region($code: String!) {
  region(code: $code) {
    code
    nameFa
    nameEn
    level
    population
    parent {
      code
    }
    ancestors {
      code
      level
    }
    children {
      code
      level
      nameFa
    }
  }
}
    `, {"hash":"sha256:443daef90a3e336712c14ddaf40f67cf08d098cae2b930122c5507e4a7e32175"}) as unknown as TypedDocumentString<RegionQuery, RegionQueryVariables>;
export const CountyNetworkDocument = new TypedDocumentString(`
    query CountyNetwork($first: Int) {
  regions(level: COUNTY, first: $first) {
    nodes {
      code
      agencies {
        code
      }
      children {
        code
        agencies {
          code
          kind
          memberships {
            role
            person {
              fullNameEn
              email
            }
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:ecc9b515705ed4ad13d00a4c59780b68ff24f5beba0d9a7fa825013765dc5c05"}) as unknown as TypedDocumentString<CountyNetworkQuery, CountyNetworkQueryVariables>;
export const AgencyBriefDocument = new TypedDocumentString(`
    query AgencyBrief($code: String!) {
  agency(code: $code) {
    code
    nameFa
    nameEn
    kind
    fieldsOfActivity
    jurisdiction {
      code
    }
    parent {
      code
    }
  }
}
    `, {"hash":"sha256:7817af6e456dead58f4c0d36056bf0ef6bc89c4a7cbbac78e36a694d760650df"}) as unknown as TypedDocumentString<AgencyBriefQuery, AgencyBriefQueryVariables>;
export const AgencyMembersDocument = new TypedDocumentString(`
    query AgencyMembers($code: String!, $includeEnded: Boolean! = false) {
  agency(code: $code) {
    code
    memberships(includeEnded: $includeEnded) {
      id
      role
      validFrom
      validTo
      current
      unit {
        code
      }
      person {
        id
        email
        fullNameEn
      }
    }
  }
}
    `, {"hash":"sha256:4a0397ce71a293701d9cdaaa0f2d65b918a2b2136cc3607b5f791e988138ccda"}) as unknown as TypedDocumentString<AgencyMembersQuery, AgencyMembersQueryVariables>;
export const AgencyCodesDocument = new TypedDocumentString(`
    query AgencyCodes($kind: AgencyKind, $within: String, $search: String, $first: Int) {
  agencies(kind: $kind, within: $within, search: $search, first: $first) {
    totalCount
    nodes {
      code
    }
  }
}
    `, {"hash":"sha256:05a796e68d03dc1d6a2ed9ab537b7c99fe872b2ebb37b914215213268631a65f"}) as unknown as TypedDocumentString<AgencyCodesQuery, AgencyCodesQueryVariables>;
export const SeriesValuesOnlyDocument = new TypedDocumentString(`
    query SeriesValuesOnly($input: SeriesInput!) {
  indicatorSeries(input: $input) {
    region {
      code
    }
    period {
      code
    }
    value
    suppressed
    cells
  }
}
    `, {"hash":"sha256:e708cff8303158afc2383ccecd741f80633d8c12ffe6a1a799fc29b2d9036f3e"}) as unknown as TypedDocumentString<SeriesValuesOnlyQuery, SeriesValuesOnlyQueryVariables>;
export const SeriesChangeByFragmentDocument = new TypedDocumentString(`
    query SeriesChangeByFragment($input: SeriesInput!) {
  indicatorSeries(input: $input) {
    period {
      code
    }
    value
    ...SeriesChange
  }
}
    fragment SeriesChange on SeriesPoint {
  ... on SeriesPoint {
    lastYear
  }
}`, {"hash":"sha256:d5b1dd70294ff49f252fb92124f6c6c4205057e5a75acc409dad59ce25d4166a"}) as unknown as TypedDocumentString<SeriesChangeByFragmentQuery, SeriesChangeByFragmentQueryVariables>;
export const RegionTreeDocument = new TypedDocumentString(`
    query RegionTree($first: Int) {
  regions(level: COUNTY, first: $first) {
    nodes {
      code
      parent {
        code
      }
      children {
        code
        parent {
          code
        }
        children {
          code
          ancestors {
            code
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:ae6607bf9e1ebd30e1c3bd5550a41f8ff66a5a7f73cc3ccef532f9e0a5fb0e5f"}) as unknown as TypedDocumentString<RegionTreeQuery, RegionTreeQueryVariables>;
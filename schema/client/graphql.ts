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

/** A person not yet known to the hub */
export type NewPersonInput = {
  fullNameEn: string;
  fullNameFa: string;
  /** 10-digit Iranian national ID */
  nationalId?: string | null | undefined;
  phone?: string | null | undefined;
};

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

/** HARM_MONITORING: the deputy that monitors social harms; PARTICIPATION_NGO: the deputy for participation and NGOs */
export type UnitKind =
  | 'HARM_MONITORING'
  | 'OTHER'
  | 'PARTICIPATION_NGO';

/** Only the fields given are changed */
export type UpdateAgencyInput = {
  fieldsOfActivity?: Array<string> | null | undefined;
  jurisdictionCode?: string | null | undefined;
  nameEn?: string | null | undefined;
  nameFa?: string | null | undefined;
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


export type UpdateAgencyMutation = { updateAgency: { code: string, nameFa: string, nameEn: string, fieldsOfActivity: Array<string>, jurisdiction: { code: string } } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { person: { id: string, email: string | null, fullNameFa: string, fullNameEn: string, phone: string | null, nationalId: string | null }, acting: { id: string, role: Role, agency: { code: string, kind: AgencyKind }, unit: { code: string, kind: UnitKind } | null } | null, memberships: Array<{ id: string, role: Role, agency: { code: string } }> | null } | null };

export type AddMembershipMutationVariables = Exact<{
  input: AddMembershipInput;
}>;


export type AddMembershipMutation = { addMembership: { id: string, role: Role, validFrom: string, validTo: string | null, current: boolean, agency: { code: string }, unit: { code: string } | null, person: { email: string | null, fullNameEn: string } } | null };

export type EndMembershipMutationVariables = Exact<{
  input: EndMembershipInput;
}>;


export type EndMembershipMutation = { endMembership: { id: string, validFrom: string, validTo: string | null, current: boolean } | null };

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
    `) as unknown as TypedDocumentString<AgenciesQuery, AgenciesQueryVariables>;
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
    `) as unknown as TypedDocumentString<AgencyQuery, AgencyQueryVariables>;
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
    `) as unknown as TypedDocumentString<CreateAgencyMutation, CreateAgencyMutationVariables>;
export const UpdateAgencyDocument = new TypedDocumentString(`
    mutation UpdateAgency($code: String!, $input: UpdateAgencyInput!) {
  updateAgency(code: $code, input: $input) {
    code
    nameFa
    nameEn
    fieldsOfActivity
    jurisdiction {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateAgencyMutation, UpdateAgencyMutationVariables>;
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
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const AddMembershipDocument = new TypedDocumentString(`
    mutation AddMembership($input: AddMembershipInput!) {
  addMembership(input: $input) {
    id
    role
    validFrom
    validTo
    current
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
    `) as unknown as TypedDocumentString<AddMembershipMutation, AddMembershipMutationVariables>;
export const EndMembershipDocument = new TypedDocumentString(`
    mutation EndMembership($input: EndMembershipInput!) {
  endMembership(input: $input) {
    id
    validFrom
    validTo
    current
  }
}
    `) as unknown as TypedDocumentString<EndMembershipMutation, EndMembershipMutationVariables>;
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
    `) as unknown as TypedDocumentString<PostHistoryQuery, PostHistoryQueryVariables>;
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
    `) as unknown as TypedDocumentString<PostsQuery, PostsQueryVariables>;
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
    `) as unknown as TypedDocumentString<HandOverPostMutation, HandOverPostMutationVariables>;
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
    `) as unknown as TypedDocumentString<CountiesQuery, CountiesQueryVariables>;
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
    `) as unknown as TypedDocumentString<RegionsQuery, RegionsQueryVariables>;
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
    `) as unknown as TypedDocumentString<RegionQuery, RegionQueryVariables>;
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
    `) as unknown as TypedDocumentString<CountyNetworkQuery, CountyNetworkQueryVariables>;
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
    `) as unknown as TypedDocumentString<AgencyBriefQuery, AgencyBriefQueryVariables>;
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
    `) as unknown as TypedDocumentString<AgencyMembersQuery, AgencyMembersQueryVariables>;
export const AgencyCodesDocument = new TypedDocumentString(`
    query AgencyCodes($kind: AgencyKind, $within: String, $search: String, $first: Int) {
  agencies(kind: $kind, within: $within, search: $search, first: $first) {
    totalCount
    nodes {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AgencyCodesQuery, AgencyCodesQueryVariables>;
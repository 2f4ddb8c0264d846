/** Saved operations the explorer offers analysts as starting points. */
export const EXAMPLE_OPERATIONS: Array<{ name: string; query: string; variables?: Record<string, unknown> }> = [
  {
    name: 'Counties with their cities',
    query: `query Counties {
  regions(level: COUNTY, first: 20) {
    totalCount
    nodes { code nameFa nameEn population children { code nameFa level } }
  }
}`,
  },
  {
    name: 'Search a place (Arabic or Persian letters)',
    query: `query Search($q: String!) {
  regions(search: $q, first: 10) { nodes { code nameFa nameEn level ancestors { nameFa } } }
}`,
    variables: { q: 'كرمانشاه' },
  },
  {
    name: 'NGOs in a county',
    query: `query NgosIn($county: String!) {
  agencies(kind: NGO, within: $county) { nodes { code nameFa nameEn fieldsOfActivity jurisdiction { nameFa } } }
}`,
    variables: { county: 'KSH-01' },
  },
  {
    name: 'Director-general history',
    query: `query DgHistory {
  post(code: "POST-SCA-DG") {
    titleFa titleEn
    appointments { person { fullNameFa fullNameEn } startedOn startedOnJalali endedOn endedOnJalali startNote endNote }
  }
}`,
  },
  {
    name: 'Who am I (pick a demo user first)',
    query: `query Me {
  me { person { fullNameEn email } acting { role agency { nameEn } unit { nameEn } } memberships { id role agency { code } } }
}`,
  },
];

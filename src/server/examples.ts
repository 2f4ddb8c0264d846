/** Saved operations the explorer offers analysts as starting points. */
export const EXAMPLE_OPERATIONS: Array<{ name: string; query: string; variables?: Record<string, unknown> }> = [
  {
    name: 'Indicator trend by county per Jalali quarter',
    query: `# Divorce registrations per county and Jalali quarter, with rates per 10,000 and change.
# Values you may not see are absent; small counts come back as value: null, suppressed: true.
query TrendByCounty($indicator: String!, $from: String!, $to: String!) {
  indicatorSeries(input: { indicators: [$indicator], level: COUNTY, granularity: QUARTER, from: $from, to: $to }) {
    region { nameFa nameEn }
    period { code labelFa }
    value suppressed ratePer10k
    changeFromPrevious changeFromLastYearPercent
  }
}`,
    variables: { indicator: 'DIVORCE_REG', from: '1402-Q1', to: '1403-Q4' },
  },
  {
    name: 'Latest month for my county',
    query: `# All indicators of one county for one Jalali month (pick a county governorate user first).
query LatestMonth($county: String!, $month: String!) {
  observations(filter: { within: $county, levels: [COUNTY], from: $month, to: $month, sex: TOTAL, ageGroup: TOTAL }, first: 100) {
    nodes { indicator { code nameFa sensitivity } value suppressed status period { labelFa } }
  }
}`,
    variables: { county: 'KSH-09', month: '1403-12' },
  },
  {
    name: 'Neighbourhoods of Kermanshah, one indicator by month',
    query: `query Neighbourhoods($indicator: String!, $from: String!, $to: String!) {
  indicatorSeries(input: { indicators: [$indicator], level: NEIGHBOURHOOD, within: "KSH-01-C01", granularity: MONTH, from: $from, to: $to }) {
    region { nameFa } period { code } value suppressed
  }
}`,
    variables: { indicator: 'CULTURE_PARTICIPANTS', from: '1403-01', to: '1403-12' },
  },
  {
    name: 'Indicators and their sensitivity',
    query: `query Catalogue {
  harmCategories { code nameFa nameEn }
  indicators(first: 100) { nodes { code nameFa nameEn sensitivity unit periodType finestLevel category { code } } }
}`,
  },
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

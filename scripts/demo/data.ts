// Kermanshah demo data: populations are approximate (2016 census) or synthetic, and every person is fictional.

export type RegionLevel = 'PROVINCE' | 'COUNTY' | 'DISTRICT' | 'CITY' | 'RURAL_DISTRICT' | 'NEIGHBOURHOOD' | 'VILLAGE';
export type AgencyKind =
  | 'PROVINCIAL_GOVERNORATE'
  | 'COUNTY_GOVERNORATE'
  | 'CITY_COUNCIL'
  | 'VILLAGE_COUNCIL'
  | 'NGO'
  | 'CULTURAL_CENTER'
  | 'UNIVERSITY'
  | 'STATE_BODY';
export type UnitKind = 'HARM_MONITORING' | 'PARTICIPATION_NGO' | 'OTHER';
export type Role = 'ADMIN' | 'DIRECTOR' | 'ANALYST' | 'DATA_STEWARD' | 'MEMBER';

export interface DemoRegion {
  code: string;
  nameFa: string;
  nameEn: string;
  level: RegionLevel;
  parentCode: string | null;
  population?: number;
  populationYear?: number;
}
export interface DemoUnit {
  code: string;
  nameFa: string;
  nameEn: string;
  kind: UnitKind;
}
export interface DemoAgency {
  code: string;
  nameFa: string;
  nameEn: string;
  kind: AgencyKind;
  jurisdictionCode: string;
  parentCode?: string;
  units?: DemoUnit[];
  fieldsOfActivity?: string[];
}
export interface DemoMembership {
  agencyCode: string;
  unitCode?: string;
  role: Role;
  /** YYYY-MM-DD, Gregorian */
  validFrom: string;
  validTo?: string;
}
export interface DemoPerson {
  email: string;
  fullNameFa: string;
  fullNameEn: string;
  phone: string;
  nationalId: string;
  memberships: DemoMembership[];
}
export interface DemoPost {
  code: string;
  titleFa: string;
  titleEn: string;
  agencyCode: string;
  unitCode?: string;
  /** Powers that come with the post (PostAuthority). */
  authority?: 'DIRECTOR_GENERAL' | 'HARM_MONITORING_DEPUTY' | 'PARTICIPATION_DEPUTY';
}
export interface DemoAppointment {
  postCode: string;
  personEmail: string;
  startedOn: string;
  endedOn?: string;
  startNote?: string;
  endNote?: string;
}

// ---------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------

/** Year of the figures marked as census figures (national census of 1395 SH). */
const CENSUS_YEAR = 2016;
/** Year assigned to synthetic neighbourhood and village figures. */
const SYNTHETIC_YEAR = 2024;

interface CountyRow {
  n: string;
  fa: string;
  en: string;
  population: number;
  city: { fa: string; en: string; population: number };
}

// County and main-city populations: approximate 2016 census figures, most rounded to the nearest hundred.
const COUNTIES: CountyRow[] = [
  { n: '01', fa: 'کرمانشاه', en: 'Kermanshah', population: 1083833, city: { fa: 'کرمانشاه', en: 'Kermanshah', population: 946651 } },
  { n: '02', fa: 'اسلام‌آباد غرب', en: 'Eslamabad-e Gharb', population: 140400, city: { fa: 'اسلام‌آباد غرب', en: 'Eslamabad-e Gharb', population: 90600 } },
  { n: '03', fa: 'پاوه', en: 'Paveh', population: 56800, city: { fa: 'پاوه', en: 'Paveh', population: 25800 } },
  { n: '04', fa: 'جوانرود', en: 'Javanrud', population: 75200, city: { fa: 'جوانرود', en: 'Javanrud', population: 54800 } },
  { n: '05', fa: 'دالاهو', en: 'Dalahu', population: 39000, city: { fa: 'کرند غرب', en: 'Kerend-e Gharb', population: 7400 } },
  { n: '06', fa: 'روانسر', en: 'Ravansar', population: 45500, city: { fa: 'روانسر', en: 'Ravansar', population: 20100 } },
  { n: '07', fa: 'سرپل ذهاب', en: 'Sarpol-e Zahab', population: 85300, city: { fa: 'سرپل ذهاب', en: 'Sarpol-e Zahab', population: 45500 } },
  { n: '08', fa: 'سنقر', en: 'Sonqor', population: 83900, city: { fa: 'سنقر', en: 'Sonqor', population: 42000 } },
  { n: '09', fa: 'صحنه', en: 'Sahneh', population: 72500, city: { fa: 'صحنه', en: 'Sahneh', population: 35000 } },
  { n: '10', fa: 'قصر شیرین', en: 'Qasr-e Shirin', population: 23800, city: { fa: 'قصر شیرین', en: 'Qasr-e Shirin', population: 18500 } },
  { n: '11', fa: 'کنگاور', en: 'Kangavar', population: 80400, city: { fa: 'کنگاور', en: 'Kangavar', population: 53000 } },
  { n: '12', fa: 'گیلان غرب', en: 'Gilan-e Gharb', population: 59600, city: { fa: 'گیلان غرب', en: 'Gilan-e Gharb', population: 20000 } },
  { n: '13', fa: 'هرسین', en: 'Harsin', population: 71200, city: { fa: 'هرسین', en: 'Harsin', population: 51000 } },
  { n: '14', fa: 'ثلاث باباجانی', en: 'Salas-e Babajani', population: 35000, city: { fa: 'تازه‌آباد', en: 'Tazehabad', population: 10000 } },
];

// Neighbourhoods of Kermanshah city. N01–N20 are long-established areas of the city; N21–N32 are
// common district names used for illustration. Every neighbourhood population is synthetic.
const KERMANSHAH_NEIGHBOURHOODS: Array<[fa: string, en: string, population: number]> = [
  ['طاق بستان', 'Taq-e Bostan', 38400],
  ['الهیه', 'Elahiyeh', 41200],
  ['فرهنگیان', 'Farhangian', 36700],
  ['کسری', 'Kasra', 29300],
  ['دولت‌آباد', 'Dowlatabad', 47800],
  ['جعفرآباد', 'Jafarabad', 33100],
  ['شاطرآباد', 'Shaterabad', 21600],
  ['چغامیرزا', 'Chogha Mirza', 27900],
  ['کرناچی', 'Karnachi', 18200],
  ['فیض‌آباد', 'Feyzabad', 15400],
  ['برزه‌دماغ', 'Barzeh Damagh', 12800],
  ['آبشوران', 'Abshuran', 14900],
  ['چنانی', 'Chanani', 9700],
  ['جلوخان', 'Jelowkhan', 8300],
  ['سبزه‌میدان', 'Sabzeh Meydan', 7600],
  ['باغ ابریشم', 'Bagh-e Abrisham', 22400],
  ['دره‌دراز', 'Darreh Deraz', 25300],
  ['حافظیه', 'Hafeziyeh', 19800],
  ['سراب قنبر', 'Sarab-e Qanbar', 16500],
  ['باغ نی', 'Bagh-e Ney', 11200],
  ['سرتپه', 'Sar Tappeh', 10400],
  ['مسکن', 'Maskan', 24700],
  ['شهرک معلم', 'Shahrak-e Moallem', 17300],
  ['مدرس', 'Modarres', 20900],
  ['شهرک نفت', 'Shahrak-e Naft', 13600],
  ['پردیس', 'Pardis', 28800],
  ['مهدیه', 'Mahdiyeh', 19100],
  ['نوبهار', 'Nowbahar', 22600],
  ['آزادی', 'Azadi', 26400],
  ['ولیعصر', 'Valiasr', 30700],
  ['مسکن مهر', 'Maskan-e Mehr', 34500],
  ['زاگرس', 'Zagros', 18900],
];

// Villages. Kanduleh, Hajij, Zardeh, Rijab and Qaleh Shahin are real villages; the other names are
// common village names used for illustration. Every village population is synthetic.
const VILLAGES: Array<[code: string, fa: string, en: string, population: number]> = [
  ['KSH-01-V01', 'علی‌آباد', 'Aliabad', 860],
  ['KSH-01-V02', 'چشمه‌سفید', 'Cheshmeh Sefid', 540],
  ['KSH-02-V01', 'حسن‌آباد', 'Hasanabad', 720],
  ['KSH-03-V01', 'هجیج', 'Hajij', 310],
  ['KSH-03-V02', 'شمشیر', 'Shamshir', 450],
  ['KSH-04-V01', 'ده‌شیخ', 'Deh Sheykh', 480],
  ['KSH-05-V01', 'زرده', 'Zardeh', 1350],
  ['KSH-05-V02', 'ریجاب', 'Rijab', 980],
  ['KSH-07-V01', 'قلعه شاهین', 'Qaleh Shahin', 1120],
  ['KSH-08-V01', 'قزلجه', 'Qezeljeh', 640],
  ['KSH-09-V01', 'کندوله', 'Kanduleh', 1240],
  ['KSH-09-V02', 'چشمه‌کبود', 'Cheshmeh Kabud', 390],
  ['KSH-11-V01', 'قره‌بلاغ', 'Qarah Bolagh', 560],
  ['KSH-12-V01', 'سراب گرم', 'Sarab-e Garm', 270],
  ['KSH-13-V01', 'قلعه‌نو', 'Qaleh Now', 690],
  ['KSH-14-V01', 'کانی سیاه', 'Kani Siah', 330],
];

const pad2 = (i: number): string => String(i).padStart(2, '0');
const countyCode = (n: string): string => `KSH-${n}`;
const mainCityCode = (n: string): string => `KSH-${n}-C01`;
const villageCounty = (villageCode: string): string => villageCode.slice(0, 6);

function buildRegions(): DemoRegion[] {
  const regions: DemoRegion[] = [
    { code: 'KSH', nameFa: 'استان کرمانشاه', nameEn: 'Kermanshah Province', level: 'PROVINCE', parentCode: null, population: 1952434, populationYear: CENSUS_YEAR },
  ];
  for (const c of COUNTIES) {
    regions.push({ code: countyCode(c.n), nameFa: c.fa, nameEn: c.en, level: 'COUNTY', parentCode: 'KSH', population: c.population, populationYear: CENSUS_YEAR });
  }
  for (const c of COUNTIES) {
    regions.push({ code: mainCityCode(c.n), nameFa: c.city.fa, nameEn: c.city.en, level: 'CITY', parentCode: countyCode(c.n), population: c.city.population, populationYear: CENSUS_YEAR });
  }
  KERMANSHAH_NEIGHBOURHOODS.forEach(([fa, en, population], i) => {
    regions.push({ code: `${mainCityCode('01')}-N${pad2(i + 1)}`, nameFa: fa, nameEn: en, level: 'NEIGHBOURHOOD', parentCode: mainCityCode('01'), population, populationYear: SYNTHETIC_YEAR });
  });
  for (const [code, fa, en, population] of VILLAGES) {
    regions.push({ code, nameFa: fa, nameEn: en, level: 'VILLAGE', parentCode: villageCounty(code), population, populationYear: SYNTHETIC_YEAR });
  }
  return regions;
}

export const DEMO_REGIONS: DemoRegion[] = buildRegions();

// ---------------------------------------------------------------------------
// Agencies
// ---------------------------------------------------------------------------

type Field =
  | 'ADDICTION_RECOVERY'
  | 'ADDICTION_PREVENTION'
  | 'HARM_REDUCTION'
  | 'FAMILY_SUPPORT'
  | 'WOMEN_EMPOWERMENT'
  | 'LIVELIHOOD'
  | 'CHILD_LABOUR'
  | 'CHILD_RIGHTS'
  | 'EDUCATION'
  | 'SCHOOL_DROPOUT'
  | 'ENVIRONMENT'
  | 'PUBLIC_AWARENESS'
  | 'YOUTH'
  | 'CIVIC_PARTICIPATION'
  | 'VOLUNTEERING'
  | 'DISABILITY'
  | 'ACCESSIBILITY'
  | 'DISASTER_RELIEF'
  | 'PSYCHOSOCIAL_SUPPORT'
  | 'ELDERLY_CARE'
  | 'MENTAL_HEALTH'
  | 'SUICIDE_PREVENTION'
  | 'CULTURAL_HERITAGE'
  | 'TOURISM'
  | 'CULTURE'
  | 'ARTS'
  | 'READING'
  | 'NEIGHBOURHOOD_PARTICIPATION';

const fields = (...f: Field[]): string[] => f;

function buildAgencies(): DemoAgency[] {
  const agencies: DemoAgency[] = [
    { code: 'AG-GOV', nameFa: 'استانداری کرمانشاه', nameEn: 'Kermanshah Provincial Governorate', kind: 'PROVINCIAL_GOVERNORATE', jurisdictionCode: 'KSH' },
    {
      code: 'AG-SCA',
      nameFa: 'دفتر امور اجتماعی و فرهنگی استانداری کرمانشاه',
      nameEn: 'Social and Cultural Affairs Office, Kermanshah Governorate',
      kind: 'PROVINCIAL_GOVERNORATE',
      jurisdictionCode: 'KSH',
      parentCode: 'AG-GOV',
      units: [
        { code: 'U-HARM', nameFa: 'معاونت پایش آسیب‌های اجتماعی', nameEn: 'Social Harm Monitoring Deputy', kind: 'HARM_MONITORING' },
        { code: 'U-NGO', nameFa: 'معاونت توسعه مشارکت‌ها و سازمان‌های مردم‌نهاد', nameEn: 'Participation and NGO Development Deputy', kind: 'PARTICIPATION_NGO' },
      ],
    },
  ];
  for (const c of COUNTIES) {
    agencies.push({ code: `AG-CG-${c.n}`, nameFa: `فرمانداری شهرستان ${c.fa}`, nameEn: `${c.en} County Governorate`, kind: 'COUNTY_GOVERNORATE', jurisdictionCode: countyCode(c.n), parentCode: 'AG-GOV' });
  }
  for (const c of COUNTIES) {
    agencies.push({ code: `AG-CC-${c.n}`, nameFa: `شورای اسلامی شهر ${c.city.fa}`, nameEn: `${c.city.en} City Council`, kind: 'CITY_COUNCIL', jurisdictionCode: mainCityCode(c.n) });
  }
  const villageCouncils: Array<[n: string, villageCode: string]> = [
    ['01', 'KSH-09-V01'],
    ['02', 'KSH-03-V01'],
    ['03', 'KSH-05-V01'],
    ['04', 'KSH-07-V01'],
    ['05', 'KSH-14-V01'],
  ];
  for (const [n, villageCode] of villageCouncils) {
    const village = VILLAGES.find((v) => v[0] === villageCode);
    if (!village) throw new Error(`unknown village ${villageCode}`);
    agencies.push({ code: `AG-VC-${n}`, nameFa: `شورای اسلامی روستای ${village[1]}`, nameEn: `${village[2]} Village Council`, kind: 'VILLAGE_COUNCIL', jurisdictionCode: villageCode });
  }
  agencies.push(
    // Non-governmental organisations (fictional).
    {
      code: 'AG-NGO-SAHNEH-ADDICTION',
      nameFa: 'انجمن بهبودیافتگان امید صحنه',
      nameEn: 'Omid Recovery Association of Sahneh',
      kind: 'NGO',
      jurisdictionCode: 'KSH-09',
      fieldsOfActivity: fields('ADDICTION_RECOVERY', 'HARM_REDUCTION', 'FAMILY_SUPPORT'),
    },
    {
      code: 'AG-NGO-KSH-WOMEN',
      nameFa: 'انجمن توانمندسازی زنان سرپرست خانوار مهرآفرین',
      nameEn: 'Mehrafarin Association for the Empowerment of Women Heads of Household',
      kind: 'NGO',
      jurisdictionCode: 'KSH-01',
      fieldsOfActivity: fields('WOMEN_EMPOWERMENT', 'LIVELIHOOD', 'FAMILY_SUPPORT'),
    },
    {
      code: 'AG-NGO-KSH-CHILD',
      nameFa: 'جمعیت یاوران کودکان کار و خیابان',
      nameEn: 'Yavaran Society for Working and Street Children',
      kind: 'NGO',
      jurisdictionCode: 'KSH-01-C01',
      fieldsOfActivity: fields('CHILD_LABOUR', 'CHILD_RIGHTS', 'EDUCATION'),
    },
    {
      code: 'AG-NGO-KSH-ENV',
      nameFa: 'انجمن سبز زاگرس‌نشینان',
      nameEn: 'Zagros Dwellers Green Association',
      kind: 'NGO',
      jurisdictionCode: 'KSH',
      fieldsOfActivity: fields('ENVIRONMENT', 'PUBLIC_AWARENESS'),
    },
    {
      code: 'AG-NGO-KSH-YOUTH',
      nameFa: 'کانون جوانان نواندیش کرمانشاه',
      nameEn: 'Navandish Youth Circle of Kermanshah',
      kind: 'NGO',
      jurisdictionCode: 'KSH-01',
      fieldsOfActivity: fields('YOUTH', 'CIVIC_PARTICIPATION', 'VOLUNTEERING'),
    },
    {
      code: 'AG-NGO-KSH-DISABILITY',
      nameFa: 'انجمن توان‌یابان همراه',
      nameEn: 'Hamrah Association of People with Disabilities',
      kind: 'NGO',
      jurisdictionCode: 'KSH',
      fieldsOfActivity: fields('DISABILITY', 'ACCESSIBILITY', 'LIVELIHOOD'),
    },
    {
      code: 'AG-NGO-SARPOL-RELIEF',
      nameFa: 'گروه داوطلبان همیار سرپل ذهاب',
      nameEn: 'Hamyar Volunteer Group of Sarpol-e Zahab',
      kind: 'NGO',
      jurisdictionCode: 'KSH-07',
      fieldsOfActivity: fields('DISASTER_RELIEF', 'PSYCHOSOCIAL_SUPPORT', 'VOLUNTEERING'),
    },
    {
      code: 'AG-NGO-JAVANRUD-EDU',
      nameFa: 'انجمن آموزش و سوادآموزی روشنا',
      nameEn: 'Roshana Literacy and Education Association',
      kind: 'NGO',
      jurisdictionCode: 'KSH-04',
      fieldsOfActivity: fields('EDUCATION', 'SCHOOL_DROPOUT', 'CHILD_RIGHTS'),
    },
    {
      code: 'AG-NGO-KANGAVAR-ELDERLY',
      nameFa: 'انجمن حمایت از سالمندان مهرورزان کنگاور',
      nameEn: 'Mehrvarzan Elderly Support Association of Kangavar',
      kind: 'NGO',
      jurisdictionCode: 'KSH-11',
      fieldsOfActivity: fields('ELDERLY_CARE', 'FAMILY_SUPPORT'),
    },
    {
      code: 'AG-NGO-HARSIN-MENTAL',
      nameFa: 'انجمن سلامت روان آرامش هرسین',
      nameEn: 'Aramesh Mental Health Association of Harsin',
      kind: 'NGO',
      jurisdictionCode: 'KSH-13',
      fieldsOfActivity: fields('MENTAL_HEALTH', 'SUICIDE_PREVENTION', 'PSYCHOSOCIAL_SUPPORT'),
    },
    {
      code: 'AG-NGO-PAVEH-HERITAGE',
      nameFa: 'انجمن دوستداران میراث فرهنگی هورامان',
      nameEn: 'Friends of Hawraman Cultural Heritage Association',
      kind: 'NGO',
      jurisdictionCode: 'KSH-03',
      fieldsOfActivity: fields('CULTURAL_HERITAGE', 'TOURISM', 'YOUTH'),
    },
    {
      code: 'AG-NGO-ESLAMABAD-ADDICTION',
      nameFa: 'انجمن پیشگیری از اعتیاد سپیده اسلام‌آباد غرب',
      nameEn: 'Sepideh Addiction Prevention Association of Eslamabad-e Gharb',
      kind: 'NGO',
      jurisdictionCode: 'KSH-02',
      fieldsOfActivity: fields('ADDICTION_PREVENTION', 'YOUTH', 'FAMILY_SUPPORT'),
    },
    // Cultural centres (fictional).
    {
      code: 'AG-CUL-01',
      nameFa: 'فرهنگسرای جوان کرمانشاه',
      nameEn: 'Kermanshah Youth Culture House',
      kind: 'CULTURAL_CENTER',
      jurisdictionCode: 'KSH-01-C01',
      fieldsOfActivity: fields('CULTURE', 'ARTS', 'YOUTH'),
    },
    {
      code: 'AG-CUL-02',
      nameFa: 'خانه فرهنگ محله دولت‌آباد',
      nameEn: 'Dowlatabad Neighbourhood Culture House',
      kind: 'CULTURAL_CENTER',
      jurisdictionCode: 'KSH-01-C01-N05',
      fieldsOfActivity: fields('CULTURE', 'READING', 'NEIGHBOURHOOD_PARTICIPATION'),
    },
    {
      code: 'AG-CUL-03',
      nameFa: 'کانون فرهنگی و هنری صحنه',
      nameEn: 'Sahneh Cultural and Arts Centre',
      kind: 'CULTURAL_CENTER',
      jurisdictionCode: 'KSH-09-C01',
      fieldsOfActivity: fields('CULTURE', 'ARTS', 'READING'),
    },
    {
      code: 'AG-RAZI',
      nameFa: 'دانشگاه رازی',
      nameEn: 'Razi University',
      kind: 'UNIVERSITY',
      jurisdictionCode: 'KSH',
      units: [{ code: 'U-RAZI-SOC', nameFa: 'گروه جامعه‌شناسی', nameEn: 'Department of Sociology', kind: 'OTHER' }],
    },
    { code: 'AG-WELFARE', nameFa: 'اداره کل بهزیستی استان کرمانشاه', nameEn: 'Kermanshah Province Welfare Directorate-General', kind: 'STATE_BODY', jurisdictionCode: 'KSH' },
    { code: 'AG-SPORT-YOUTH', nameFa: 'اداره کل ورزش و جوانان استان کرمانشاه', nameEn: 'Kermanshah Province Sports and Youth Directorate-General', kind: 'STATE_BODY', jurisdictionCode: 'KSH' },
  );
  return agencies;
}

export const DEMO_AGENCIES: DemoAgency[] = buildAgencies();

// ---------------------------------------------------------------------------
// People (fictional). The first entries are the main demo users.
// ---------------------------------------------------------------------------

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    email: 'dg@sca.kermanshah.example', fullNameFa: 'سیاوش کرمی‌پور', fullNameEn: 'Siavash Karamipour',
    phone: '09181314159', nationalId: '5372368454',
    memberships: [{ agencyCode: 'AG-SCA', role: 'DIRECTOR', validFrom: '2025-11-30' }],
  },
  {
    email: 'harm.deputy@sca.kermanshah.example', fullNameFa: 'مریم زندی‌فر', fullNameEn: 'Maryam Zandifar',
    phone: '09188968480', nationalId: '4904622790',
    memberships: [{ agencyCode: 'AG-SCA', unitCode: 'U-HARM', role: 'DIRECTOR', validFrom: '2023-02-15' }],
  },
  {
    email: 'analyst@sca.kermanshah.example', fullNameFa: 'سارا مرادی‌نیا', fullNameEn: 'Sara Moradinia',
    phone: '09187622801', nationalId: '8881835371',
    memberships: [{ agencyCode: 'AG-SCA', unitCode: 'U-HARM', role: 'ANALYST', validFrom: '2022-10-01' }],
  },
  {
    email: 'steward@cg-kermanshah.kermanshah.example', fullNameFa: 'کامران ویسی', fullNameEn: 'Kamran Veisi',
    phone: '09186277122', nationalId: '1930454651',
    memberships: [{ agencyCode: 'AG-CG-01', role: 'DATA_STEWARD', validFrom: '2021-05-01' }],
  },
  {
    email: 'steward@omid-sahneh.ngo.example', fullNameFa: 'لیلا شهبازی', fullNameEn: 'Leila Shahbazi',
    phone: '09184931443', nationalId: '8209775189',
    memberships: [{ agencyCode: 'AG-NGO-SAHNEH-ADDICTION', role: 'DATA_STEWARD', validFrom: '2023-06-01' }],
  },
  {
    email: 'researcher@razi.ac.example', fullNameFa: 'بهزاد کاکاوند', fullNameEn: 'Behzad Kakavand',
    phone: '09183585764', nationalId: '5916092865',
    memberships: [{ agencyCode: 'AG-RAZI', unitCode: 'U-RAZI-SOC', role: 'ANALYST', validFrom: '2020-09-23' }],
  },
  {
    email: 'member@mehrafarin.ngo.example', fullNameFa: 'شیرین باباخانی', fullNameEn: 'Shirin Babakhani',
    phone: '09182240085', nationalId: '8775451565',
    memberships: [{ agencyCode: 'AG-NGO-KSH-WOMEN', role: 'MEMBER', validFrom: '2024-04-10' }],
  },
  {
    email: 'ngo.deputy@sca.kermanshah.example', fullNameFa: 'هادی نظری', fullNameEn: 'Hadi Nazari',
    phone: '09189894406', nationalId: '5105266579',
    memberships: [{ agencyCode: 'AG-SCA', unitCode: 'U-NGO', role: 'DIRECTOR', validFrom: '2024-01-20' }],
  },
  {
    email: 'admin@sca.kermanshah.example', fullNameFa: 'رضا یاری', fullNameEn: 'Reza Yari',
    phone: '09188548727', nationalId: '3064703684',
    memberships: [{ agencyCode: 'AG-SCA', role: 'ADMIN', validFrom: '2020-01-15' }],
  },
  {
    email: 'steward@cg-sahneh.kermanshah.example', fullNameFa: 'ژیلا حیدری', fullNameEn: 'Zhila Heydari',
    phone: '09187203048', nationalId: '7711703813',
    memberships: [{ agencyCode: 'AG-CG-09', role: 'DATA_STEWARD', validFrom: '2022-04-01' }],
  },
  {
    email: 'peyman.rostami@sca.kermanshah.example', fullNameFa: 'پیمان رستمی', fullNameEn: 'Peyman Rostami',
    phone: '09185857369', nationalId: '3271626091',
    memberships: [{ agencyCode: 'AG-SCA', unitCode: 'U-HARM', role: 'ANALYST', validFrom: '2024-09-01' }],
  },
  {
    email: 'arman.fattahi@gov.kermanshah.example', fullNameFa: 'آرمان فتاحی', fullNameEn: 'Arman Fattahi',
    phone: '09184511690', nationalId: '7206186475',
    memberships: [{ agencyCode: 'AG-GOV', role: 'MEMBER', validFrom: '2025-03-10' }, { agencyCode: 'AG-NGO-KSH-YOUTH', role: 'MEMBER', validFrom: '2022-07-01' }],
  },
  {
    email: 'mahmoud.azizi@sca.kermanshah.example', fullNameFa: 'محمود عزیزی', fullNameEn: 'Mahmoud Azizi',
    phone: '09183166011', nationalId: '5858336876',
    memberships: [{ agencyCode: 'AG-SCA', role: 'DIRECTOR', validFrom: '2021-09-01', validTo: '2025-11-30' }],
  },
  {
    email: 'negin.ahmadi@razi.ac.example', fullNameFa: 'نگین احمدی', fullNameEn: 'Negin Ahmadi',
    phone: '09181820332', nationalId: '3564799370',
    memberships: [{ agencyCode: 'AG-SCA', unitCode: 'U-HARM', role: 'ANALYST', validFrom: '2021-03-01', validTo: '2024-08-31' }, { agencyCode: 'AG-RAZI', unitCode: 'U-RAZI-SOC', role: 'ANALYST', validFrom: '2024-09-23' }],
  },
  {
    email: 'babak.sanjabi@gov.kermanshah.example', fullNameFa: 'بابک سنجابی', fullNameEn: 'Babak Sanjabi',
    phone: '09189474653', nationalId: '7056351621',
    memberships: [{ agencyCode: 'AG-GOV', role: 'ADMIN', validFrom: '2019-06-01' }],
  },
  {
    email: 'elham.amiri@sca.kermanshah.example', fullNameFa: 'الهام امیری', fullNameEn: 'Elham Amiri',
    phone: '09188128974', nationalId: '1200182911',
    memberships: [{ agencyCode: 'AG-SCA', unitCode: 'U-NGO', role: 'MEMBER', validFrom: '2023-01-07' }],
  },
  {
    email: 'farzad.kalhor@sca.kermanshah.example', fullNameFa: 'فرزاد کلهر', fullNameEn: 'Farzad Kalhor',
    phone: '09186783295', nationalId: '3411049014',
    memberships: [{ agencyCode: 'AG-SCA', unitCode: 'U-HARM', role: 'MEMBER', validFrom: '2024-02-03' }],
  },
  {
    email: 'roya.jalalvand@razi.ac.example', fullNameFa: 'رویا جلالوند', fullNameEn: 'Roya Jalalvand',
    phone: '09185437616', nationalId: '3607930783',
    memberships: [{ agencyCode: 'AG-RAZI', role: 'ADMIN', validFrom: '2021-01-10' }],
  },
  {
    email: 'dariush.malekshahi@razi.ac.example', fullNameFa: 'داریوش ملکشاهی', fullNameEn: 'Dariush Malekshahi',
    phone: '09184091937', nationalId: '5993506148',
    memberships: [{ agencyCode: 'AG-RAZI', unitCode: 'U-RAZI-SOC', role: 'DIRECTOR', validFrom: '2019-10-01' }],
  },
  {
    email: 'ali.mohammadi@cg-kermanshah.kermanshah.example', fullNameFa: 'علی محمدی', fullNameEn: 'Ali Mohammadi',
    phone: '09182746258', nationalId: '8970344667',
    memberships: [{ agencyCode: 'AG-CG-01', role: 'ADMIN', validFrom: '2019-04-21' }],
  },
  {
    email: 'masoud.karami@cg-eslamabad.kermanshah.example', fullNameFa: 'مسعود کرمی', fullNameEn: 'Masoud Karami',
    phone: '09181400579', nationalId: '6811722819',
    memberships: [{ agencyCode: 'AG-CG-02', role: 'ADMIN', validFrom: '2022-01-16' }],
  },
  {
    email: 'nasrin.zarei@cg-eslamabad.kermanshah.example', fullNameFa: 'نسرین زارعی', fullNameEn: 'Nasrin Zarei',
    phone: '09189054900', nationalId: '6941165804',
    memberships: [{ agencyCode: 'AG-CG-02', role: 'DATA_STEWARD', validFrom: '2024-01-13' }],
  },
  {
    email: 'hiwa.hawrami@cg-paveh.kermanshah.example', fullNameFa: 'هیوا هورامی', fullNameEn: 'Hiwa Hawrami',
    phone: '09187709221', nationalId: '6106323321',
    memberships: [{ agencyCode: 'AG-CG-03', role: 'ADMIN', validFrom: '2020-11-03' }],
  },
  {
    email: 'shilan.veisi@cg-paveh.kermanshah.example', fullNameFa: 'شیلان ویسی', fullNameEn: 'Shilan Veisi',
    phone: '09186363542', nationalId: '3218188962',
    memberships: [{ agencyCode: 'AG-CG-03', role: 'DATA_STEWARD', validFrom: '2022-12-11' }],
  },
  {
    email: 'sirvan.bajelan@cg-javanrud.kermanshah.example', fullNameFa: 'سیروان باجلان', fullNameEn: 'Sirvan Bajelan',
    phone: '09185017863', nationalId: '1664648747',
    memberships: [{ agencyCode: 'AG-CG-04', role: 'ADMIN', validFrom: '2025-02-01' }],
  },
  {
    email: 'kazhal.abbasi@cg-javanrud.kermanshah.example', fullNameFa: 'کژال عباسی', fullNameEn: 'Kazhal Abbasi',
    phone: '09183672184', nationalId: '4328478834',
    memberships: [{ agencyCode: 'AG-CG-04', role: 'DATA_STEWARD', validFrom: '2021-10-02' }],
  },
  {
    email: 'iraj.shahveisi@cg-dalahu.kermanshah.example', fullNameFa: 'ایرج شاه‌ویسی', fullNameEn: 'Iraj Shahveisi',
    phone: '09182326505', nationalId: '1391558197',
    memberships: [{ agencyCode: 'AG-CG-05', role: 'ADMIN', validFrom: '2023-10-21' }],
  },
  {
    email: 'fereshteh.nowruzi@cg-dalahu.kermanshah.example', fullNameFa: 'فرشته نوروزی', fullNameEn: 'Fereshteh Nowruzi',
    phone: '09189980826', nationalId: '4049295891',
    memberships: [{ agencyCode: 'AG-CG-05', role: 'DATA_STEWARD', validFrom: '2020-07-12' }],
  },
  {
    email: 'ako.rahimi@cg-ravansar.kermanshah.example', fullNameFa: 'آکو رحیمی', fullNameEn: 'Ako Rahimi',
    phone: '09188635147', nationalId: '5032740810',
    memberships: [{ agencyCode: 'AG-CG-06', role: 'ADMIN', validFrom: '2022-08-20' }],
  },
  {
    email: 'gelaleh.moradi@cg-ravansar.kermanshah.example', fullNameFa: 'گلاله مرادی', fullNameEn: 'Gelaleh Moradi',
    phone: '09187289468', nationalId: '8513875430',
    memberships: [{ agencyCode: 'AG-CG-06', role: 'DATA_STEWARD', validFrom: '2024-10-05' }],
  },
  {
    email: 'jamal.zeinivand@cg-sarpolezahab.kermanshah.example', fullNameFa: 'جمال زینی‌وند', fullNameEn: 'Jamal Zeinivand',
    phone: '09185943789', nationalId: '8825951604',
    memberships: [{ agencyCode: 'AG-CG-07', role: 'ADMIN', validFrom: '2021-06-15' }],
  },
  {
    email: 'somayeh.karimi@cg-sarpolezahab.kermanshah.example', fullNameFa: 'سمیه کریمی', fullNameEn: 'Somayeh Karimi',
    phone: '09184598110', nationalId: '6719551736',
    memberships: [{ agencyCode: 'AG-CG-07', role: 'DATA_STEWARD', validFrom: '2023-07-08' }],
  },
  {
    email: 'majid.qasemi@cg-sonqor.kermanshah.example', fullNameFa: 'مجید قاسمی', fullNameEn: 'Majid Qasemi',
    phone: '09183252431', nationalId: '8983900512',
    memberships: [{ agencyCode: 'AG-CG-08', role: 'ADMIN', validFrom: '2020-02-08' }],
  },
  {
    email: 'zahra.safari@cg-sonqor.kermanshah.example', fullNameFa: 'زهرا صفری', fullNameEn: 'Zahra Safari',
    phone: '09181906752', nationalId: '4446227599',
    memberships: [{ agencyCode: 'AG-CG-08', role: 'DATA_STEWARD', validFrom: '2022-05-29' }],
  },
  {
    email: 'saeed.parvizi@cg-sahneh.kermanshah.example', fullNameFa: 'سعید پرویزی', fullNameEn: 'Saeed Parvizi',
    phone: '09189561073', nationalId: '9768700270',
    memberships: [{ agencyCode: 'AG-CG-09', role: 'ADMIN', validFrom: '2024-05-18' }],
  },
  {
    email: 'naser.sepehri@cg-qasreshirin.kermanshah.example', fullNameFa: 'ناصر سپهری', fullNameEn: 'Naser Sepehri',
    phone: '09188215394', nationalId: '5903909477',
    memberships: [{ agencyCode: 'AG-CG-10', role: 'ADMIN', validFrom: '2021-01-24' }],
  },
  {
    email: 'parisa.taheri@cg-qasreshirin.kermanshah.example', fullNameFa: 'پریسا طاهری', fullNameEn: 'Parisa Taheri',
    phone: '09186869715', nationalId: '3966454033',
    memberships: [{ agencyCode: 'AG-CG-10', role: 'DATA_STEWARD', validFrom: '2023-03-04' }],
  },
  {
    email: 'hossein.goudarzi@cg-kangavar.kermanshah.example', fullNameFa: 'حسین گودرزی', fullNameEn: 'Hossein Goudarzi',
    phone: '09185524036', nationalId: '6609323976',
    memberships: [{ agencyCode: 'AG-CG-11', role: 'ADMIN', validFrom: '2019-04-21' }],
  },
  {
    email: 'mina.akbari@cg-kangavar.kermanshah.example', fullNameFa: 'مینا اکبری', fullNameEn: 'Mina Akbari',
    phone: '09184178357', nationalId: '4939142116',
    memberships: [{ agencyCode: 'AG-CG-11', role: 'DATA_STEWARD', validFrom: '2022-01-16' }],
  },
  {
    email: 'keyvan.kakaei@cg-gilanegharb.kermanshah.example', fullNameFa: 'کیوان کاکایی', fullNameEn: 'Keyvan Kakaei',
    phone: '09182832678', nationalId: '3184898334',
    memberships: [{ agencyCode: 'AG-CG-12', role: 'ADMIN', validFrom: '2024-01-13' }],
  },
  {
    email: 'shahla.saki@cg-gilanegharb.kermanshah.example', fullNameFa: 'شهلا ساکی', fullNameEn: 'Shahla Saki',
    phone: '09181486999', nationalId: '8363595160',
    memberships: [{ agencyCode: 'AG-CG-12', role: 'DATA_STEWARD', validFrom: '2020-11-03' }],
  },
  {
    email: 'javad.azadbakht@cg-harsin.kermanshah.example', fullNameFa: 'جواد آزادبخت', fullNameEn: 'Javad Azadbakht',
    phone: '09189141320', nationalId: '1083553399',
    memberships: [{ agencyCode: 'AG-CG-13', role: 'ADMIN', validFrom: '2022-12-11' }],
  },
  {
    email: 'azadeh.maleki@cg-harsin.kermanshah.example', fullNameFa: 'آزاده ملکی', fullNameEn: 'Azadeh Maleki',
    phone: '09187795641', nationalId: '3052856138',
    memberships: [{ agencyCode: 'AG-CG-13', role: 'DATA_STEWARD', validFrom: '2025-02-01' }],
  },
  {
    email: 'hazhar.amini@cg-salasebabajani.kermanshah.example', fullNameFa: 'هژار امینی', fullNameEn: 'Hazhar Amini',
    phone: '09186449962', nationalId: '9522778656',
    memberships: [{ agencyCode: 'AG-CG-14', role: 'ADMIN', validFrom: '2021-10-02' }],
  },
  {
    email: 'nazanin.yousefi@cg-salasebabajani.kermanshah.example', fullNameFa: 'نازنین یوسفی', fullNameEn: 'Nazanin Yousefi',
    phone: '09185104283', nationalId: '1605958360',
    memberships: [{ agencyCode: 'AG-CG-14', role: 'DATA_STEWARD', validFrom: '2023-10-21' }],
  },
  {
    email: 'mahdi.faraji@council-kermanshah.kermanshah.example', fullNameFa: 'مهدی فرجی', fullNameEn: 'Mahdi Faraji',
    phone: '09183758604', nationalId: '5546935324',
    memberships: [{ agencyCode: 'AG-CC-01', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'bahareh.darvishi@council-kermanshah.kermanshah.example', fullNameFa: 'بهاره درویشی', fullNameEn: 'Bahareh Darvishi',
    phone: '09182412925', nationalId: '4286108325',
    memberships: [{ agencyCode: 'AG-CC-01', role: 'MEMBER', validFrom: '2021-08-05' }],
  },
  {
    email: 'farshid.najafi@council-eslamabad.kermanshah.example', fullNameFa: 'فرشید نجفی', fullNameEn: 'Farshid Najafi',
    phone: '09181067246', nationalId: '5650759200',
    memberships: [{ agencyCode: 'AG-CC-02', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'shwan.hosseini@council-paveh.kermanshah.example', fullNameFa: 'شوان حسینی', fullNameEn: 'Shwan Hosseini',
    phone: '09188721567', nationalId: '2915097720',
    memberships: [{ agencyCode: 'AG-CC-03', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'haniyeh.mansouri@council-javanrud.kermanshah.example', fullNameFa: 'هانیه منصوری', fullNameEn: 'Haniyeh Mansouri',
    phone: '09187375888', nationalId: '7985875247',
    memberships: [{ agencyCode: 'AG-CC-04', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'kourosh.bahrami@council-kerend.kermanshah.example', fullNameFa: 'کوروش بهرامی', fullNameEn: 'Kourosh Bahrami',
    phone: '09186030209', nationalId: '3359670000',
    memberships: [{ agencyCode: 'AG-CC-05', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'reyhaneh.asadi@council-ravansar.kermanshah.example', fullNameFa: 'ریحانه اسدی', fullNameEn: 'Reyhaneh Asadi',
    phone: '09184684530', nationalId: '8214356921',
    memberships: [{ agencyCode: 'AG-CC-06', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'shahin.teymouri@council-sarpolezahab.kermanshah.example', fullNameFa: 'شاهین تیموری', fullNameEn: 'Shahin Teymouri',
    phone: '09183338851', nationalId: '9274687801',
    memberships: [{ agencyCode: 'AG-CC-07', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'niloufar.rezaei@council-sonqor.kermanshah.example', fullNameFa: 'نیلوفر رضایی', fullNameEn: 'Niloufar Rezaei',
    phone: '09181993172', nationalId: '8971288272',
    memberships: [{ agencyCode: 'AG-CC-08', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'ramin.naderi@council-sahneh.kermanshah.example', fullNameFa: 'رامین نادری', fullNameEn: 'Ramin Naderi',
    phone: '09189647493', nationalId: '3469260087',
    memberships: [{ agencyCode: 'AG-CC-09', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'mahsa.kazemi@council-qasreshirin.kermanshah.example', fullNameFa: 'مهسا کاظمی', fullNameEn: 'Mahsa Kazemi',
    phone: '09188301814', nationalId: '6427336983',
    memberships: [{ agencyCode: 'AG-CC-10', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'kaveh.soltani@council-kangavar.kermanshah.example', fullNameFa: 'کاوه سلطانی', fullNameEn: 'Kaveh Soltani',
    phone: '09186956135', nationalId: '6511475956',
    memberships: [{ agencyCode: 'AG-CC-11', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'saman.shirzadi@council-gilanegharb.kermanshah.example', fullNameFa: 'سامان شیرزادی', fullNameEn: 'Saman Shirzadi',
    phone: '09185610456', nationalId: '9239603999',
    memberships: [{ agencyCode: 'AG-CC-12', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'fatemeh.cheraghi@council-harsin.kermanshah.example', fullNameFa: 'فاطمه چراغی', fullNameEn: 'Fatemeh Cheraghi',
    phone: '09184264777', nationalId: '2536152324',
    memberships: [{ agencyCode: 'AG-CC-13', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'yaser.roshani@council-tazehabad.kermanshah.example', fullNameFa: 'یاسر روشنی', fullNameEn: 'Yaser Roshani',
    phone: '09182919098', nationalId: '3473144282',
    memberships: [{ agencyCode: 'AG-CC-14', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'hamzeh.beigi@vc-kanduleh.kermanshah.example', fullNameFa: 'حمزه بیگی', fullNameEn: 'Hamzeh Beigi',
    phone: '09181573419', nationalId: '9648026955',
    memberships: [{ agencyCode: 'AG-VC-01', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'himan.valadbeigi@vc-hajij.kermanshah.example', fullNameFa: 'هیمن ولدبیگی', fullNameEn: 'Himan Valadbeigi',
    phone: '09189227740', nationalId: '4037599597',
    memberships: [{ agencyCode: 'AG-VC-02', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'nader.piri@vc-zardeh.kermanshah.example', fullNameFa: 'نادر پیری', fullNameEn: 'Nader Piri',
    phone: '09187882061', nationalId: '4902815532',
    memberships: [{ agencyCode: 'AG-VC-03', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'hassan.khazaei@vc-qalehshahin.kermanshah.example', fullNameFa: 'حسن خزایی', fullNameEn: 'Hassan Khazaei',
    phone: '09186536382', nationalId: '7542933795',
    memberships: [{ agencyCode: 'AG-VC-04', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'esmaeil.qobadi@vc-kanisiah.kermanshah.example', fullNameFa: 'اسماعیل قبادی', fullNameEn: 'Esmaeil Qobadi',
    phone: '09185190703', nationalId: '7595224705',
    memberships: [{ agencyCode: 'AG-VC-05', role: 'ADMIN', validFrom: '2021-08-05' }],
  },
  {
    email: 'omid.ranjbar@omid-sahneh.ngo.example', fullNameFa: 'امید رنجبر', fullNameEn: 'Omid Ranjbar',
    phone: '09183845024', nationalId: '7115662428',
    memberships: [{ agencyCode: 'AG-NGO-SAHNEH-ADDICTION', role: 'ADMIN', validFrom: '2020-07-12' }],
  },
  {
    email: 'parastoo.gholami@omid-sahneh.ngo.example', fullNameFa: 'پرستو غلامی', fullNameEn: 'Parastoo Gholami',
    phone: '09182499345', nationalId: '2096771102',
    memberships: [{ agencyCode: 'AG-NGO-SAHNEH-ADDICTION', role: 'MEMBER', validFrom: '2024-11-16' }],
  },
  {
    email: 'zeynab.hashemi@mehrafarin.ngo.example', fullNameFa: 'زینب هاشمی', fullNameEn: 'Zeynab Hashemi',
    phone: '09181153666', nationalId: '4882293358',
    memberships: [{ agencyCode: 'AG-NGO-KSH-WOMEN', role: 'ADMIN', validFrom: '2022-08-20' }],
  },
  {
    email: 'marjan.sayyadi@yavaran-kudak.ngo.example', fullNameFa: 'مرجان صیادی', fullNameEn: 'Marjan Sayyadi',
    phone: '09188807987', nationalId: '7817472531',
    memberships: [{ agencyCode: 'AG-NGO-KSH-CHILD', role: 'ADMIN', validFrom: '2024-10-05' }],
  },
  {
    email: 'vahid.asgari@yavaran-kudak.ngo.example', fullNameFa: 'وحید عسگری', fullNameEn: 'Vahid Asgari',
    phone: '09187462308', nationalId: '9880641256',
    memberships: [{ agencyCode: 'AG-NGO-KSH-CHILD', role: 'MEMBER', validFrom: '2025-01-25' }],
  },
  {
    email: 'behrouz.mirzaei@sabz-zagros.ngo.example', fullNameFa: 'بهروز میرزایی', fullNameEn: 'Behrouz Mirzaei',
    phone: '09186116629', nationalId: '1223001083',
    memberships: [{ agencyCode: 'AG-NGO-KSH-ENV', role: 'ADMIN', validFrom: '2021-06-15' }],
  },
  {
    email: 'arian.khodaei@navandish.ngo.example', fullNameFa: 'آرین خدایی', fullNameEn: 'Arian Khodaei',
    phone: '09184770950', nationalId: '3708485017',
    memberships: [{ agencyCode: 'AG-NGO-KSH-YOUTH', role: 'ADMIN', validFrom: '2023-07-08' }],
  },
  {
    email: 'nahid.sharifi@hamrah.ngo.example', fullNameFa: 'ناهید شریفی', fullNameEn: 'Nahid Sharifi',
    phone: '09183425271', nationalId: '6533700251',
    memberships: [{ agencyCode: 'AG-NGO-KSH-DISABILITY', role: 'ADMIN', validFrom: '2020-02-08' }],
  },
  {
    email: 'hamed.vakili@hamyar-sarpol.ngo.example', fullNameFa: 'حامد وکیلی', fullNameEn: 'Hamed Vakili',
    phone: '09182079592', nationalId: '5228753893',
    memberships: [{ agencyCode: 'AG-NGO-SARPOL-RELIEF', role: 'ADMIN', validFrom: '2022-05-29' }],
  },
  {
    email: 'soma.pakzad@roshana-javanrud.ngo.example', fullNameFa: 'سوما پاکزاد', fullNameEn: 'Soma Pakzad',
    phone: '09189733913', nationalId: '2916588744',
    memberships: [{ agencyCode: 'AG-NGO-JAVANRUD-EDU', role: 'ADMIN', validFrom: '2024-05-18' }],
  },
  {
    email: 'touraj.bakhtiari@mehrvarzan-kangavar.ngo.example', fullNameFa: 'تورج بختیاری', fullNameEn: 'Touraj Bakhtiari',
    phone: '09188388234', nationalId: '6117767684',
    memberships: [{ agencyCode: 'AG-NGO-KANGAVAR-ELDERLY', role: 'ADMIN', validFrom: '2021-01-24' }],
  },
  {
    email: 'mahnaz.yarahmadi@aramesh-harsin.ngo.example', fullNameFa: 'مهناز یاراحمدی', fullNameEn: 'Mahnaz Yarahmadi',
    phone: '09187042555', nationalId: '6719766872',
    memberships: [{ agencyCode: 'AG-NGO-HARSIN-MENTAL', role: 'ADMIN', validFrom: '2023-03-04' }],
  },
  {
    email: 'aram.moradpour@hawraman-heritage.ngo.example', fullNameFa: 'آرام مرادپور', fullNameEn: 'Aram Moradpour',
    phone: '09185696876', nationalId: '4427135358',
    memberships: [{ agencyCode: 'AG-NGO-PAVEH-HERITAGE', role: 'ADMIN', validFrom: '2019-04-21' }],
  },
  {
    email: 'yousef.zanganeh@sepideh-eslamabad.ngo.example', fullNameFa: 'یوسف زنگنه', fullNameEn: 'Yousef Zanganeh',
    phone: '09184351197', nationalId: '8701575244',
    memberships: [{ agencyCode: 'AG-NGO-ESLAMABAD-ADDICTION', role: 'ADMIN', validFrom: '2022-01-16' }],
  },
  {
    email: 'behnam.nikbakht@farhangsara-javan.culture.example', fullNameFa: 'بهنام نیک‌بخت', fullNameEn: 'Behnam Nikbakht',
    phone: '09183005518', nationalId: '6902489777',
    memberships: [{ agencyCode: 'AG-CUL-01', role: 'ADMIN', validFrom: '2022-09-17' }],
  },
  {
    email: 'narges.delfani@dowlatabad.culture.example', fullNameFa: 'نرگس دلفانی', fullNameEn: 'Narges Delfani',
    phone: '09181659839', nationalId: '7486452081',
    memberships: [{ agencyCode: 'AG-CUL-02', role: 'ADMIN', validFrom: '2023-04-29' }],
  },
  {
    email: 'mehrdad.sadeghi@sahneh.culture.example', fullNameFa: 'مهرداد صادقی', fullNameEn: 'Mehrdad Sadeghi',
    phone: '09189314160', nationalId: '8470832980',
    memberships: [{ agencyCode: 'AG-CUL-03', role: 'ADMIN', validFrom: '2021-12-04' }],
  },
  {
    email: 'simin.farhadi@behzisti.kermanshah.example', fullNameFa: 'سیمین فرهادی', fullNameEn: 'Simin Farhadi',
    phone: '09187968481', nationalId: '2124773348',
    memberships: [{ agencyCode: 'AG-WELFARE', role: 'ADMIN', validFrom: '2020-06-20' }],
  },
  {
    email: 'kiana.shojaei@behzisti.kermanshah.example', fullNameFa: 'کیانا شجاعی', fullNameEn: 'Kiana Shojaei',
    phone: '09186622802', nationalId: '3663722783',
    memberships: [{ agencyCode: 'AG-WELFARE', role: 'DATA_STEWARD', validFrom: '2022-02-26' }],
  },
  {
    email: 'mehran.jafari@varzesh-javanan.kermanshah.example', fullNameFa: 'مهران جعفری', fullNameEn: 'Mehran Jafari',
    phone: '09185277123', nationalId: '5774579395',
    memberships: [{ agencyCode: 'AG-SPORT-YOUTH', role: 'ADMIN', validFrom: '2023-08-12' }],
  },
];

// ---------------------------------------------------------------------------
// Posts and appointments
// ---------------------------------------------------------------------------

export const DEMO_POSTS: DemoPost[] = [
  {
    code: 'POST-SCA-DG',
    titleFa: 'مدیرکل دفتر امور اجتماعی و فرهنگی استانداری',
    titleEn: 'Director General, Social and Cultural Affairs Office',
    agencyCode: 'AG-SCA',
    authority: 'DIRECTOR_GENERAL',
  },
  {
    code: 'POST-SCA-HARM-DEPUTY',
    titleFa: 'معاون پایش آسیب‌های اجتماعی دفتر امور اجتماعی و فرهنگی',
    titleEn: 'Deputy for Social Harm Monitoring, Social and Cultural Affairs Office',
    agencyCode: 'AG-SCA',
    unitCode: 'U-HARM',
    authority: 'HARM_MONITORING_DEPUTY',
  },
  {
    code: 'POST-SCA-NGO-DEPUTY',
    titleFa: 'معاون توسعه مشارکت‌ها و سازمان‌های مردم‌نهاد دفتر امور اجتماعی و فرهنگی',
    titleEn: 'Deputy for Participation and NGO Development, Social and Cultural Affairs Office',
    agencyCode: 'AG-SCA',
    unitCode: 'U-NGO',
    authority: 'PARTICIPATION_DEPUTY',
  },
  {
    code: 'POST-GOV-YOUTH-ADVISER',
    titleFa: 'مشاور جوان استاندار',
    titleEn: 'Youth Adviser to the Governor',
    agencyCode: 'AG-GOV',
  },
];

export const DEMO_APPOINTMENTS: DemoAppointment[] = [
  {
    postCode: 'POST-SCA-DG',
    personEmail: 'mahmoud.azizi@sca.kermanshah.example',
    startedOn: '2021-09-01',
    endedOn: '2025-11-30',
    startNote: 'معارفه به‌عنوان مدیرکل دفتر امور اجتماعی و فرهنگی استانداری کرمانشاه',
    endNote: 'تکریم و تقدیر از خدمات در مراسم تکریم و معارفه مدیرکل دفتر امور اجتماعی و فرهنگی',
  },
  {
    postCode: 'POST-SCA-DG',
    personEmail: 'dg@sca.kermanshah.example',
    startedOn: '2025-11-30',
    startNote: 'معارفه به‌عنوان مدیرکل جدید در مراسم تکریم و معارفه مدیرکل دفتر امور اجتماعی و فرهنگی',
  },
  {
    postCode: 'POST-SCA-HARM-DEPUTY',
    personEmail: 'harm.deputy@sca.kermanshah.example',
    startedOn: '2023-02-15',
  },
  {
    postCode: 'POST-SCA-NGO-DEPUTY',
    personEmail: 'ngo.deputy@sca.kermanshah.example',
    startedOn: '2024-01-20',
  },
  {
    postCode: 'POST-GOV-YOUTH-ADVISER',
    personEmail: 'arman.fattahi@gov.kermanshah.example',
    startedOn: '2025-03-10',
  },
];

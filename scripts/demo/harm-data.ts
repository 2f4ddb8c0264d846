// Harm-monitoring demo catalogue: harm categories, indicators, data-sharing agreements, and the
// parameters from which the synthetic observations are generated. Every figure produced from these
// parameters is synthetic; the magnitudes are only meant to be plausible for Kermanshah province.
import type { AgencyKind, RegionLevel } from './data';

export type DemoSensitivity = 'OPEN' | 'RESTRICTED' | 'CONFIDENTIAL';
export type DemoIndicatorUnit = 'COUNT' | 'RATE' | 'PERCENT' | 'AMOUNT';
export type DemoPeriodType = 'MONTH' | 'QUARTER' | 'YEAR';

export interface DemoHarmCategory {
  code: string;
  nameFa: string;
  nameEn: string;
}

/** The fields of the Indicator entity, with the category by code. */
export interface DemoIndicator {
  code: string;
  nameFa: string;
  nameEn: string;
  categoryCode: string;
  unit: DemoIndicatorUnit;
  sensitivity: DemoSensitivity;
  suppressionK: number;
  finestLevel: RegionLevel;
  periodType: DemoPeriodType;
  reporterKinds: AgencyKind[];
  definitionFa: string;
  definitionEn: string;
  per10k: boolean;
}

export interface DemoAgreement {
  code: string;
  grantorCode: string;
  granteeCode: string;
  purpose: string;
  categoryCodes: string[];
  regionRootCode: string;
  finestLevel: RegionLevel;
  /** YYYY-MM-DD, Gregorian, both inclusive */
  validFrom: string;
  validTo: string;
  createdByEmail: string;
}

// ---------------------------------------------------------------------------
// Harm categories
// ---------------------------------------------------------------------------

export const DEMO_CATEGORIES: DemoHarmCategory[] = [
  { code: 'ADDICTION', nameFa: 'اعتیاد', nameEn: 'Addiction' },
  { code: 'DOMESTIC_VIOLENCE', nameFa: 'خشونت خانگی', nameEn: 'Domestic violence' },
  { code: 'CHILD_ABUSE', nameFa: 'کودک‌آزاری', nameEn: 'Child abuse' },
  { code: 'DIVORCE', nameFa: 'طلاق', nameEn: 'Divorce' },
  { code: 'EARLY_MARRIAGE', nameFa: 'ازدواج زودهنگام', nameEn: 'Early marriage' },
  { code: 'CHILD_LABOUR', nameFa: 'کار کودک', nameEn: 'Child labour' },
  { code: 'STREET_CHILDREN', nameFa: 'کودکان خیابانی', nameEn: 'Street children' },
  { code: 'SUICIDE', nameFa: 'خودکشی', nameEn: 'Suicide' },
  { code: 'THEFT', nameFa: 'سرقت', nameEn: 'Theft' },
  { code: 'INFORMAL_SETTLEMENT', nameFa: 'حاشیه‌نشینی', nameEn: 'Informal settlement' },
  { code: 'SCHOOL_DROPOUT', nameFa: 'ترک تحصیل', nameEn: 'School drop-out' },
  { code: 'UNEMPLOYMENT', nameFa: 'بیکاری', nameEn: 'Unemployment' },
  { code: 'NGO_CIVIL', nameFa: 'سازمان‌های مردم‌نهاد و مشارکت اجتماعی', nameEn: 'NGOs and civic participation' },
  { code: 'CULTURE', nameFa: 'برنامه‌های فرهنگی', nameEn: 'Cultural programmes' },
];

// ---------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------

type IndicatorInput = Omit<DemoIndicator, 'unit' | 'suppressionK' | 'per10k'> &
  Partial<Pick<DemoIndicator, 'unit' | 'suppressionK' | 'per10k'>>;

/** Counts with the default threshold unless said otherwise. */
const indicator = (i: IndicatorInput): DemoIndicator => ({ unit: 'COUNT', suppressionK: 5, per10k: false, ...i });

export const DEMO_INDICATORS: DemoIndicator[] = [
  // Addiction
  indicator({
    code: 'ADDICTION_ADMISSIONS', categoryCode: 'ADDICTION', sensitivity: 'CONFIDENTIAL', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'پذیرش در مراکز درمان اعتیاد', nameEn: 'Admissions to addiction treatment centres',
    reporterKinds: ['COUNTY_GOVERNORATE', 'NGO', 'STATE_BODY'], per10k: true,
    definitionFa: 'تعداد افرادی که در ماه برای نخستین بار در مراکز سرپایی یا اقامتی درمان اعتیاد پذیرش شده‌اند.',
    definitionEn: 'People admitted for the first time in the month to outpatient or residential addiction treatment centres.',
  }),
  indicator({
    code: 'OVERDOSE_DEATHS', categoryCode: 'ADDICTION', sensitivity: 'CONFIDENTIAL', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'مرگ ناشی از سوءمصرف مواد', nameEn: 'Drug-related deaths',
    reporterKinds: ['STATE_BODY', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد مرگ‌هایی که پزشکی قانونی علت آن را مصرف مواد مخدر یا محرک تشخیص داده است.',
    definitionEn: 'Deaths in the month that the forensic medicine service attributes to the use of narcotics or stimulants.',
  }),
  indicator({
    code: 'DRUG_ARRESTS', categoryCode: 'ADDICTION', sensitivity: 'RESTRICTED', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'دستگیری‌های مرتبط با مواد مخدر', nameEn: 'Drug-related arrests',
    reporterKinds: ['COUNTY_GOVERNORATE', 'PROVINCIAL_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد افرادی که در ماه به اتهام خرید، فروش، حمل یا نگهداری مواد مخدر دستگیر شده‌اند.',
    definitionEn: 'People arrested in the month for buying, selling, carrying or holding narcotics.',
  }),
  indicator({
    code: 'ADDICTION_PREVENTION_TRAINEES', categoryCode: 'ADDICTION', sensitivity: 'OPEN', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'شرکت‌کنندگان دوره‌های پیشگیری از اعتیاد', nameEn: 'Participants in addiction-prevention courses',
    reporterKinds: ['NGO', 'COUNTY_GOVERNORATE', 'STATE_BODY'], per10k: true,
    definitionFa: 'تعداد شرکت‌کنندگان در دوره‌ها و کارگاه‌های آموزشی پیشگیری از اعتیاد در مدرسه، محله و محل کار.',
    definitionEn: 'Participants in addiction-prevention courses and workshops held at schools, in neighbourhoods and at workplaces in the month.',
  }),
  indicator({
    code: 'HARM_REDUCTION_CLIENTS', categoryCode: 'ADDICTION', sensitivity: 'CONFIDENTIAL', finestLevel: 'COUNTY', periodType: 'QUARTER',
    nameFa: 'مراجعان مراکز کاهش آسیب', nameEn: 'Clients of harm-reduction drop-in centres',
    reporterKinds: ['NGO', 'STATE_BODY', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد افراد متمایز که در سه‌ماهه از خدمات مراکز گذری و سیار کاهش آسیب استفاده کرده‌اند.',
    definitionEn: 'Distinct people who used drop-in or mobile harm-reduction services in the quarter.',
  }),

  // Domestic violence
  indicator({
    code: 'DV_REPORTS', categoryCode: 'DOMESTIC_VIOLENCE', sensitivity: 'CONFIDENTIAL', finestLevel: 'NEIGHBOURHOOD', periodType: 'MONTH',
    nameFa: 'گزارش‌های خشونت خانگی', nameEn: 'Domestic violence reports',
    reporterKinds: ['COUNTY_GOVERNORATE', 'NGO', 'STATE_BODY'], per10k: true,
    definitionFa: 'تعداد موارد خشونت خانگی که در ماه به اورژانس اجتماعی، فرمانداری یا سازمان‌های مردم‌نهاد گزارش و پس از بررسی تأیید شده است، به تفکیک جنس آسیب‌دیده.',
    definitionEn: 'Domestic violence cases reported in the month to the social emergency service, the county governorate or NGOs and confirmed after assessment, by sex of the victim.',
  }),
  indicator({
    code: 'SOCIAL_EMERGENCY_CALLS', categoryCode: 'DOMESTIC_VIOLENCE', sensitivity: 'RESTRICTED', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'تماس‌های اورژانس اجتماعی', nameEn: 'Social emergency line cases',
    reporterKinds: ['STATE_BODY', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد تماس‌های خط ۱۲۳ اورژانس اجتماعی که در ماه به تشکیل پرونده انجامیده است.',
    definitionEn: 'Calls to the 123 social emergency line that led to a case being opened in the month.',
  }),
  indicator({
    code: 'SHELTER_ADMISSIONS', categoryCode: 'DOMESTIC_VIOLENCE', sensitivity: 'CONFIDENTIAL', suppressionK: 10, finestLevel: 'PROVINCE', periodType: 'QUARTER',
    nameFa: 'پذیرش در خانه‌های امن', nameEn: 'Safe-house admissions',
    reporterKinds: ['STATE_BODY', 'PROVINCIAL_GOVERNORATE'],
    definitionFa: 'تعداد زنان و کودکان همراه که در سه‌ماهه در خانه‌های امن استان پذیرش شده‌اند و برای حفظ امنیت فقط در سطح استان گزارش می‌شود.',
    definitionEn: 'Women and accompanying children admitted to the province\'s safe houses in the quarter, reported for the whole province only to keep the houses safe.',
  }),
  indicator({
    code: 'DV_FORENSIC', categoryCode: 'DOMESTIC_VIOLENCE', sensitivity: 'CONFIDENTIAL', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'معاینات پزشکی قانونی برای همسرآزاری', nameEn: 'Forensic examinations for spousal assault',
    reporterKinds: ['STATE_BODY', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد معاینات پزشکی قانونی که در ماه به دلیل آسیب ناشی از نزاع با همسر انجام شده است.',
    definitionEn: 'Forensic medical examinations carried out in the month for injuries from a fight with a spouse.',
  }),

  // Child abuse
  indicator({
    code: 'CHILD_ABUSE_REPORTS', categoryCode: 'CHILD_ABUSE', sensitivity: 'CONFIDENTIAL', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'گزارش‌های کودک‌آزاری', nameEn: 'Child abuse reports',
    reporterKinds: ['STATE_BODY', 'COUNTY_GOVERNORATE', 'NGO'], per10k: true,
    definitionFa: 'تعداد موارد تأییدشده آزار جسمی، جنسی یا عاطفی و غفلت از کودکان زیر هجده سال که در ماه گزارش شده است.',
    definitionEn: 'Confirmed cases of physical, sexual or emotional abuse or neglect of children under 18 reported in the month.',
  }),

  // Divorce
  indicator({
    code: 'DIVORCE_REG', categoryCode: 'DIVORCE', sensitivity: 'RESTRICTED', finestLevel: 'NEIGHBOURHOOD', periodType: 'MONTH',
    nameFa: 'طلاق‌های ثبت‌شده', nameEn: 'Registered divorces',
    reporterKinds: ['COUNTY_GOVERNORATE', 'CITY_COUNCIL'], per10k: true,
    definitionFa: 'تعداد طلاق‌هایی که در ماه در دفاتر رسمی ثبت شده است، به تفکیک جنس همسری که درخواست طلاق داده است.',
    definitionEn: 'Divorces registered at notary offices in the month, by sex of the spouse who petitioned for the divorce.',
  }),
  indicator({
    code: 'DIVORCE_MARRIAGE_RATIO', categoryCode: 'DIVORCE', sensitivity: 'RESTRICTED', unit: 'RATE', finestLevel: 'COUNTY', periodType: 'QUARTER',
    nameFa: 'نسبت طلاق به ازدواج', nameEn: 'Divorces per 100 marriages',
    reporterKinds: ['COUNTY_GOVERNORATE', 'PROVINCIAL_GOVERNORATE'],
    definitionFa: 'تعداد طلاق‌های ثبت‌شده به ازای هر صد ازدواج ثبت‌شده در همان سه‌ماهه.',
    definitionEn: 'Registered divorces per 100 registered marriages in the same quarter.',
  }),
  indicator({
    code: 'FAMILY_COUNSELLING', categoryCode: 'DIVORCE', sensitivity: 'RESTRICTED', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'مراجعان مشاوره پیش از طلاق', nameEn: 'Pre-divorce counselling clients',
    reporterKinds: ['STATE_BODY', 'COUNTY_GOVERNORATE', 'NGO'], per10k: true,
    definitionFa: 'تعداد افرادی که در ماه برای مشاوره پیش از طلاق به مراکز مشاوره بهزیستی یا دادگستری ارجاع شده‌اند.',
    definitionEn: 'People referred in the month to welfare or judiciary counselling centres for counselling before a divorce.',
  }),
  indicator({
    code: 'DIVORCE_RECONCILED', categoryCode: 'DIVORCE', sensitivity: 'RESTRICTED', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'درخواست‌های طلاق منجر به سازش', nameEn: 'Divorce petitions ending in reconciliation',
    reporterKinds: ['COUNTY_GOVERNORATE', 'STATE_BODY'], per10k: true,
    definitionFa: 'تعداد درخواست‌های طلاق که در ماه با میانجی‌گری شوراهای حل اختلاف یا مشاوران به سازش زوجین انجامیده است.',
    definitionEn: 'Divorce petitions that ended in the month in the couple\'s reconciliation through dispute-resolution councils or counsellors.',
  }),

  // Early marriage
  indicator({
    code: 'CHILD_MARRIAGE_REG', categoryCode: 'EARLY_MARRIAGE', sensitivity: 'CONFIDENTIAL', finestLevel: 'COUNTY', periodType: 'QUARTER',
    nameFa: 'ثبت ازدواج کودکان زیر پانزده سال', nameEn: 'Registered marriages of children under 15',
    reporterKinds: ['COUNTY_GOVERNORATE', 'STATE_BODY'], per10k: true,
    definitionFa: 'تعداد ازدواج‌های ثبت‌شده در سه‌ماهه که در آن یکی از زوجین کمتر از پانزده سال تمام داشته است، به تفکیک جنس کودک.',
    definitionEn: 'Marriages registered in the quarter in which a spouse was under 15 years old, by sex of the child.',
  }),

  // Child labour
  indicator({
    code: 'CHILD_LABOUR_IDENTIFIED', categoryCode: 'CHILD_LABOUR', sensitivity: 'RESTRICTED', finestLevel: 'CITY', periodType: 'MONTH',
    nameFa: 'کودکان کار شناسایی‌شده', nameEn: 'Working children identified',
    reporterKinds: ['NGO', 'STATE_BODY', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد کودکان زیر هجده سال که در ماه در حال کار در خیابان، کارگاه یا بازار شناسایی و ثبت شده‌اند.',
    definitionEn: 'Children under 18 found working in the street, in workshops or at markets and registered in the month.',
  }),
  indicator({
    code: 'CHILD_LABOUR_SUPPORTED', categoryCode: 'CHILD_LABOUR', sensitivity: 'OPEN', finestLevel: 'COUNTY', periodType: 'QUARTER',
    nameFa: 'کودکان کار تحت حمایت', nameEn: 'Working children in support programmes',
    reporterKinds: ['NGO', 'STATE_BODY', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد کودکان کار که در سه‌ماهه از حمایت آموزشی، معیشتی یا روانی‌اجتماعی برخوردار شده‌اند.',
    definitionEn: 'Working children who received educational, livelihood or psychosocial support in the quarter.',
  }),

  // Street children
  indicator({
    code: 'STREET_CHILDREN_ADMITTED', categoryCode: 'STREET_CHILDREN', sensitivity: 'CONFIDENTIAL', finestLevel: 'CITY', periodType: 'MONTH',
    nameFa: 'پذیرش کودکان خیابانی در مراکز بهزیستی', nameEn: 'Street children admitted to welfare centres',
    reporterKinds: ['STATE_BODY', 'NGO', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد کودکان خیابانی بی‌سرپرست یا بدسرپرست که در ماه در مراکز شبانه‌روزی یا روزانه بهزیستی پذیرش شده‌اند.',
    definitionEn: 'Street children without adequate parental care admitted in the month to the welfare organisation\'s residential or day centres.',
  }),

  // Suicide
  indicator({
    code: 'SUICIDE_ATTEMPTS', categoryCode: 'SUICIDE', sensitivity: 'CONFIDENTIAL', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'اقدام به خودکشی', nameEn: 'Suicide attempts',
    reporterKinds: ['STATE_BODY', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد اقدام‌های به خودکشی که در ماه در بیمارستان‌ها و مراکز اورژانس ثبت شده است.',
    definitionEn: 'Suicide attempts recorded in the month by hospitals and emergency services.',
  }),
  indicator({
    code: 'SUICIDE_DEATHS', categoryCode: 'SUICIDE', sensitivity: 'CONFIDENTIAL', suppressionK: 10, finestLevel: 'COUNTY', periodType: 'YEAR',
    nameFa: 'مرگ ناشی از خودکشی', nameEn: 'Suicide deaths',
    reporterKinds: ['STATE_BODY', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد مرگ‌هایی که پزشکی قانونی در سال علت آن را خودکشی تشخیص داده است.',
    definitionEn: 'Deaths in the year that the forensic medicine service ruled to be suicides.',
  }),
  indicator({
    code: 'SUICIDE_HOTLINE_CALLS', categoryCode: 'SUICIDE', sensitivity: 'RESTRICTED', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'تماس‌های خط مشاوره پیشگیری از خودکشی', nameEn: 'Suicide-prevention helpline calls',
    reporterKinds: ['STATE_BODY', 'NGO', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد تماس‌های خط مشاوره ۱۴۸۰ که در ماه با موضوع افکار یا قصد خودکشی پاسخ داده شده است.',
    definitionEn: 'Calls to the 1480 counselling line about suicidal thoughts or intent answered in the month.',
  }),

  // Theft
  indicator({
    code: 'THEFT_REPORTS', categoryCode: 'THEFT', sensitivity: 'RESTRICTED', finestLevel: 'CITY', periodType: 'MONTH',
    nameFa: 'گزارش‌های سرقت', nameEn: 'Theft reports',
    reporterKinds: ['COUNTY_GOVERNORATE', 'PROVINCIAL_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد شکایت‌های سرقت که در ماه در کلانتری‌ها و دادسراها ثبت شده است، به تفکیک جنس شاکی.',
    definitionEn: 'Theft complaints filed in the month at police stations and prosecutors\' offices, by sex of the complainant.',
  }),
  indicator({
    code: 'VEHICLE_THEFT', categoryCode: 'THEFT', sensitivity: 'RESTRICTED', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'سرقت خودرو و موتورسیکلت', nameEn: 'Car and motorcycle thefts',
    reporterKinds: ['COUNTY_GOVERNORATE', 'PROVINCIAL_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد سرقت‌های خودرو و موتورسیکلت که در ماه گزارش شده است، به تفکیک جنس مالک.',
    definitionEn: 'Car and motorcycle thefts reported in the month, by sex of the owner.',
  }),
  indicator({
    code: 'BURGLARY', categoryCode: 'THEFT', sensitivity: 'RESTRICTED', finestLevel: 'CITY', periodType: 'MONTH',
    nameFa: 'سرقت از منزل', nameEn: 'Residential burglaries',
    reporterKinds: ['COUNTY_GOVERNORATE', 'CITY_COUNCIL', 'PROVINCIAL_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد سرقت‌های منزل مسکونی که در ماه گزارش شده است، به تفکیک جنس شاکی.',
    definitionEn: 'Burglaries of homes reported in the month, by sex of the complainant.',
  }),

  // Informal settlement
  indicator({
    code: 'INFORMAL_HOUSEHOLDS', categoryCode: 'INFORMAL_SETTLEMENT', sensitivity: 'RESTRICTED', finestLevel: 'NEIGHBOURHOOD', periodType: 'YEAR',
    nameFa: 'خانوارهای ساکن سکونتگاه‌های غیررسمی', nameEn: 'Households in informal settlements',
    reporterKinds: ['CITY_COUNCIL', 'COUNTY_GOVERNORATE', 'PROVINCIAL_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد خانوارهایی که در پایان سال در محدوده سکونتگاه‌های غیررسمی مصوب زندگی می‌کنند، به تفکیک جنس سرپرست خانوار.',
    definitionEn: 'Households living at the end of the year inside the designated informal-settlement areas, by sex of the head of household.',
  }),
  indicator({
    code: 'INFORMAL_SHARE', categoryCode: 'INFORMAL_SETTLEMENT', sensitivity: 'RESTRICTED', unit: 'PERCENT', finestLevel: 'CITY', periodType: 'YEAR',
    nameFa: 'سهم جمعیت ساکن سکونتگاه‌های غیررسمی', nameEn: 'Share of the population in informal settlements',
    reporterKinds: ['PROVINCIAL_GOVERNORATE', 'COUNTY_GOVERNORATE'],
    definitionFa: 'درصد جمعیت که در پایان سال در سکونتگاه‌های غیررسمی زندگی می‌کند.',
    definitionEn: 'Percentage of the population living in informal settlements at the end of the year.',
  }),

  // School drop-out
  indicator({
    code: 'SCHOOL_DROPOUTS', categoryCode: 'SCHOOL_DROPOUT', sensitivity: 'RESTRICTED', finestLevel: 'COUNTY', periodType: 'QUARTER',
    nameFa: 'دانش‌آموزان بازمانده از تحصیل', nameEn: 'School drop-outs',
    reporterKinds: ['STATE_BODY', 'COUNTY_GOVERNORATE', 'PROVINCIAL_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد کودکان و نوجوانان شش تا هجده ساله که در سه‌ماهه ترک تحصیل کرده یا ثبت‌نام نکرده‌اند.',
    definitionEn: 'Children aged 6 to 18 who left school or did not enrol in the quarter.',
  }),
  indicator({
    code: 'DROPOUT_RETURNED', categoryCode: 'SCHOOL_DROPOUT', sensitivity: 'OPEN', finestLevel: 'COUNTY', periodType: 'QUARTER',
    nameFa: 'بازگشت بازماندگان از تحصیل به مدرسه', nameEn: 'Drop-outs back in school',
    reporterKinds: ['STATE_BODY', 'NGO', 'COUNTY_GOVERNORATE', 'PROVINCIAL_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد دانش‌آموزان بازمانده از تحصیل که در سه‌ماهه با پیگیری مدرسه، سمن‌ها یا فرمانداری دوباره ثبت‌نام کرده‌اند.',
    definitionEn: 'Drop-outs who enrolled again in the quarter after follow-up by schools, NGOs or the county governorate.',
  }),

  // Unemployment
  indicator({
    code: 'UNEMPLOYMENT_RATE', categoryCode: 'UNEMPLOYMENT', sensitivity: 'RESTRICTED', unit: 'PERCENT', finestLevel: 'COUNTY', periodType: 'QUARTER',
    nameFa: 'نرخ بیکاری', nameEn: 'Unemployment rate',
    reporterKinds: ['STATE_BODY', 'PROVINCIAL_GOVERNORATE'],
    definitionFa: 'درصد بیکاران از کل جمعیت فعال پانزده ساله و بیشتر در سه‌ماهه بر پایه طرح آمارگیری نیروی کار.',
    definitionEn: 'Unemployed people as a percentage of the active population aged 15 and over in the quarter, from the labour force survey.',
  }),
  indicator({
    code: 'YOUTH_UNEMPLOYMENT_RATE', categoryCode: 'UNEMPLOYMENT', sensitivity: 'RESTRICTED', unit: 'PERCENT', finestLevel: 'COUNTY', periodType: 'QUARTER',
    nameFa: 'نرخ بیکاری جوانان پانزده تا بیست‌وچهار ساله', nameEn: 'Youth unemployment rate (15–24)',
    reporterKinds: ['STATE_BODY', 'PROVINCIAL_GOVERNORATE'],
    definitionFa: 'درصد بیکاران از جمعیت فعال پانزده تا بیست‌وچهار ساله در سه‌ماهه.',
    definitionEn: 'Unemployed people as a percentage of the active population aged 15 to 24 in the quarter.',
  }),
  indicator({
    code: 'UNEMPLOYMENT_INSURANCE', categoryCode: 'UNEMPLOYMENT', sensitivity: 'RESTRICTED', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'مستمری‌بگیران بیمه بیکاری', nameEn: 'Unemployment insurance recipients',
    reporterKinds: ['STATE_BODY', 'COUNTY_GOVERNORATE', 'PROVINCIAL_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد افرادی که در ماه مستمری بیمه بیکاری دریافت کرده‌اند.',
    definitionEn: 'People who received unemployment insurance benefit in the month.',
  }),
  indicator({
    code: 'JOBS_CREATED', categoryCode: 'UNEMPLOYMENT', sensitivity: 'OPEN', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'فرصت‌های شغلی ایجادشده', nameEn: 'Jobs created',
    reporterKinds: ['PROVINCIAL_GOVERNORATE', 'COUNTY_GOVERNORATE', 'STATE_BODY'], per10k: true,
    definitionFa: 'تعداد فرصت‌های شغلی که در ماه با تسهیلات اشتغال‌زایی و طرح‌های حمایتی ایجاد و در سامانه رصد اشتغال ثبت شده است.',
    definitionEn: 'Jobs created in the month with job-creation loans and support schemes and recorded in the employment monitoring system.',
  }),

  // NGOs and civic participation
  indicator({
    code: 'NGO_ACTIVE', categoryCode: 'NGO_CIVIL', sensitivity: 'OPEN', finestLevel: 'COUNTY', periodType: 'QUARTER',
    nameFa: 'سازمان‌های مردم‌نهاد فعال', nameEn: 'Active NGOs',
    reporterKinds: ['PROVINCIAL_GOVERNORATE', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد سمن‌های دارای مجوز معتبر که در سه‌ماهه دست‌کم یک فعالیت گزارش کرده‌اند.',
    definitionEn: 'NGOs holding a valid licence that reported at least one activity in the quarter.',
  }),
  indicator({
    code: 'NGO_NEW_REG', categoryCode: 'NGO_CIVIL', sensitivity: 'OPEN', suppressionK: 3, finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'سمن‌های تازه ثبت‌شده', nameEn: 'Newly registered NGOs',
    reporterKinds: ['PROVINCIAL_GOVERNORATE', 'COUNTY_GOVERNORATE'],
    definitionFa: 'تعداد سمن‌هایی که در ماه مجوز فعالیت گرفته‌اند.',
    definitionEn: 'NGOs granted a licence to operate in the month.',
  }),
  indicator({
    code: 'NGO_VOLUNTEERS', categoryCode: 'NGO_CIVIL', sensitivity: 'OPEN', finestLevel: 'COUNTY', periodType: 'QUARTER',
    nameFa: 'داوطلبان فعال سمن‌ها', nameEn: 'Active NGO volunteers',
    reporterKinds: ['NGO', 'PROVINCIAL_GOVERNORATE', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد داوطلبانی که در سه‌ماهه دست‌کم ده ساعت در برنامه‌های سمن‌ها همکاری کرده‌اند.',
    definitionEn: 'Volunteers who gave at least ten hours to NGO programmes in the quarter.',
  }),
  indicator({
    code: 'NEIGHBOURHOOD_ISSUES', categoryCode: 'NGO_CIVIL', sensitivity: 'OPEN', finestLevel: 'NEIGHBOURHOOD', periodType: 'MONTH',
    nameFa: 'مسائل محلی طرح‌شده در شبکه مدیریت محله', nameEn: 'Local issues raised in the neighbourhood management network',
    reporterKinds: ['CITY_COUNCIL', 'COUNTY_GOVERNORATE', 'PROVINCIAL_GOVERNORATE'],
    definitionFa: 'تعداد مسائلی که نمایندگان محله‌ها در ماه در نشست‌های شبکه مدیریت محله مطرح و ثبت کرده‌اند.',
    definitionEn: 'Issues that neighbourhood representatives raised and recorded at meetings of the neighbourhood management network in the month.',
  }),

  // Cultural programmes
  indicator({
    code: 'CULTURE_PARTICIPANTS', categoryCode: 'CULTURE', sensitivity: 'OPEN', finestLevel: 'NEIGHBOURHOOD', periodType: 'MONTH',
    nameFa: 'شرکت‌کنندگان برنامه‌های فرهنگی', nameEn: 'Cultural programme participants',
    reporterKinds: ['CULTURAL_CENTER', 'CITY_COUNCIL', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد حضورهای ثبت‌شده در برنامه‌های فرهنگی، هنری و کتاب‌خوانی فرهنگسراها، کانون‌ها و خانه‌های فرهنگ محله در ماه.',
    definitionEn: 'Recorded attendances in the month at the cultural, arts and reading programmes of culture houses, centres and neighbourhood culture houses.',
  }),
  indicator({
    code: 'CULTURE_PROGRAMMES', categoryCode: 'CULTURE', sensitivity: 'OPEN', suppressionK: 3, finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'برنامه‌های فرهنگی برگزارشده', nameEn: 'Cultural programmes held',
    reporterKinds: ['CULTURAL_CENTER', 'COUNTY_GOVERNORATE', 'PROVINCIAL_GOVERNORATE'],
    definitionFa: 'تعداد برنامه‌های فرهنگی، هنری و آموزشی که در ماه برگزار شده است.',
    definitionEn: 'Cultural, arts and educational programmes held in the month.',
  }),
  indicator({
    code: 'YOUTH_PROGRAMME_PARTICIPANTS', categoryCode: 'CULTURE', sensitivity: 'OPEN', finestLevel: 'COUNTY', periodType: 'MONTH',
    nameFa: 'شرکت‌کنندگان برنامه‌های جوانان', nameEn: 'Youth programme participants',
    reporterKinds: ['STATE_BODY', 'CULTURAL_CENTER', 'NGO', 'COUNTY_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد جوانانی که در ماه در برنامه‌های گفت‌وگو، ورزشی، فرهنگی یا مهارت‌آموزی ویژه جوانان شرکت کرده‌اند.',
    definitionEn: 'Young people who took part in the month in dialogue, sports, cultural or skills programmes for youth.',
  }),
  indicator({
    code: 'LIBRARY_MEMBERS', categoryCode: 'CULTURE', sensitivity: 'OPEN', finestLevel: 'COUNTY', periodType: 'QUARTER',
    nameFa: 'اعضای فعال کتابخانه‌های عمومی', nameEn: 'Active public library members',
    reporterKinds: ['CULTURAL_CENTER', 'COUNTY_GOVERNORATE', 'PROVINCIAL_GOVERNORATE'], per10k: true,
    definitionFa: 'تعداد اعضایی که در سه‌ماهه دست‌کم یک بار از کتابخانه‌های عمومی امانت گرفته‌اند.',
    definitionEn: 'Members who borrowed from public libraries at least once in the quarter.',
  }),
];

// ---------------------------------------------------------------------------
// Data-sharing agreements
// ---------------------------------------------------------------------------

export const DEMO_AGREEMENTS: DemoAgreement[] = [
  {
    code: 'DSA-RAZI-ACTIVE',
    grantorCode: 'AG-SCA',
    granteeCode: 'AG-RAZI',
    purpose:
      'پژوهش گروه جامعه‌شناسی دانشگاه رازی درباره پیوند اعتیاد و طلاق در محله‌های شهرستان کرمانشاه — ' +
      'Razi University sociology department study of how addiction and divorce are linked across the neighbourhoods of Kermanshah county.',
    categoryCodes: ['ADDICTION', 'DIVORCE'],
    regionRootCode: 'KSH-01',
    finestLevel: 'NEIGHBOURHOOD',
    validFrom: '2025-09-23',
    validTo: '2027-09-22',
    createdByEmail: 'admin@sca.kermanshah.example',
  },
  {
    code: 'DSA-RAZI-EXPIRED',
    grantorCode: 'AG-SCA',
    granteeCode: 'AG-RAZI',
    purpose:
      'ارزیابی برنامه استانی پیشگیری از خودکشی در شهرستان‌ها — ' +
      'Evaluation of the provincial suicide-prevention programme across the counties.',
    categoryCodes: ['SUICIDE'],
    regionRootCode: 'KSH',
    finestLevel: 'COUNTY',
    validFrom: '2022-01-01',
    validTo: '2024-12-31',
    createdByEmail: 'admin@sca.kermanshah.example',
  },
];

// ---------------------------------------------------------------------------
// Parameters of the synthetic series
// ---------------------------------------------------------------------------

/** Shares of the age groups 0–14, 15–24, 25–44, 45–64, 65+ (summing to 1). */
export type AgeShares = [number, number, number, number, number];

/** The age structure of the province's population, used where an indicator gives none. */
export const POPULATION_AGE_SHARES: AgeShares = [0.245, 0.155, 0.365, 0.175, 0.06];

export interface SeriesProfile {
  /**
   * COUNT and AMOUNT: expected value per 10,000 residents per period (a level for stocks).
   * RATE and PERCENT: the province's level in 1399.
   */
  base: number;
  /** Whether the value counts people, so that it can be split by sex and age. Default true. */
  people?: boolean;
  /** CONFIDENTIAL and RESTRICTED indicators are split by sex unless this is false. */
  bySex?: boolean;
  /** Share of women and girls in counts. */
  femaleShare?: number;
  /** RATE and PERCENT: the province's level for women and for men. */
  female?: number;
  male?: number;
  ages?: AgeShares;
  /** Also split by age group (crossed with sex) in the demo scale, not only in the large one. */
  demoAges?: boolean;
  /** A stock (e.g. active NGOs) moves smoothly instead of varying like a count of events. */
  stock?: boolean;
  /** Yearly change: relative for counts (0.05 = +5 %/year), in points for rates and percentages. */
  trend: number;
  /** Seasonal swing (0.2 = ±20 %) and the Jalali month (1–12) of the peak. */
  seasonAmp?: number;
  seasonPeak?: number;
  /** Multiplier in 1399 during the COVID-19 epidemic (half of the effect lingers in 1400). */
  covid?: number;
  /** Spread between counties: log-scale for counts, points for rates and percentages. */
  spread?: number;
  /** Fixed county effects: multipliers for counts, points for rates and percentages. */
  regionEffect?: Record<string, number>;
  /** How strongly the value follows neighbourhood deprivation (negative: the other way). */
  deprivation?: number;
  /** RATE and PERCENT: noise between periods, in points. */
  noise?: number;
  /** The state body that reports it (preferred for the province's rows when set). */
  stateBody?: string;
  /** Which provincial governorate agency reports it where the governorate does. */
  provincialAgency?: 'AG-SCA' | 'AG-GOV';
}

export const DEMO_SERIES: Record<string, SeriesProfile> = {
  ADDICTION_ADMISSIONS: { base: 1.8, femaleShare: 0.12, ages: [0.005, 0.14, 0.58, 0.235, 0.04], demoAges: true, trend: 0.04, seasonAmp: 0.08, seasonPeak: 10, regionEffect: { 'KSH-09': 1.3, 'KSH-10': 1.4, 'KSH-07': 1.25 } },
  OVERDOSE_DEATHS: { base: 0.045, femaleShare: 0.1, ages: [0.01, 0.15, 0.55, 0.25, 0.04], trend: 0.02, seasonAmp: 0.1, seasonPeak: 10, stateBody: 'AG-WELFARE' },
  DRUG_ARRESTS: { base: 3.2, femaleShare: 0.07, ages: [0.01, 0.22, 0.55, 0.19, 0.03], demoAges: true, trend: 0.03, seasonAmp: 0.05, seasonPeak: 6, regionEffect: { 'KSH-10': 1.6, 'KSH-07': 1.3 } },
  ADDICTION_PREVENTION_TRAINEES: { base: 12, femaleShare: 0.55, ages: [0.3, 0.4, 0.2, 0.08, 0.02], trend: 0.06, seasonAmp: 0.35, seasonPeak: 8, covid: 0.5 },
  HARM_REDUCTION_CLIENTS: { base: 3.5, femaleShare: 0.08, ages: [0, 0.1, 0.6, 0.27, 0.03], trend: 0.03 },

  DV_REPORTS: { base: 1.6, femaleShare: 0.86, ages: [0.06, 0.18, 0.55, 0.18, 0.03], demoAges: true, trend: 0.06, seasonAmp: 0.15, seasonPeak: 4, covid: 1.2, deprivation: 0.5 },
  SOCIAL_EMERGENCY_CALLS: { base: 9, femaleShare: 0.62, trend: 0.05, seasonAmp: 0.1, seasonPeak: 4, covid: 1.15 },
  SHELTER_ADMISSIONS: { base: 0.16, stateBody: 'AG-WELFARE', femaleShare: 0.82, ages: [0.3, 0.2, 0.45, 0.05, 0], trend: 0.04 },
  DV_FORENSIC: { base: 0.9, femaleShare: 0.9, ages: [0, 0.15, 0.62, 0.2, 0.03], trend: 0.03, seasonAmp: 0.12, seasonPeak: 4 },

  CHILD_ABUSE_REPORTS: { base: 0.28, femaleShare: 0.55, ages: [1, 0, 0, 0, 0], trend: 0.07, seasonAmp: 0.1, seasonPeak: 5 },

  DIVORCE_REG: { base: 2.4, femaleShare: 0.64, ages: [0, 0.17, 0.63, 0.17, 0.03], trend: 0.03, seasonAmp: 0.12, seasonPeak: 5, deprivation: 0.3 },
  DIVORCE_MARRIAGE_RATIO: { base: 33, bySex: false, people: false, trend: 1.0, spread: 5, noise: 1.5, seasonAmp: 0.04, seasonPeak: 11 },
  FAMILY_COUNSELLING: { base: 9, femaleShare: 0.6, ages: [0, 0.15, 0.65, 0.18, 0.02], trend: 0.08, seasonAmp: 0.1, seasonPeak: 5 },
  DIVORCE_RECONCILED: { base: 0.9, femaleShare: 0.65, ages: [0, 0.2, 0.62, 0.16, 0.02], trend: 0.06 },

  CHILD_MARRIAGE_REG: { base: 0.8, femaleShare: 0.985, ages: [1, 0, 0, 0, 0], trend: -0.04, spread: 0.5, seasonAmp: 0.15, seasonPeak: 5 },

  CHILD_LABOUR_IDENTIFIED: { base: 0.8, femaleShare: 0.22, ages: [0.78, 0.22, 0, 0, 0], trend: 0.05, seasonAmp: 0.2, seasonPeak: 4 },
  CHILD_LABOUR_SUPPORTED: { base: 3, femaleShare: 0.25, ages: [0.8, 0.2, 0, 0, 0], trend: 0.08 },

  STREET_CHILDREN_ADMITTED: { base: 0.12, femaleShare: 0.3, ages: [0.85, 0.15, 0, 0, 0], trend: 0.02, seasonAmp: 0.2, seasonPeak: 4 },

  SUICIDE_ATTEMPTS: { base: 0.85, femaleShare: 0.6, ages: [0.04, 0.42, 0.41, 0.1, 0.03], demoAges: true, trend: 0.04, seasonAmp: 0.12, seasonPeak: 3, regionEffect: { 'KSH-05': 1.3, 'KSH-12': 1.35, 'KSH-14': 1.3 } },
  SUICIDE_DEATHS: { base: 0.75, femaleShare: 0.36, ages: [0.02, 0.3, 0.45, 0.17, 0.06], trend: 0.02, regionEffect: { 'KSH-05': 1.3, 'KSH-12': 1.35, 'KSH-14': 1.3 } },
  SUICIDE_HOTLINE_CALLS: { base: 0.9, femaleShare: 0.63, ages: [0.03, 0.45, 0.4, 0.1, 0.02], trend: 0.1, seasonAmp: 0.08, seasonPeak: 3 },

  THEFT_REPORTS: { base: 5.5, femaleShare: 0.3, ages: [0, 0.1, 0.5, 0.3, 0.1], demoAges: true, trend: 0.02, seasonAmp: 0.12, seasonPeak: 11 },
  VEHICLE_THEFT: { base: 1.1, femaleShare: 0.1, ages: [0, 0.12, 0.55, 0.28, 0.05], trend: 0.01, seasonAmp: 0.08, seasonPeak: 10 },
  BURGLARY: { base: 1.4, femaleShare: 0.33, ages: [0, 0.05, 0.5, 0.33, 0.12], trend: 0.02, seasonAmp: 0.15, seasonPeak: 5 },

  INFORMAL_HOUSEHOLDS: { base: 260, stock: true, femaleShare: 0.14, ages: [0, 0.05, 0.55, 0.3, 0.1], trend: 0.01, regionEffect: { 'KSH-01': 2.5 }, deprivation: 1.2 },
  INFORMAL_SHARE: { base: 12, bySex: false, people: false, trend: 0.2, spread: 4, noise: 0.4, regionEffect: { 'KSH-01': 12 } },

  SCHOOL_DROPOUTS: { base: 6, femaleShare: 0.52, ages: [0.55, 0.45, 0, 0, 0], trend: -0.02, seasonAmp: 0.4, seasonPeak: 7 },
  DROPOUT_RETURNED: { base: 3, femaleShare: 0.5, ages: [0.7, 0.3, 0, 0, 0], trend: 0.08, seasonAmp: 0.5, seasonPeak: 7 },

  UNEMPLOYMENT_RATE: { base: 13.2, female: 24.5, male: 11, trend: -0.45, spread: 2.5, noise: 0.5, seasonAmp: 0.05, seasonPeak: 11, provincialAgency: 'AG-GOV' },
  YOUTH_UNEMPLOYMENT_RATE: { base: 27.5, female: 41, male: 24, trend: -0.6, spread: 4, noise: 1.2, seasonAmp: 0.06, seasonPeak: 11, provincialAgency: 'AG-GOV' },
  UNEMPLOYMENT_INSURANCE: { base: 11, stock: true, provincialAgency: 'AG-GOV', femaleShare: 0.21, ages: [0, 0.1, 0.62, 0.28, 0], demoAges: true, trend: -0.02, seasonAmp: 0.05, seasonPeak: 11 },
  JOBS_CREATED: { base: 7, femaleShare: 0.28, ages: [0, 0.32, 0.55, 0.13, 0], trend: 0.03, seasonAmp: 0.2, seasonPeak: 12 },

  NGO_ACTIVE: { base: 4.5, people: false, stock: true, trend: 0.06, spread: 0.3, regionEffect: { 'KSH-01': 1.4 } },
  NGO_NEW_REG: { base: 0.022, people: false, trend: 0.05 },
  NGO_VOLUNTEERS: { base: 28, stock: true, femaleShare: 0.58, ages: [0.02, 0.45, 0.4, 0.11, 0.02], trend: 0.07, covid: 0.7 },
  NEIGHBOURHOOD_ISSUES: { base: 2.2, people: false, trend: 0.1, seasonAmp: 0.05, seasonPeak: 9 },

  CULTURE_PARTICIPANTS: { base: 150, femaleShare: 0.56, ages: [0.3, 0.3, 0.25, 0.11, 0.04], trend: 0.07, seasonAmp: 0.3, seasonPeak: 1, covid: 0.35, deprivation: -0.3 },
  CULTURE_PROGRAMMES: { base: 2.5, people: false, trend: 0.05, seasonAmp: 0.25, seasonPeak: 1, covid: 0.4 },
  YOUTH_PROGRAMME_PARTICIPANTS: { base: 20, femaleShare: 0.46, ages: [0.1, 0.65, 0.25, 0, 0], trend: 0.09, seasonAmp: 0.25, seasonPeak: 4, covid: 0.4, stateBody: 'AG-SPORT-YOUTH' },
  LIBRARY_MEMBERS: { base: 95, stock: true, femaleShare: 0.6, ages: [0.3, 0.35, 0.25, 0.08, 0.02], trend: 0.03, covid: 0.75 },
};

/**
 * Kermanshah neighbourhoods by relative deprivation (synthetic judgement for the demo): +1 where
 * informal settlement is widespread, −1 for well-off areas; the others count as 0.
 */
export const NEIGHBOURHOOD_DEPRIVATION: Record<string, -1 | 1> = {
  'KSH-01-C01-N05': 1, // Dowlatabad
  'KSH-01-C01-N06': 1, // Jafarabad
  'KSH-01-C01-N07': 1, // Shaterabad
  'KSH-01-C01-N08': 1, // Chogha Mirza
  'KSH-01-C01-N09': 1, // Karnachi
  'KSH-01-C01-N10': 1, // Feyzabad
  'KSH-01-C01-N17': 1, // Darreh Deraz
  'KSH-01-C01-N31': 1, // Maskan-e Mehr
  'KSH-01-C01-N02': -1, // Elahiyeh
  'KSH-01-C01-N03': -1, // Farhangian
  'KSH-01-C01-N23': -1, // Shahrak-e Moallem
  'KSH-01-C01-N24': -1, // Modarres
  'KSH-01-C01-N26': -1, // Pardis
};

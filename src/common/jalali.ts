import { d2g, j2d, jalaaliMonthLength, toJalaali } from 'jalaali-js';
import { registerEnumType } from 'type-graphql';
import { isIsoDate } from './dates';
import { BadInputError } from './errors';

export enum PeriodType {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(PeriodType, {
  name: 'PeriodType',
  description: 'Length of a Jalali (Solar Hijri) reporting period: MONTH (1404-07), QUARTER (1404-Q3: months 7–9) or YEAR (1404)',
});

/** A Jalali period as written in the API (`1404-07`, `1404-Q3`, `1404`), taken apart. */
export interface ParsedPeriod {
  code: string;
  type: PeriodType;
  year: number;
  /** Absent for a year. */
  quarter?: number;
  /** Present for a month only. */
  month?: number;
}

/** Gregorian ISO dates, both inclusive. */
export interface PeriodBounds {
  start: string;
  end: string;
}

export const MIN_PERIOD_YEAR = 1300;
export const MAX_PERIOD_YEAR = 1500;
/** Upper bound on the length of a range of periods (50 years of months). */
export const MAX_PERIODS_IN_RANGE = 600;

const PERIOD_PATTERN = /^(\d{4})(?:-(?:Q([1-4])|(\d{2})))?$/;

const MONTH_NAMES_FA = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const MONTH_NAMES_EN = ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'];
const QUARTER_ORDINALS_FA = ['اول', 'دوم', 'سوم', 'چهارم'];

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits as ASCII. */
function asciiDigits(s: string): string {
  return s
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

function persianDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function formatPeriod(type: PeriodType, year: number, part?: number): string {
  if (type === PeriodType.YEAR) return String(year);
  return type === PeriodType.QUARTER ? `${year}-Q${part}` : `${year}-${pad2(part!)}`;
}

function build(type: PeriodType, year: number, part?: number): ParsedPeriod {
  const code = formatPeriod(type, year, part);
  if (type === PeriodType.YEAR) return { code, type, year };
  if (type === PeriodType.QUARTER) return { code, type, year, quarter: part };
  return { code, type, year, quarter: Math.ceil(part! / 3), month: part };
}

/** Parses `1404`, `1404-Q3` or `1404-07` (Persian or Arabic-Indic digits allowed); anything else is bad input on `field`. */
export function parsePeriod(code: string, field = 'period'): ParsedPeriod {
  const shown = JSON.stringify(code);
  const m = typeof code === 'string' ? PERIOD_PATTERN.exec(asciiDigits(code)) : null;
  const month = m?.[3] === undefined ? undefined : Number(m[3]);
  if (!m || (month !== undefined && (month < 1 || month > 12))) {
    throw BadInputError.field(field, `${shown} is not a Jalali period: write 1404, 1404-Q3 or 1404-07`);
  }
  const year = Number(m[1]);
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) {
    throw BadInputError.field(field, `${shown} is outside the Jalali years ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR}`);
  }
  if (m[2] !== undefined) return build(PeriodType.QUARTER, year, Number(m[2]));
  if (month !== undefined) return build(PeriodType.MONTH, year, month);
  return build(PeriodType.YEAR, year);
}

function asParsed(p: ParsedPeriod | string): ParsedPeriod {
  return typeof p === 'string' ? parsePeriod(p) : p;
}

function isoOfDay(jdn: number): string {
  const { gy, gm, gd } = d2g(jdn);
  return `${String(gy).padStart(4, '0')}-${pad2(gm)}-${pad2(gd)}`;
}

/** First and last months of a period. */
function monthSpan(p: ParsedPeriod): [number, number] {
  if (p.type === PeriodType.MONTH) return [p.month!, p.month!];
  if (p.type === PeriodType.QUARTER) return [p.quarter! * 3 - 2, p.quarter! * 3];
  return [1, 12];
}

/** The Gregorian first and last days (inclusive) of a period. */
export function periodBounds(p: ParsedPeriod | string): PeriodBounds {
  const period = asParsed(p);
  const [first, last] = monthSpan(period);
  return {
    start: isoOfDay(j2d(period.year, first, 1)),
    end: isoOfDay(j2d(period.year, last, jalaaliMonthLength(period.year, last))),
  };
}

/** The code of the period of the given type that contains a Gregorian day. */
export function periodOfDate(isoDate: string, type: PeriodType, field = 'date'): string {
  if (!isIsoDate(isoDate)) throw BadInputError.field(field, `${JSON.stringify(isoDate)} is not a date written YYYY-MM-DD`);
  const [gy, gm, gd] = isoDate.split('-').map(Number);
  const { jy, jm } = toJalaali(gy, gm, gd);
  if (jy < MIN_PERIOD_YEAR || jy > MAX_PERIOD_YEAR) {
    throw BadInputError.field(field, `${isoDate} falls outside the Jalali years ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR}`);
  }
  if (type === PeriodType.YEAR) return formatPeriod(type, jy);
  return formatPeriod(type, jy, type === PeriodType.QUARTER ? Math.ceil(jm / 3) : jm);
}

const PARTS_PER_YEAR: Record<PeriodType, number> = { MONTH: 12, QUARTER: 4, YEAR: 1 };

/** Position of a period among those of its type: consecutive periods differ by one. */
function ordinal(p: ParsedPeriod): number {
  const part = p.type === PeriodType.MONTH ? p.month! : p.type === PeriodType.QUARTER ? p.quarter! : 1;
  return p.year * PARTS_PER_YEAR[p.type] + part - 1;
}

function fromOrdinal(type: PeriodType, n: number, field: string): ParsedPeriod {
  const per = PARTS_PER_YEAR[type];
  const year = Math.floor(n / per);
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) {
    throw BadInputError.field(field, `no Jalali period outside the years ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR}`);
  }
  return build(type, year, type === PeriodType.YEAR ? undefined : (n % per) + 1);
}

/** The period of the same type just before: 1404-01 → 1403-12, 1404-Q1 → 1403-Q4, 1404 → 1403. */
export function previousPeriod(code: string, field = 'period'): string {
  const p = parsePeriod(code, field);
  return fromOrdinal(p.type, ordinal(p) - 1, field).code;
}

/** The period of the same type just after: 1403-12 → 1404-01. */
export function nextPeriod(code: string, field = 'period'): string {
  const p = parsePeriod(code, field);
  return fromOrdinal(p.type, ordinal(p) + 1, field).code;
}

/** The same period a year before: 1404-07 → 1403-07, 1404-Q3 → 1403-Q3, 1404 → 1403. */
export function sameLastYear(code: string, field = 'period'): string {
  const p = parsePeriod(code, field);
  return fromOrdinal(p.type, ordinal(p) - PARTS_PER_YEAR[p.type], field).code;
}

/** Every period from `from` to `to` inclusive; both must be of one type, in order, at most 600 apart. */
export function periodsBetween(from: string, to: string, fields: { from?: string; to?: string } = {}): string[] {
  const fromField = fields.from ?? 'from';
  const toField = fields.to ?? 'to';
  const a = parsePeriod(from, fromField);
  const b = parsePeriod(to, toField);
  if (a.type !== b.type) {
    throw BadInputError.field(toField, `${b.code} is a ${b.type.toLowerCase()} but ${a.code} is a ${a.type.toLowerCase()}: give two periods of one type`);
  }
  const first = ordinal(a);
  const count = ordinal(b) - first + 1;
  if (count < 1) throw BadInputError.field(toField, `${b.code} comes before ${a.code}`);
  if (count > MAX_PERIODS_IN_RANGE) {
    throw BadInputError.field(toField, `${a.code}…${b.code} spans ${count} periods; at most ${MAX_PERIODS_IN_RANGE} are allowed`);
  }
  return Array.from({ length: count }, (_, i) => fromOrdinal(a.type, first + i, toField).code);
}

/** A Gregorian ISO date as a Jalali date `YYYY/MM/DD`, e.g. 2025-11-30 → 1404/09/09. */
export function jalaliDateString(isoDate: string, field = 'date'): string {
  if (!isIsoDate(isoDate)) throw BadInputError.field(field, `${JSON.stringify(isoDate)} is not a date written YYYY-MM-DD`);
  const { jy, jm, jd } = toJalaali(...(isoDate.split('-').map(Number) as [number, number, number]));
  return `${jy}/${pad2(jm)}/${pad2(jd)}`;
}

function monthIndex(m: number): number {
  if (!Number.isInteger(m) || m < 1 || m > 12) throw new RangeError(`Jalali month must be 1–12, not ${m}`);
  return m - 1;
}

/** «فروردین» … «اسفند». */
export function jalaliMonthNameFa(m: number): string {
  return MONTH_NAMES_FA[monthIndex(m)];
}

/** Farvardin … Esfand. */
export function jalaliMonthNameEn(m: number): string {
  return MONTH_NAMES_EN[monthIndex(m)];
}

/** «مهر ۱۴۰۴», «سه‌ماهه سوم ۱۴۰۴», «سال ۱۴۰۴». */
export function periodLabelFa(p: ParsedPeriod | string): string {
  const period = asParsed(p);
  const year = persianDigits(String(period.year));
  if (period.type === PeriodType.MONTH) return `${jalaliMonthNameFa(period.month!)} ${year}`;
  if (period.type === PeriodType.QUARTER) return `سه\u200cماهه ${QUARTER_ORDINALS_FA[period.quarter! - 1]} ${year}`;
  return `سال ${year}`;
}

/** "Mehr 1404", "Q3 1404", "1404". */
export function periodLabelEn(p: ParsedPeriod | string): string {
  const period = asParsed(p);
  if (period.type === PeriodType.MONTH) return `${jalaliMonthNameEn(period.month!)} ${period.year}`;
  if (period.type === PeriodType.QUARTER) return `Q${period.quarter} ${period.year}`;
  return String(period.year);
}


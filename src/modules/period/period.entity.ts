import { Entity, Enum, Index, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import {
  MAX_PERIOD_YEAR,
  MIN_PERIOD_YEAR,
  PeriodType,
  parsePeriod,
  periodBounds,
  periodLabelEn,
  periodLabelFa,
  type ParsedPeriod,
} from '../../common/jalali';

/**
 * The Jalali calendar as a table: every month, quarter and year with its Gregorian days, so that
 * PostgreSQL rolls monthly figures up to quarters and years by a join on `quarter_code` / `year_code`.
 */
@Entity({ tableName: 'jalali_period' })
@ObjectType('Period', { simpleResolvers: true, description: 'A Jalali (Solar Hijri) month, quarter or year, with its Gregorian days' })
@Index({ properties: ['type', 'startDate'] })
export class JalaliPeriod {
  [PrimaryKeyProp]?: 'code';

  @Field({ description: '1404-07 (month), 1404-Q3 (quarter) or 1404 (year)' })
  @PrimaryKey({ type: 'string', length: 8 })
  code!: string;

  @Field(() => PeriodType)
  @Enum({ items: () => PeriodType, nativeEnumName: 'period_type' })
  type!: PeriodType;

  @Field(() => Int, { description: 'Jalali year' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'Quarter 1–4; null for a year' })
  @Property({ type: 'integer', nullable: true })
  quarter?: number;

  @Field(() => Int, { nullable: true, description: 'Month 1–12; null for a quarter or a year' })
  @Property({ type: 'integer', nullable: true })
  month?: number;

  @Field({ description: 'First day (Gregorian ISO date)' })
  @Property({ type: 'date' })
  startDate!: string;

  @Field({ description: 'Last day, inclusive (Gregorian ISO date)' })
  @Property({ type: 'date' })
  endDate!: string;

  /** The quarter a month belongs to; a quarter's own code; null for a year. */
  @Property({ type: 'string', length: 8, nullable: true, index: true })
  quarterCode?: string;

  /** The year's code, for every type. */
  @Property({ type: 'string', length: 4, index: true })
  yearCode!: string;

  @Field({ description: 'Persian label, e.g. «مهر ۱۴۰۴»' })
  @Property({ type: 'string', length: 64 })
  labelFa!: string;

  @Field({ description: 'English label, e.g. "Mehr 1404"' })
  @Property({ type: 'string', length: 64 })
  labelEn!: string;
}

/** A `jalali_period` row keyed by column name. */
export interface CalendarRow {
  code: string;
  type: PeriodType;
  year: number;
  quarter: number | null;
  month: number | null;
  start_date: string;
  end_date: string;
  quarter_code: string | null;
  year_code: string;
  label_fa: string;
  label_en: string;
}

export const CALENDAR_COLUMNS = [
  'code', 'type', 'year', 'quarter', 'month', 'start_date', 'end_date', 'quarter_code', 'year_code', 'label_fa', 'label_en',
] as const satisfies ReadonlyArray<keyof CalendarRow>;

function calendarRow(p: ParsedPeriod): CalendarRow {
  const { start, end } = periodBounds(p);
  return {
    code: p.code,
    type: p.type,
    year: p.year,
    quarter: p.quarter ?? null,
    month: p.month ?? null,
    start_date: start,
    end_date: end,
    quarter_code: p.quarter === undefined ? null : `${p.year}-Q${p.quarter}`,
    year_code: String(p.year),
    label_fa: periodLabelFa(p),
    label_en: periodLabelEn(p),
  };
}

/** Every year, quarter and month of the Jalali years `fromYear`..`toYear` (inclusive), in that order per year. */
export function calendarRows(fromYear: number, toYear: number): CalendarRow[] {
  for (const y of [fromYear, toYear]) {
    if (!Number.isInteger(y) || y < MIN_PERIOD_YEAR || y > MAX_PERIOD_YEAR) {
      throw new RangeError(`calendar years must be integers in ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR}, not ${y}`);
    }
  }
  if (fromYear > toYear) throw new RangeError(`calendar range ${fromYear}–${toYear} is empty`);
  const rows: CalendarRow[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const codes = [String(year)];
    for (let q = 1; q <= 4; q++) codes.push(`${year}-Q${q}`);
    for (let m = 1; m <= 12; m++) codes.push(`${year}-${String(m).padStart(2, '0')}`);
    for (const code of codes) rows.push(calendarRow(parsePeriod(code)));
  }
  return rows;
}

function sqlLiteral(v: string | number | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return String(v);
  return `'${v.replace(/'/g, "''")}'`;
}

/** `insert` statements (at most `batchSize` rows each) that fill `jalali_period` for the given years. */
export function calendarInsertSql(fromYear: number, toYear: number, batchSize = 1000): string[] {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) throw new RangeError(`batch size must be 1–1000, not ${batchSize}`);
  const rows = calendarRows(fromYear, toYear);
  const head = `insert into "jalali_period" (${CALENDAR_COLUMNS.map((c) => `"${c}"`).join(', ')}) values `;
  const statements: string[] = [];
  for (let i = 0; i < rows.length; i += batchSize) {
    const values = rows
      .slice(i, i + batchSize)
      .map((r) => `(${CALENDAR_COLUMNS.map((c) => sqlLiteral(r[c])).join(', ')})`);
    statements.push(head + values.join(',\n  '));
  }
  return statements;
}

/**
 * `column` holds a period (month, quarter or year) lying wholly within the days `start`..`end`. A list
 * of codes lets the observation indexes do the work; the bounded start date lets the calendar's
 * (type, start_date) index find that list, where a scan of the whole calendar took longer.
 */
export function periodWithinSql(column: string, start: string, end: string): { sql: string; params: string[] } {
  return {
    sql: `${column} = any(array(select code from jalali_period where type in ('MONTH', 'QUARTER', 'YEAR') and start_date between ?::date and ?::date and end_date <= ?::date))`,
    params: [start, end, end],
  };
}

const periods = new Map<string, JalaliPeriod>();

/**
 * A period as served, computed from its code: `jalali_period` holds exactly these rows (a migration
 * writes them from calendarRows), so answers need no query for them. Kept once per code.
 */
export function periodOf(code: string): JalaliPeriod {
  let p = periods.get(code);
  if (!p) {
    const r = calendarRow(parsePeriod(code));
    p = Object.freeze({
      code: r.code, type: r.type, year: r.year, quarter: r.quarter ?? undefined, month: r.month ?? undefined,
      startDate: r.start_date, endDate: r.end_date, quarterCode: r.quarter_code ?? undefined, yearCode: r.year_code,
      labelFa: r.label_fa, labelEn: r.label_en,
    }) as JalaliPeriod;
    periods.set(code, p);
  }
  return p;
}

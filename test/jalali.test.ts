import { isLeapJalaaliYear, toGregorian } from 'jalaali-js';
import { describe, expect, it } from 'vitest';
import { toJalali } from '../src/common/dates';
import { BadInputError } from '../src/common/errors';
import {
  PeriodType,
  jalaliDateString,
  jalaliMonthNameEn,
  jalaliMonthNameFa,
  nextPeriod,
  parsePeriod,
  periodBounds,
  periodLabelEn,
  periodLabelFa,
  periodOfDate,
  periodsBetween,
  previousPeriod,
  sameLastYear,
} from '../src/common/jalali';
import { calendarInsertSql, calendarRows, type CalendarRow } from '../src/modules/period/period.entity';

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const addDays = (iso: string, n: number) => new Date((dayNumber(iso) + n) * DAY_MS).toISOString().slice(0, 10);
/** Days in an inclusive range. */
const length = (b: { start: string; end: string }) => dayNumber(b.end) - dayNumber(b.start) + 1;

function badInput(fn: () => unknown): BadInputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BadInputError);
    return e as BadInputError;
  }
  throw new Error('expected a BadInputError');
}

describe('Jalali calendar facts', () => {
  it('puts Nowruz on the right Gregorian day', () => {
    const nowruz: Array<[string, string]> = [
      ['1396', '2017-03-21'],
      ['1399', '2020-03-20'],
      ['1403', '2024-03-20'],
      ['1404', '2025-03-21'],
      ['1405', '2026-03-21'],
    ];
    for (const [year, day] of nowruz) {
      expect(periodBounds(year).start).toBe(day);
      expect(periodBounds(`${year}-01`).start).toBe(day);
      expect(periodBounds(`${year}-Q1`).start).toBe(day);
      const g = toGregorian(Number(year), 1, 1);
      expect(`${g.gy}-${String(g.gm).padStart(2, '0')}-${String(g.gd).padStart(2, '0')}`).toBe(day);
    }
  });

  it('gives Esfand 30 days in leap years (1399, 1403) and 29 otherwise (1404)', () => {
    expect(isLeapJalaaliYear(1403)).toBe(true);
    expect(isLeapJalaaliYear(1404)).toBe(false);
    expect(isLeapJalaaliYear(1399)).toBe(true);
    expect(periodBounds('1403-12')).toEqual({ start: '2025-02-19', end: '2025-03-20' });
    expect(periodBounds('1404-12')).toEqual({ start: '2026-02-20', end: '2026-03-20' });
    expect(periodBounds('1399-12')).toEqual({ start: '2021-02-19', end: '2021-03-20' });
    expect(length(periodBounds('1403-12'))).toBe(30);
    expect(length(periodBounds('1404-12'))).toBe(29);
    expect(length(periodBounds('1403'))).toBe(366);
    expect(length(periodBounds('1404'))).toBe(365);
    expect(length(periodBounds('1399'))).toBe(366);
    expect(length(periodBounds('1400'))).toBe(365);
  });

  it('makes months 1–6 31 days long and months 7–11 30 days long', () => {
    for (const year of [1399, 1403, 1404]) {
      for (let m = 1; m <= 11; m++) {
        expect(length(periodBounds(`${year}-${String(m).padStart(2, '0')}`))).toBe(m <= 6 ? 31 : 30);
      }
    }
  });

  it('bounds months, quarters and years', () => {
    expect(periodBounds('1404-01')).toEqual({ start: '2025-03-21', end: '2025-04-20' });
    expect(periodBounds('1404-06')).toEqual({ start: '2025-08-23', end: '2025-09-22' });
    expect(periodBounds('1404-07')).toEqual({ start: '2025-09-23', end: '2025-10-22' });
    expect(periodBounds('1404-09')).toEqual({ start: '2025-11-22', end: '2025-12-21' });
    expect(periodBounds('1404-Q1')).toEqual({ start: '2025-03-21', end: '2025-06-21' });
    expect(periodBounds('1404-Q2')).toEqual({ start: '2025-06-22', end: '2025-09-22' });
    expect(periodBounds('1404-Q3')).toEqual({ start: '2025-09-23', end: '2025-12-21' });
    expect(periodBounds('1404-Q4')).toEqual({ start: '2025-12-22', end: '2026-03-20' });
    expect(periodBounds('1403-Q4')).toEqual({ start: '2024-12-21', end: '2025-03-20' });
    expect(periodBounds('1404')).toEqual({ start: '2025-03-21', end: '2026-03-20' });
    expect(periodBounds('1403')).toEqual({ start: '2024-03-20', end: '2025-03-20' });
    expect(periodBounds('1399')).toEqual({ start: '2020-03-20', end: '2021-03-20' });
    expect(periodBounds(parsePeriod('1404-Q3'))).toEqual(periodBounds('1404-Q3'));
  });
});

describe('periodOfDate', () => {
  it('finds the month on the first and last days of months', () => {
    expect(periodOfDate('2025-09-22', PeriodType.MONTH)).toBe('1404-06');
    expect(periodOfDate('2025-09-23', PeriodType.MONTH)).toBe('1404-07');
    expect(periodOfDate('2025-10-22', PeriodType.MONTH)).toBe('1404-07');
    expect(periodOfDate('2025-10-23', PeriodType.MONTH)).toBe('1404-08');
    expect(periodOfDate('2025-12-21', PeriodType.MONTH)).toBe('1404-09');
    expect(periodOfDate('2025-12-22', PeriodType.MONTH)).toBe('1404-10');
  });

  it('crosses Nowruz in leap and common years', () => {
    expect(periodOfDate('2025-03-20', PeriodType.MONTH)).toBe('1403-12');
    expect(periodOfDate('2025-03-21', PeriodType.MONTH)).toBe('1404-01');
    expect(periodOfDate('2025-03-20', PeriodType.QUARTER)).toBe('1403-Q4');
    expect(periodOfDate('2025-03-21', PeriodType.QUARTER)).toBe('1404-Q1');
    expect(periodOfDate('2025-03-20', PeriodType.YEAR)).toBe('1403');
    expect(periodOfDate('2025-03-21', PeriodType.YEAR)).toBe('1404');
    expect(periodOfDate('2024-03-19', PeriodType.MONTH)).toBe('1402-12');
    expect(periodOfDate('2024-03-20', PeriodType.MONTH)).toBe('1403-01');
    expect(periodOfDate('2026-03-20', PeriodType.MONTH)).toBe('1404-12');
    expect(periodOfDate('2026-03-21', PeriodType.YEAR)).toBe('1405');
  });

  it('finds quarters', () => {
    expect(periodOfDate('2025-06-21', PeriodType.QUARTER)).toBe('1404-Q1');
    expect(periodOfDate('2025-06-22', PeriodType.QUARTER)).toBe('1404-Q2');
    expect(periodOfDate('2025-09-23', PeriodType.QUARTER)).toBe('1404-Q3');
    expect(periodOfDate('2025-12-22', PeriodType.QUARTER)).toBe('1404-Q4');
  });

  it('rejects what is not a date', () => {
    expect(badInput(() => periodOfDate('2025-02-29', PeriodType.MONTH)).problems).toEqual([
      { field: 'date', message: '"2025-02-29" is not a date written YYYY-MM-DD' },
    ]);
    expect(badInput(() => periodOfDate('1404/07/01', PeriodType.MONTH, 'asOf')).problems[0].field).toBe('asOf');
  });
});

describe('neighbouring periods', () => {
  it('steps back one period, across year boundaries', () => {
    expect(previousPeriod('1404-01')).toBe('1403-12');
    expect(previousPeriod('1404-07')).toBe('1404-06');
    expect(previousPeriod('1404-10')).toBe('1404-09');
    expect(previousPeriod('1404-Q1')).toBe('1403-Q4');
    expect(previousPeriod('1404-Q3')).toBe('1404-Q2');
    expect(previousPeriod('1404')).toBe('1403');
  });

  it('steps forward one period', () => {
    expect(nextPeriod('1403-12')).toBe('1404-01');
    expect(nextPeriod('1403-Q4')).toBe('1404-Q1');
    expect(nextPeriod('1404-09')).toBe('1404-10');
    expect(nextPeriod('1404')).toBe('1405');
  });

  it('finds the same period a year before', () => {
    expect(sameLastYear('1404-07')).toBe('1403-07');
    expect(sameLastYear('1404-01')).toBe('1403-01');
    expect(sameLastYear('1404-12')).toBe('1403-12');
    expect(sameLastYear('1404-Q1')).toBe('1403-Q1');
    expect(sameLastYear('1404-Q4')).toBe('1403-Q4');
    expect(sameLastYear('1404')).toBe('1403');
    expect(sameLastYear('۱۴۰۴-۰۷')).toBe('1403-07');
  });

  it('refuses to leave the supported years', () => {
    badInput(() => previousPeriod('1300-01'));
    badInput(() => sameLastYear('1300-Q2'));
    badInput(() => nextPeriod('1500'));
    expect(previousPeriod('1300-02')).toBe('1300-01');
  });
});

describe('periodsBetween', () => {
  it('lists months across Nowruz', () => {
    expect(periodsBetween('1403-11', '1404-02')).toEqual(['1403-11', '1403-12', '1404-01', '1404-02']);
  });

  it('lists quarters and years, and a single period', () => {
    expect(periodsBetween('1403-Q3', '1404-Q2')).toEqual(['1403-Q3', '1403-Q4', '1404-Q1', '1404-Q2']);
    expect(periodsBetween('1401', '1404')).toEqual(['1401', '1402', '1403', '1404']);
    expect(periodsBetween('1404-07', '1404-07')).toEqual(['1404-07']);
    expect(periodsBetween('1390-01', '1404-12')).toHaveLength(180);
  });

  it('rejects mixed types, reversed ranges and ranges over 600 periods', () => {
    expect(badInput(() => periodsBetween('1404-Q1', '1404-07')).problems[0].field).toBe('to');
    expect(badInput(() => periodsBetween('1404-02', '1404-01')).message).toBe('to: 1404-01 comes before 1404-02');
    expect(periodsBetween('1350-01', '1399-12')).toHaveLength(600);
    badInput(() => periodsBetween('1350-01', '1400-01'));
    expect(badInput(() => periodsBetween('1404-13', '1405-01')).problems[0].field).toBe('from');
    expect(badInput(() => periodsBetween('1404-01', 'x', { to: 'input.to' })).problems[0].field).toBe('input.to');
  });
});

describe('parsePeriod', () => {
  it('reads years, quarters and months', () => {
    expect(parsePeriod('1404')).toEqual({ code: '1404', type: PeriodType.YEAR, year: 1404 });
    expect(parsePeriod('1404-Q3')).toEqual({ code: '1404-Q3', type: PeriodType.QUARTER, year: 1404, quarter: 3 });
    expect(parsePeriod('1404-07')).toEqual({ code: '1404-07', type: PeriodType.MONTH, year: 1404, quarter: 3, month: 7 });
    expect(parsePeriod('1404-12')).toMatchObject({ quarter: 4, month: 12 });
    expect(parsePeriod('1300-01').code).toBe('1300-01');
    expect(parsePeriod('1500-Q4').code).toBe('1500-Q4');
  });

  it('accepts Persian and Arabic-Indic digits, and answers in ASCII', () => {
    expect(parsePeriod('۱۴۰۴-۰۷')).toEqual({ code: '1404-07', type: PeriodType.MONTH, year: 1404, quarter: 3, month: 7 });
    expect(parsePeriod('١٤٠٤-Q٣').code).toBe('1404-Q3');
    expect(parsePeriod('۱۴۰۴').code).toBe('1404');
  });

  it('rejects anything else, naming the field', () => {
    for (const bad of ['1404-13', '1404-00', '1404-Q5', '1404-Q0', '14044', '1404-7', 'abc', '', ' 1404', '1404-q3', '1404/07', '1404-007', '1404-Q3-07']) {
      const e = badInput(() => parsePeriod(bad));
      expect(e.problems).toEqual([
        { field: 'period', message: `${JSON.stringify(bad)} is not a Jalali period: write 1404, 1404-Q3 or 1404-07` },
      ]);
    }
    expect(badInput(() => parsePeriod('1404-13')).message).toBe(
      'period: "1404-13" is not a Jalali period: write 1404, 1404-Q3 or 1404-07',
    );
    expect(badInput(() => parsePeriod('1299', 'input.period')).problems).toEqual([
      { field: 'input.period', message: '"1299" is outside the Jalali years 1300–1500' },
    ]);
    badInput(() => parsePeriod('1501-01'));
  });
});

describe('names and labels', () => {
  it('names the months', () => {
    expect(jalaliMonthNameEn(1)).toBe('Farvardin');
    expect(jalaliMonthNameEn(7)).toBe('Mehr');
    expect(jalaliMonthNameEn(12)).toBe('Esfand');
    expect(jalaliMonthNameFa(1)).toBe('فروردین');
    expect(jalaliMonthNameFa(7)).toBe('مهر');
    expect(jalaliMonthNameFa(9)).toBe('آذر');
    expect(jalaliMonthNameFa(12)).toBe('اسفند');
    expect(() => jalaliMonthNameFa(13)).toThrow(RangeError);
    expect(() => jalaliMonthNameEn(0)).toThrow(RangeError);
  });

  it('labels periods in Persian (Persian digits) and English', () => {
    expect(periodLabelFa('1404-07')).toBe('مهر ۱۴۰۴');
    expect(periodLabelFa('1404-Q3')).toBe('سه\u200cماهه سوم ۱۴۰۴');
    expect(periodLabelFa('1404-Q1')).toBe('سه\u200cماهه اول ۱۴۰۴');
    expect(periodLabelFa('1404-Q4')).toBe('سه\u200cماهه چهارم ۱۴۰۴');
    expect(periodLabelFa('1404')).toBe('سال ۱۴۰۴');
    expect(periodLabelEn('1404-07')).toBe('Mehr 1404');
    expect(periodLabelEn('1403-12')).toBe('Esfand 1403');
    expect(periodLabelEn('1404-Q3')).toBe('Q3 1404');
    expect(periodLabelEn('1404')).toBe('1404');
  });

  it('writes Jalali dates', () => {
    expect(jalaliDateString('2025-11-30')).toBe('1404/09/09');
    expect(jalaliDateString('2025-03-20')).toBe('1403/12/30');
    expect(jalaliDateString('2025-03-21')).toBe('1404/01/01');
    expect(jalaliDateString('2026-03-20')).toBe('1404/12/29');
    badInput(() => jalaliDateString('2025-13-01'));
  });
});

describe('calendarRows', () => {
  const rows = calendarRows(1370, 1430);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const of = (type: PeriodType) => rows.filter((r) => r.type === type);

  it('has every year, quarter and month once', () => {
    expect(rows).toHaveLength(61 * (12 + 4 + 1));
    expect(byCode.size).toBe(rows.length);
    expect(of(PeriodType.YEAR)).toHaveLength(61);
    expect(of(PeriodType.QUARTER)).toHaveLength(61 * 4);
    expect(of(PeriodType.MONTH)).toHaveLength(61 * 12);
    expect(byCode.get('1370')?.start_date).toBe('1991-03-21');
    expect(byCode.get('1430-12')?.end_date).toBe('2052-03-19');
  });

  it('holds the columns of a month, a quarter and a year', () => {
    expect(byCode.get('1404-07')).toEqual<CalendarRow>({
      code: '1404-07', type: PeriodType.MONTH, year: 1404, quarter: 3, month: 7,
      start_date: '2025-09-23', end_date: '2025-10-22', quarter_code: '1404-Q3', year_code: '1404',
      label_fa: 'مهر ۱۴۰۴', label_en: 'Mehr 1404',
    });
    expect(byCode.get('1404-Q3')).toEqual<CalendarRow>({
      code: '1404-Q3', type: PeriodType.QUARTER, year: 1404, quarter: 3, month: null,
      start_date: '2025-09-23', end_date: '2025-12-21', quarter_code: '1404-Q3', year_code: '1404',
      label_fa: 'سه\u200cماهه سوم ۱۴۰۴', label_en: 'Q3 1404',
    });
    expect(byCode.get('1403')).toEqual<CalendarRow>({
      code: '1403', type: PeriodType.YEAR, year: 1403, quarter: null, month: null,
      start_date: '2024-03-20', end_date: '2025-03-20', quarter_code: null, year_code: '1403',
      label_fa: 'سال ۱۴۰۳', label_en: '1403',
    });
  });

  it('tiles each year with its months, with no gap or overlap, across the whole range', () => {
    const months = of(PeriodType.MONTH).sort((a, b) => a.start_date.localeCompare(b.start_date));
    expect(months[0].code).toBe('1370-01');
    for (let i = 1; i < months.length; i++) {
      expect(months[i].start_date).toBe(addDays(months[i - 1].end_date, 1));
    }
    for (const year of of(PeriodType.YEAR)) {
      const own = months.filter((m) => m.year_code === year.code);
      expect(own.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(own[0].start_date).toBe(year.start_date);
      expect(own[11].end_date).toBe(year.end_date);
      const days = own.reduce((n, m) => n + length({ start: m.start_date, end: m.end_date }), 0);
      expect(days).toBe(isLeapJalaaliYear(year.year) ? 366 : 365);
    }
  });

  it('gives quarters and years the same days as their months', () => {
    for (const q of of(PeriodType.QUARTER)) {
      const own = of(PeriodType.MONTH).filter((m) => m.quarter_code === q.code);
      expect(own).toHaveLength(3);
      expect(own.map((m) => m.month)).toEqual([q.quarter! * 3 - 2, q.quarter! * 3 - 1, q.quarter! * 3]);
      expect(q.start_date).toBe(own[0].start_date);
      expect(q.end_date).toBe(own[2].end_date);
      expect(q.year_code).toBe(String(q.year));
    }
    for (const y of of(PeriodType.YEAR)) {
      const quarters = of(PeriodType.QUARTER).filter((q) => q.year_code === y.code);
      expect(quarters.map((q) => q.code)).toEqual([1, 2, 3, 4].map((n) => `${y.code}-Q${n}`));
      expect(quarters[0].start_date).toBe(y.start_date);
      expect(quarters[3].end_date).toBe(y.end_date);
      for (let i = 1; i < 4; i++) expect(quarters[i].start_date).toBe(addDays(quarters[i - 1].end_date, 1));
    }
  });

  it('files every month under its quarter and year', () => {
    for (const m of of(PeriodType.MONTH)) {
      const [year, month] = m.code.split('-').map(Number);
      expect(m.year).toBe(year);
      expect(m.month).toBe(month);
      expect(m.quarter).toBe(Math.floor((month - 1) / 3) + 1);
      expect(m.quarter_code).toBe(`${year}-Q${m.quarter}`);
      expect(m.year_code).toBe(String(year));
      expect(byCode.get(m.quarter_code!)?.type).toBe(PeriodType.QUARTER);
    }
    expect(byCode.get('1404-03')?.quarter_code).toBe('1404-Q1');
    expect(byCode.get('1404-04')?.quarter_code).toBe('1404-Q2');
    expect(byCode.get('1404-12')?.quarter_code).toBe('1404-Q4');
  });

  it('refuses years outside 1300–1500 and empty ranges', () => {
    expect(() => calendarRows(1299, 1400)).toThrow(RangeError);
    expect(() => calendarRows(1404, 1403)).toThrow(RangeError);
    expect(calendarRows(1404, 1404)).toHaveLength(17);
  });
});

describe('calendarInsertSql', () => {
  it('writes multi-row inserts of at most 1000 rows with quoted literals', () => {
    const sql = calendarInsertSql(1370, 1430);
    expect(sql).toHaveLength(2);
    const head =
      'insert into "jalali_period" ("code", "type", "year", "quarter", "month", "start_date", "end_date", "quarter_code", "year_code", "label_fa", "label_en") values ';
    for (const s of sql) expect(s.startsWith(head)).toBe(true);
    const tuples = sql.flatMap((s) => s.slice(head.length).split(',\n  '));
    expect(tuples).toHaveLength(1037);
    expect(sql[0].slice(head.length).split(',\n  ')).toHaveLength(1000);
    expect(tuples).toContain(
      "('1404-07', 'MONTH', 1404, 3, 7, '2025-09-23', '2025-10-22', '1404-Q3', '1404', 'مهر ۱۴۰۴', 'Mehr 1404')",
    );
    expect(tuples).toContain(
      "('1403', 'YEAR', 1403, null, null, '2024-03-20', '2025-03-20', null, '1403', 'سال ۱۴۰۳', '1403')",
    );
    expect(calendarInsertSql(1404, 1405, 10).map((s) => s.slice(head.length).split(',\n  ').length)).toEqual([10, 10, 10, 4]);
    expect(() => calendarInsertSql(1404, 1405, 1001)).toThrow(RangeError);
  });
});

describe('round trip', () => {
  it('places every day of 2000–2040 inside the bounds of its month, quarter and year', () => {
    let checked = 0;
    for (let d = '2000-01-01'; d <= '2040-12-31'; d = addDays(d, 1)) {
      for (const type of [PeriodType.MONTH, PeriodType.QUARTER, PeriodType.YEAR]) {
        const { start, end } = periodBounds(periodOfDate(d, type));
        if (!(start <= d && d <= end)) expect({ d, type, start, end }).toBe('inside');
      }
      const jalali = jalaliDateString(d);
      if (jalali !== toJalali(d)) expect({ d, jalali }).toEqual({ d, jalali: toJalali(d) });
      checked++;
    }
    expect(checked).toBe(14976);
  });
});

import { describe, expect, it } from 'vitest';
import { escapeLike, normalizeForSearch, searchKey } from '../../src/common/text';
import { isIsoDate, todayInIran, toJalali } from '../../src/common/dates';

describe('Persian search normalisation', () => {
  it('maps Arabic letter variants to Persian ones', () => {
    expect(normalizeForSearch('كرمانشاه')).toBe(normalizeForSearch('کرمانشاه'));
    expect(normalizeForSearch('شيرين')).toBe('شیرین');
    expect(normalizeForSearch('موسى')).toBe('موسی');
    expect(normalizeForSearch('مدرسة')).toBe('مدرسه');
    expect(normalizeForSearch('أحمد إمام')).toBe('احمدامام');
  });

  it('drops ZWNJ, spaces, tatweel and diacritics; folds digits and case', () => {
    expect(normalizeForSearch('اسلام\u200cآباد')).toBe('اسلامآباد');
    expect(normalizeForSearch('اسلام آباد')).toBe('اسلامآباد');
    expect(normalizeForSearch('کرمـــانشاه')).toBe('کرمانشاه');
    expect(normalizeForSearch('مُحَمَّد')).toBe('محمد');
    expect(normalizeForSearch('منطقه ۱۲')).toBe('منطقه12');
    expect(normalizeForSearch('منطقه ١٢')).toBe('منطقه12');
    expect(normalizeForSearch('Sarpol-e  Zahab')).toBe('sarpol-ezahab');
  });

  it('keeps names apart in a search key, and escapes LIKE wildcards', () => {
    expect(searchKey('صحنه', 'Sahneh', null)).toBe('صحنه|sahneh');
    expect(normalizeForSearch('a|b')).toBe('ab');
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});

describe('dates', () => {
  it('converts Gregorian dates to Jalali, around Nowruz and in leap years', () => {
    expect(toJalali('2025-03-20')).toBe('1403/12/30'); // 1403 is a leap year: Esfand has 30 days
    expect(toJalali('2025-03-21')).toBe('1404/01/01');
    expect(toJalali('2026-03-20')).toBe('1404/12/29'); // 1404 is not
    expect(toJalali('2026-03-21')).toBe('1405/01/01');
    expect(toJalali('2024-03-20')).toBe('1403/01/01');
    expect(toJalali('2025-12-15')).toBe('1404/09/24'); // 24 Azar: the NGO council elections
  });

  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('01/01/2025')).toBe(false);
  });

  it('dates the day in Iran (UTC+3:30)', () => {
    expect(todayInIran(new Date('2025-06-01T20:29:00Z'))).toBe('2025-06-01');
    expect(todayInIran(new Date('2025-06-01T20:31:00Z'))).toBe('2025-06-02');
    // Kept per minute: the last second before midnight in Tehran and the first one after it.
    expect(todayInIran(new Date('2025-06-02T20:29:59.999Z'))).toBe('2025-06-02');
    expect(todayInIran(new Date('2025-06-02T20:30:00.000Z'))).toBe('2025-06-03');
    expect(todayInIran(new Date('2025-06-02T20:29:30.000Z'))).toBe('2025-06-02');
  });
});

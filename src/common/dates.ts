const TEHRAN = 'Asia/Tehran';
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TEHRAN, year: 'numeric', month: '2-digit', day: '2-digit' });
const jalaliDay = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Iran as `YYYY-MM-DD` (memberships and appointments are dated by the Iranian day). */
export function todayInIran(now: Date = new Date()): string {
  // Asked several times a request; Iran's day changes on a minute boundary, so one answer per minute.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: isoDay.format(now) };
  return lastDay.day;
}
let lastDay = { minute: Number.NaN, day: '' };

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates the hub records (memberships, appointments, agreements) lie in these years. */
export const DATE_YEARS = { min: 1900, max: 2200 } as const;

/** True for a real Gregorian calendar day written `YYYY-MM-DD`, in the years the hub accepts. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const year = Number(s.slice(0, 4));
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A Gregorian ISO date as a Jalali (Solar Hijri) date `YYYY/MM/DD`, e.g. 2025-03-20 → 1403/12/30. */
export function toJalali(iso: string): string {
  const parts = jalaliDay.formatToParts(new Date(`${iso}T12:00:00Z`));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}/${get('month')}/${get('day')}`;
}

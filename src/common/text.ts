import { BadInputError } from './errors';

/**
 * Search normalisation for Persian text: Arabic letter variants become their Persian forms,
 * ZWNJ, spaces, tatweel and diacritics vanish (so «اسلام‌آباد», «اسلام آباد» and «اسلامآباد» agree),
 * digits become ASCII, Latin letters lower-case. Applied to stored search keys and to queries alike,
 * so «كرمانشاه» finds «کرمانشاه».
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u064A\u0649\u06D0]/g, '\u06CC') // ي ى ې → ی
    .replace(/\u0643/g, '\u06A9') // ك → ک
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(/[\u0623\u0625\u0671]/g, '\u0627') // أ إ ٱ → ا
    .replace(/\u0624/g, '\u0648') // ؤ → و
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u0640]/g, '') // ZWNJ/ZWJ, marks, tatweel
    .replace(/[\u064B-\u065F\u0670]/g, '') // harakat
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .toLowerCase()
    .replace(/[\s|]+/g, '');
}

/** The stored search key of a record with several names; `|` keeps a query from spanning two names. */
export function searchKey(...names: Array<string | null | undefined>): string {
  return names.filter((n): n is string => !!n).map(normalizeForSearch).join('|');
}

/** Joiners and marks that occupy no space: a name made only of them is empty. */
const INVISIBLE = /[\s\u200B-\u200F\u2060-\u2069\uFEFF]/g;

/** A name or text as stored: trimmed and NFC-normalised, of `min`..`max` characters once trimmed, some of them visible. */
export function cleanName(field: string, value: string, min = 2, max = 300): string {
  const v = value.normalize('NFC').trim();
  if (v.length < min || v.length > max) throw BadInputError.field(field, `must be ${min}–${max} characters (not counting surrounding spaces)`);
  if (v.replace(INVISIBLE, '').length === 0) throw BadInputError.field(field, 'has no visible characters');
  return v;
}

/** Free text (notes, reasons, purposes): as cleanName, with the limits of prose. */
export const cleanText = (field: string, value: string, min = 1, max = 2000) => cleanName(field, value, min, max);

/** An email as stored: trimmed, lower-case, at most 254 characters after lower-casing. */
export function cleanEmail(field: string, value: string): string {
  const v = value.trim().toLowerCase();
  if (v.length > 254) throw BadInputError.field(field, 'is longer than 254 characters');
  return v;
}

/** Escapes LIKE wildcards so that user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

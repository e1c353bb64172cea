// Normalises a birth date written in one of the usual forms into ISO `YYYY-MM-DD`.

/** Oldest year accepted: earlier values are typos or placeholders (0001-01-01, 1800-01-01). */
const MIN_YEAR = 1900;
// NOTE: a fixed upper bound instead of "not after today": the core reads no clock, and the same
// input must give the same output in every run.
const MAX_YEAR = 2100;

/** `1985-03-07`, optionally followed by a time (`T10:00:00Z`, ` 00:00:00`): the date part is taken as written. */
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{2}:\d{2}.*)?$/;
/** `19850307`. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** `07.03.1985`, `7.3.1985`: always day.month.year. */
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
/** `03/07/1985` or `03-07-1985`: day and month order decided by `dayAndMonth`. */
const SLASHED = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;

/**
 * Normalises a birth date to `YYYY-MM-DD`.
 *
 * Accepted: `1985-03-07` (also with a time after it), `19850307`, `07.03.1985` / `7.3.1985`
 * (day first), and `a/b/yyyy` or `a-b-yyyy`, read as day/month when `a` > 12, as US month/day
 * when `b` > 12, and otherwise as day/month (the European reading; `03/07/1985` is 3 July).
 * Two-digit years are refused (the century is a guess). Impossible dates (2023-02-30) and years
 * outside 1900–2100 give `null`.
 *
 * @param raw - the value as read from the input
 * @returns the ISO date, or `null` when the value is absent or unusable
 * @example normaliseBirthDate('7.3.1985') // '1985-03-07'
 */
export function normaliseBirthDate(raw: string): string | null {
  const text = raw.trim();
  let match = ISO.exec(text) ?? COMPACT.exec(text);
  if (match !== null) return isoDate(match[1], match[2], match[3]);
  match = DOTTED.exec(text);
  if (match !== null) return isoDate(match[3], match[2], match[1]);
  match = SLASHED.exec(text);
  if (match !== null) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const usOrder = first <= 12 && second > 12;
    return usOrder ? isoDate(match[3], match[1], match[2]) : isoDate(match[3], match[2], match[1]);
  }
  return null;
}

function isoDate(yearText: string | undefined, monthText: string | undefined, dayText: string | undefined): string | null {
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (!(year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1)) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

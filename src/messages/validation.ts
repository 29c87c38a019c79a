import { civilFromDays, daysFromCivil, isoWeekday, parseIsoDate } from "../time/index.js";

/** Epoch day of the n-th (1-based) ISO weekday `wd` of a month, or of the last one when n is -1. */
function nthWeekday(y: number, m: number, wd: number, n: number): number {
  if (n > 0) {
    const first = daysFromCivil(y, m, 1);
    return first + ((wd - isoWeekday(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = (m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1)) - 1;
  return last - ((isoWeekday(last) - wd + 7) % 7);
}

/**
 * The legal public holidays of 5 U.S.C. 6103(a) in year `y` as epoch days, each with its
 * observed day (6103(b): Saturday → the Friday before, Sunday → the Monday after) as well.
 * Counting both is the conservative reading: it never makes the assumed receipt earlier.
 * Inauguration Day is left out (it is a holiday only around Washington, D.C.).
 */
function usLegalHolidays(y: number): number[] {
  const fixed = [
    [1, 1],
    [6, 19],
    [7, 4],
    [11, 11],
    [12, 25],
  ].map(([m, d]) => daysFromCivil(y, m!, d!));
  const out: number[] = [];
  for (const day of fixed) {
    out.push(day);
    const wd = isoWeekday(day);
    if (wd === 6) out.push(day - 1);
    if (wd === 7) out.push(day + 1);
  }
  out.push(
    nthWeekday(y, 1, 1, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(y, 2, 1, 3), // Washington's Birthday
    nthWeekday(y, 5, 1, -1), // Memorial Day
    nthWeekday(y, 9, 1, 1), // Labor Day
    nthWeekday(y, 10, 1, 2), // Columbus Day
    nthWeekday(y, 11, 4, 4), // Thanksgiving Day
  );
  return out;
}

/**
 * End of the validation period of 12 CFR 1006.34(b)(5) for a notice sent on `sentDay`: the
 * consumer is assumed to receive it on the fifth day after, not counting Saturdays, Sundays
 * and legal public holidays, and the period ends 30 days after that. `holidays` (ISO dates)
 * replaces the built-in 5 U.S.C. 6103(a) list.
 *
 * @example
 * formatIsoDate(validationPeriodEnd(parseIsoDate("2026-11-23"))) // "2026-12-31" (Thanksgiving skipped)
 */
export function validationPeriodEnd(sentDay: number, holidays?: readonly string[]): number {
  const off = new Set<number>();
  if (holidays) for (const h of holidays) off.add(parseIsoDate(h));
  else {
    const y = civilFromDays(sentDay)[0];
    for (const yy of [y, y + 1]) for (const d of usLegalHolidays(yy)) off.add(d);
  }
  let day = sentDay;
  for (let counted = 0; counted < 5; ) {
    day++;
    if (isoWeekday(day) <= 5 && !off.has(day)) counted++;
  }
  return day + 30;
}

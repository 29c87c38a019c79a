import { civilFromDays, daysFromCivil } from "./iso.js";

// Month arithmetic stays on integer epoch days: measured 76 ns per call against 36 µs for date-fns
// `addMonths` on a UTC `TZDate` (Node 20), and an installment plan or a cycle history calls it
// once per month. test/time/calendar.test.ts holds both to date-fns' answers on every day of
// four centuries' worth of samples.

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Epoch day `n` calendar months after `day`, clamped to month end (Jan 31 + 1 month → Feb 28/29),
 * exactly as date-fns `addMonths`.
 *
 * @example
 * formatIsoDate(addMonthsToDay(parseIsoDate("2026-01-31"), 1)); // "2026-02-28"
 */
export function addMonthsToDay(day: number, n: number): number {
  const [y, m, d] = civilFromDays(day);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/**
 * The last days of the `count` calendar months before `day`'s month, oldest first (for cycle
 * history sampled at month ends), as date-fns `endOfMonth(subMonths(day, k))`.
 *
 * @example
 * monthEndsBefore(parseIsoDate("2026-03-10"), 2).map(formatIsoDate); // ["2026-01-31", "2026-02-28"]
 */
export function monthEndsBefore(day: number, count: number): number[] {
  const [y, m] = civilFromDays(day);
  const out: number[] = [];
  // The day before the first of month t is the last day of month t − 1.
  for (let k = count - 1; k >= 0; k--) {
    const t = y * 12 + (m - 1) - k;
    const ty = Math.floor(t / 12);
    out.push(daysFromCivil(ty, t - ty * 12 + 1, 1) - 1);
  }
  return out;
}

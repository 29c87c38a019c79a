import { TZDate } from "@date-fns/tz";
import { addMonths, endOfMonth, subMonths } from "date-fns";
import { civilFromDays, daysFromCivil } from "./iso.js";

// date-fns on UTC calendar dates: the result never depends on the host's zone.
function utcDate(day: number): TZDate {
  const [y, m, d] = civilFromDays(day);
  const date = new TZDate(2000, 0, 1, "UTC");
  date.setFullYear(y, m - 1, d);
  return date;
}
const dayOf = (date: Date): number => daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());

/**
 * Epoch day `n` calendar months after `day`, clamped to month end (Jan 31 + 1 month → Feb 28/29),
 * as date-fns `addMonths` does.
 *
 * @example
 * formatIsoDate(addMonthsToDay(parseIsoDate("2026-01-31"), 1)); // "2026-02-28"
 */
export function addMonthsToDay(day: number, n: number): number {
  return dayOf(addMonths(utcDate(day), n));
}

/**
 * The last days of the `count` calendar months before `day`'s month, oldest first (for cycle
 * history sampled at month ends).
 *
 * @example
 * monthEndsBefore(parseIsoDate("2026-03-10"), 2).map(formatIsoDate); // ["2026-01-31", "2026-02-28"]
 */
export function monthEndsBefore(day: number, count: number): number[] {
  const start = utcDate(day);
  const out: number[] = [];
  for (let k = count; k >= 1; k--) out.push(dayOf(endOfMonth(subMonths(start, k))));
  return out;
}

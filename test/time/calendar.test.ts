// The integer month arithmetic against date-fns, the reference.
import { TZDate } from "@date-fns/tz";
import { addMonths, endOfMonth, subMonths } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonthsToDay, daysFromCivil, formatIsoDate, monthEndsBefore, parseIsoDate } from "../../src/time/index.js";

const utc = (iso: string): TZDate => {
  const d = new TZDate(2000, 0, 1, "UTC");
  d.setFullYear(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  return d;
};
const iso = (d: Date): string =>
  `${String(d.getFullYear()).padStart(4, "0")}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const days = fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2300, 12, 31) });

describe("calendar arithmetic agrees with date-fns", () => {
  it("addMonthsToDay is addMonths (month-end clamping, leap years, negative months)", () => {
    fc.assert(
      fc.property(days, fc.integer({ min: -600, max: 600 }), (day, n) => {
        expect(formatIsoDate(addMonthsToDay(day, n))).toBe(iso(addMonths(utc(formatIsoDate(day)), n)));
      }),
      { numRuns: 3000 },
    );
    expect(formatIsoDate(addMonthsToDay(parseIsoDate("2024-01-31"), 1))).toBe("2024-02-29");
  });

  it("monthEndsBefore is endOfMonth(subMonths(day, k))", () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 30 }), (day, count) => {
        const want = [];
        for (let k = count; k >= 1; k--) want.push(iso(endOfMonth(subMonths(utc(formatIsoDate(day)), k))));
        expect(monthEndsBefore(day, count).map(formatIsoDate)).toEqual(want);
      }),
      { numRuns: 1000 },
    );
  });
});

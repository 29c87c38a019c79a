import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonthsToDay,
  civilFromDays,
  daysFromCivil,
  formatInstant,
  formatIsoDate,
  isValidTimeZone,
  localDay,
  localMinuteOfDay,
  parseInstant,
  parseIsoDate,
  startOfLocalDay,
  zonedWallTimeToInstant,
} from "../../src/time/index.js";

describe("time helpers", () => {
  it("parses real calendar dates only", () => {
    expect(parseIsoDate("1970-01-01")).toBe(0);
    expect(parseIsoDate("2024-02-29")).toBe(daysFromCivil(2024, 2, 29));
    expect(parseIsoDate("2025-02-29")).toBeNaN();
    expect(parseIsoDate("2026-13-01")).toBeNaN();
    expect(parseIsoDate("2026-1-1")).toBeNaN();
    expect(parseIsoDate("1900-02-29")).toBeNaN();
    expect(parseIsoDate("2000-02-29")).not.toBeNaN();
  });

  it("parses instants that carry an offset and nothing else", () => {
    expect(parseInstant("2026-11-23T09:30:00+08:00")).toBe(Date.parse("2026-11-23T01:30:00Z"));
    expect(parseInstant("2026-11-23T09:30Z")).toBe(Date.parse("2026-11-23T09:30:00Z"));
    expect(parseInstant("2026-11-23T09:30:00.123-05:00")).toBe(Date.parse("2026-11-23T14:30:00.123Z"));
    expect(parseInstant("2026-11-23T09:30:00")).toBeNaN();
    expect(parseInstant("yesterday")).toBeNaN();
    expect(parseInstant("2026-02-30T00:00:00Z")).toBeNaN();
  });

  it("adds months clamping to month end", () => {
    const jan31 = parseIsoDate("2024-01-31");
    expect(formatIsoDate(addMonthsToDay(jan31, 1))).toBe("2024-02-29");
    expect(formatIsoDate(addMonthsToDay(jan31, 2))).toBe("2024-03-31");
    expect(formatIsoDate(addMonthsToDay(parseIsoDate("2025-01-31"), 1))).toBe("2025-02-28");
    expect(formatIsoDate(addMonthsToDay(parseIsoDate("2025-11-30"), 3))).toBe("2026-02-28");
  });

  it("validates IANA zones", () => {
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("+08:00")).toBe(false);
  });

  it("finds the borrower's local day across a UTC day boundary", () => {
    const t = parseInstant("2026-11-22T23:30:00Z");
    expect(formatIsoDate(localDay(t, "Asia/Shanghai"))).toBe("2026-11-23");
    expect(formatIsoDate(localDay(t, "UTC"))).toBe("2026-11-22");
    expect(localMinuteOfDay(t, "Asia/Shanghai")).toBe(7 * 60 + 30);
  });

  it("maps wall times to instants across DST in New York", () => {
    // Spring forward 2026-03-08: 08:00 EDT = 12:00Z; the gap 02:30 becomes 03:30 EDT.
    const mar8 = parseIsoDate("2026-03-08");
    expect(new Date(zonedWallTimeToInstant(mar8, 8 * 60, "America/New_York")).toISOString()).toBe(
      "2026-03-08T12:00:00.000Z",
    );
    expect(new Date(zonedWallTimeToInstant(mar8, 150, "America/New_York")).toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    expect(new Date(startOfLocalDay(mar8, "America/New_York")).toISOString()).toBe("2026-03-08T05:00:00.000Z");
    // Fall back 2026-11-01: 01:30 happens twice, the earlier (EDT) is chosen; 08:00 is EST.
    const nov1 = parseIsoDate("2026-11-01");
    expect(new Date(zonedWallTimeToInstant(nov1, 90, "America/New_York")).toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    expect(new Date(zonedWallTimeToInstant(nov1, 8 * 60, "America/New_York")).toISOString()).toBe(
      "2026-11-01T13:00:00.000Z",
    );
  });

  it("property: civil <-> epoch day round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (d) => {
        const [y, m, dd] = civilFromDays(d);
        expect(daysFromCivil(y, m, dd)).toBe(d);
        expect(parseIsoDate(formatIsoDate(d))).toBe(y >= 0 && y <= 9999 ? d : Number.NaN);
      }),
    );
  });

  it("maps a wall time on the day before a DST change with the offset in force then", () => {
    // Lord Howe moves from +10:30 to +11:00 at 02:00 on 2025-10-05; 15:30 the day before is +10:30.
    const t = zonedWallTimeToInstant(parseIsoDate("2025-10-04"), 930, "Australia/Lord_Howe");
    expect(new Date(t).toISOString()).toBe("2025-10-04T05:00:00.000Z");
  });

  it("property: a wall time maps to an instant showing that local day", () => {
    const zones = ["America/New_York", "Europe/London", "Asia/Shanghai", "Australia/Lord_Howe", "America/Santiago"];
    fc.assert(
      fc.property(
        fc.integer({ min: parseIsoDate("2020-01-01"), max: parseIsoDate("2030-12-31") }),
        fc.integer({ min: 0, max: 1439 }),
        fc.constantFrom(...zones),
        (day, minute, zone) => {
          const t = zonedWallTimeToInstant(day, minute, zone);
          expect(localDay(t, zone)).toBe(day);
          // Only a DST gap moves the wall clock, and only forward by the gap.
          const shown = localMinuteOfDay(t, zone);
          expect(shown - minute).toBeGreaterThanOrEqual(0);
          expect(shown - minute).toBeLessThanOrEqual(60);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

// The regex-based parsers these replaced, kept as the oracle for the hand-written ones.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
function oracleInstant(s: string): number {
  const m = ISO_INSTANT.exec(s);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!];
  const sec = m[6] ? +m[6] : 0;
  if (Number.isNaN(parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`)) || h > 23 || mi > 59 || sec > 59) return Number.NaN;
  const ms = m[7] ? Math.floor(+`0.${m[7]}` * 1000) : 0;
  let off = 0;
  if (m[8] !== "Z") {
    const oh = +m[8]!.slice(1, 3),
      om = +m[8]!.slice(4, 6);
    if (oh > 18 || om > 59) return Number.NaN;
    off = (m[8]![0] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  return (daysFromCivil(y, mo, d) * 1440 + h * 60 + mi - off) * 60_000 + sec * 1000 + ms;
}

describe("hand-written ISO parsers agree with the regex oracle", () => {
  const digit = fc.constantFrom(..."0123456789");
  const chunk = fc.oneof(
    fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,10})?)?(Z|[+-]\d{2}:\d{2})$/),
    fc.string({ maxLength: 30 }),
    fc
      .tuple(fc.integer({ min: -5e12, max: 5e12 }), fc.constantFrom("Z", "+08:00", "-05:00", "+05:45", "+14:00"))
      .map(([t, off]) => {
        const sign = off === "Z" ? 0 : off[0] === "-" ? -1 : 1;
        const mins = off === "Z" ? 0 : sign * (+off.slice(1, 3) * 60 + +off.slice(4, 6));
        return new Date(t + mins * 60_000).toISOString().replace("Z", off);
      }),
  );
  it("property: parseInstant", () => {
    fc.assert(
      fc.property(chunk, (s) => {
        const a = parseInstant(s),
          b = oracleInstant(s);
        if (Number.isNaN(b)) expect(a).toBeNaN();
        else expect(a).toBe(b);
      }),
      { numRuns: 3000 },
    );
  });
  it("property: parseIsoDate", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          fc.string({ maxLength: 12 }),
          fc
            .array(digit, { minLength: 8, maxLength: 8 })
            .map((d) => `${d.slice(0, 4).join("")}-${d.slice(4, 6).join("")}-${d.slice(6).join("")}`),
        ),
        (s) => {
          const ok = ISO_DATE.test(s);
          if (!ok) expect(parseIsoDate(s)).toBeNaN();
          else {
            const [y, m, d] = s.split("-").map(Number) as [number, number, number];
            const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() && y >= 0;
            if (real && y >= 100) expect(parseIsoDate(s)).toBe(daysFromCivil(y, m, d));
            if (!real) expect(parseIsoDate(s)).toBeNaN();
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("formatInstant", () => {
  it("property: identical to Date#toISOString", () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    expect(formatInstant(0)).toBe("1970-01-01T00:00:00.000Z");
    expect(formatInstant(Date.parse("2024-02-29T23:59:59.999Z"))).toBe("2024-02-29T23:59:59.999Z");
  });
});

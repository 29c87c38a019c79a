import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clockAt, clockForAsOf, dateDay, instantMs, localDayAt, localHourAt } from "../../src/contacts/clock.js";
import { localDay, localMinuteOfDay, parseInstant, parseIsoDate } from "../../src/time/index.js";

const ZONES = [
  "Asia/Shanghai",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "America/Santiago",
  "Africa/Casablanca",
  "Pacific/Chatham",
  "UTC",
];
const FROM = Date.UTC(2024, 0, 1),
  TO = Date.UTC(2028, 0, 1);

describe("local clock", () => {
  it("property: local day and hour agree with a direct tz lookup for any instant within 95 days of asOf", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: FROM, max: TO }),
        fc.integer({ min: 0, max: 94 * 86_400_000 }),
        (zone, asOfMs, back) => {
          const c = clockAt(zone, asOfMs);
          const ms = asOfMs - back;
          expect(c.today).toBe(localDay(asOfMs, zone));
          expect(localDayAt(c, ms)).toBe(localDay(ms, zone));
          expect(localHourAt(c, ms)).toBe(Math.floor(localMinuteOfDay(ms, zone) / 60));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("finds DST changes to the minute (New York 2026-03-08 07:00Z, Lord Howe half-hour shift)", () => {
    const ny = clockAt("America/New_York", Date.UTC(2026, 2, 20));
    expect(ny.t).toContain(Date.UTC(2026, 2, 8, 7, 0));
    const change = Date.UTC(2026, 2, 8, 7, 0);
    expect(localHourAt(ny, change - 1)).toBe(1);
    expect(localHourAt(ny, change)).toBe(3);
    // Lord Howe (+10:30 / +11:00) leaves DST on the first Sunday of April at 02:00 local.
    const lh = clockAt("Australia/Lord_Howe", Date.UTC(2026, 3, 20));
    expect(lh.t.length).toBe(1);
    expect(lh.o[0]! - lh.o[1]!).toBe(30 * 60_000);
  });

  it("reads an ISO date asOf as the last millisecond of that local day", () => {
    const c = clockForAsOf("America/New_York", "2026-11-01");
    expect(c.asOfMs).toBe(Date.UTC(2026, 10, 2, 5, 0) - 1); // midnight EST = 05:00Z
    expect(c.today).toBe(parseIsoDate("2026-11-01"));
  });

  it("property: the fast instant and date parsers agree with the validating ones", () => {
    const offsets = ["Z", "+08:00", "-05:00", "+05:45", "-09:30", "+14:00"];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }),
        fc.constantFrom(...offsets),
        fc.constantFrom(0, 1, 2, 3),
        (ms, off, form) => {
          const iso = new Date(ms).toISOString(); // 2026-11-23T10:00:00.123Z
          const body = [iso.slice(0, 16), iso.slice(0, 19), iso.slice(0, 23), iso.slice(0, 19) + ".123456"][form]!;
          const s = body + off;
          expect(instantMs(s)).toBe(parseInstant(s));
          expect(dateDay(iso.slice(0, 10))).toBe(parseIsoDate(iso.slice(0, 10)));
        },
      ),
      { numRuns: 500 },
    );
  });
});

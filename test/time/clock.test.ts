import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  localDay,
  localMinuteOfDay,
  parseIsoDate,
  resolveAsOf,
  startOfLocalDay,
  ZoneClock,
  zonedWallTimeToInstant,
} from "../../src/time/index.js";

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

describe("ZoneClock (the one zone clock)", () => {
  it("property: local day, hour, day start and wall times agree with direct tz lookups within a year of asOf", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: FROM, max: TO }),
        fc.integer({ min: -370 * 86_400_000, max: 60 * 86_400_000 }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, asOfMs, delta, minute) => {
          const c = new ZoneClock(zone, asOfMs);
          const ms = asOfMs + delta;
          const day = localDay(ms, zone);
          expect(c.localDay(ms)).toBe(day);
          expect(c.hourAt(ms)).toBe(Math.floor(localMinuteOfDay(ms, zone) / 60));
          expect(c.dayStart(day)).toBe(startOfLocalDay(day, zone));
          expect(c.wall(day, minute)).toBe(zonedWallTimeToInstant(day, minute, zone));
        },
      ),
      { numRuns: 600 },
    );
  });

  it("finds DST changes to the minute (New York 2026-03-08 07:00Z, Lord Howe half-hour shift)", () => {
    const ny = new ZoneClock("America/New_York", Date.UTC(2026, 2, 20));
    const change = Date.UTC(2026, 2, 8, 7, 0);
    expect(ny.hourAt(change - 1)).toBe(1);
    expect(ny.hourAt(change)).toBe(3);
    expect(ny.offsetAt(change) - ny.offsetAt(change - 1)).toBe(3_600_000);
    // Lord Howe (+10:30 / +11:00) leaves DST on the first Sunday of April at 02:00 local.
    const lh = new ZoneClock("Australia/Lord_Howe", Date.UTC(2026, 3, 20));
    const lhChange = Date.UTC(2026, 3, 4, 15, 0);
    expect(lh.offsetAt(lhChange - 1) - lh.offsetAt(lhChange)).toBe(30 * 60_000);
  });

  it("reads an ISO date asOf as the last millisecond of that local day", () => {
    const a = resolveAsOf("2026-11-01", "America/New_York");
    expect(a.ms).toBe(Date.UTC(2026, 10, 2, 5, 0) - 1); // midnight EST = 05:00Z
    expect(a.day).toBe(parseIsoDate("2026-11-01"));
    expect(a.iso).toBe("2026-11-02T04:59:59.999Z");
  });

  it("refuses malformed or far-out asOf values with INVALID_OPTIONS naming the path", () => {
    for (const bad of ["2026-02-30", "yesterday", "0099-01-01T00:00:00Z", "9999-12-31", 42]) {
      expect(() => resolveAsOf(bad, "UTC", ["options", "asOf"])).toThrow(/options\.asOf/);
    }
  });
});

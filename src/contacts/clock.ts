import { tzOffset } from "@date-fns/tz";
import { ArrearsError } from "../errors/index.js";
import { MS_PER_DAY, parseInstant, parseIsoDate, startOfLocalDay } from "../time/index.js";

/**
 * Local-time arithmetic for one borrower zone around one evaluation instant, with as few Intl
 * calls as possible: a batch decides many accounts at one `asOf` in a handful of zones, so the
 * zone's UTC offsets over the counting window are found once (a few sampled `tzOffset` calls
 * plus a binary search per DST change) and every contact is then classified with integer
 * arithmetic. @internal
 */
export interface LocalClock {
  zone: string;
  /** The evaluation instant (epoch ms). */
  asOfMs: number;
  /** The borrower's local date of `asOf` (epoch day): "today". */
  today: number;
  /** Offset (ms) in force at `asOf`. */
  asOfOffsetMs: number;
  /** Covered range [from, to] (epoch ms) in which `t`/`o` describe every offset change. */
  from: number;
  to: number;
  /** Instants at which the offset changes, ascending; `o[i]` applies before `t[i]`, `o[t.length]` after. */
  t: number[];
  o: number[];
}

interface ZoneWindow {
  from: number;
  to: number;
  t: number[];
  o: number[];
}

// Covered: 95 days before the UTC day of asOf to 2 days after, so 90 local days always fit.
const BEFORE_DAYS = 95;
const AFTER_DAYS = 2;
// Sampling step. Two offset changes closer than this that cancel out would be missed; no zone
// in the IANA database has had such a pair since 1970 outside a few historical LMT oddities.
const STEP_MS = 7 * MS_PER_DAY;

const windows = new Map<string, ZoneWindow>();

function offMs(zone: string, ms: number): number {
  return tzOffset(zone, new Date(ms)) * 60_000;
}

function buildWindow(zone: string, utcDay: number): ZoneWindow {
  const from = (utcDay - BEFORE_DAYS) * MS_PER_DAY;
  const to = (utcDay + AFTER_DAYS) * MS_PER_DAY;
  const t: number[] = [];
  const o: number[] = [];
  let a = from;
  let oa = offMs(zone, a);
  o.push(oa);
  while (a < to) {
    const b = Math.min(a + STEP_MS, to);
    const ob = offMs(zone, b);
    if (ob !== oa) {
      // First minute showing the new offset (changes happen on whole minutes).
      let lo = a / 60_000,
        hi = b / 60_000;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offMs(zone, mid * 60_000) === oa) lo = mid;
        else hi = mid;
      }
      t.push(hi * 60_000);
      o.push(ob);
    }
    a = b;
    oa = ob;
  }
  return { from, to, t, o };
}

/** The offset window of `zone` around the UTC day of `ms` (memoised; pure). @internal */
function zoneWindow(zone: string, ms: number): ZoneWindow {
  const utcDay = Math.floor(ms / MS_PER_DAY);
  const key = zone + "|" + utcDay;
  let w = windows.get(key);
  if (w === undefined) {
    w = buildWindow(zone, utcDay);
    if (windows.size >= 256) windows.clear();
    windows.set(key, w);
  }
  return w;
}

/** UTC offset (ms) of the clock's zone at `ms`. @internal */
export function offsetAt(c: LocalClock, ms: number): number {
  if (ms < c.from || ms > c.to) return offMs(c.zone, ms);
  const t = c.t;
  let i = 0;
  while (i < t.length && ms >= t[i]!) i++;
  return c.o[i]!;
}

/** The borrower's local date (epoch day) of instant `ms`. @internal */
export function localDayAt(c: LocalClock, ms: number): number {
  return Math.floor((ms + offsetAt(c, ms)) / MS_PER_DAY);
}

/** Local wall-clock hour (0–23) of instant `ms`. @internal */
export function localHourAt(c: LocalClock, ms: number): number {
  const local = ms + offsetAt(c, ms);
  return Math.floor((local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY) / 3_600_000);
}

/**
 * A clock for `zone` at `asOfMs`. @internal
 */
export function clockAt(zone: string, asOfMs: number): LocalClock {
  const w = zoneWindow(zone, asOfMs);
  const c: LocalClock = { zone, asOfMs, today: 0, asOfOffsetMs: 0, from: w.from, to: w.to, t: w.t, o: w.o };
  c.asOfOffsetMs = offsetAt(c, asOfMs);
  c.today = Math.floor((asOfMs + c.asOfOffsetMs) / MS_PER_DAY);
  return c;
}

// Last clock per zone: a batch asks for the same (zone, asOf) over and over.
const lastClock = new Map<string, { asOf: string; clock: LocalClock }>();

/**
 * The clock for an `asOf` option: an ISO instant with offset, or an ISO date meaning the end
 * of that local day (the last millisecond before the next local midnight), so every contact
 * of that day counts. Throws `INVALID_OPTIONS` for anything else. @internal
 */
export function clockForAsOf(zone: string, asOf: unknown, path: (string | number)[] = ["asOf"]): LocalClock {
  if (typeof asOf !== "string") throw badAsOf(asOf, path);
  const hit = lastClock.get(zone);
  if (hit !== undefined && hit.asOf === asOf) return hit.clock;
  let ms: number;
  if (asOf.length === 10) {
    const day = parseIsoDate(asOf);
    if (Number.isNaN(day)) throw badAsOf(asOf, path);
    ms = startOfLocalDay(day + 1, zone) - 1;
  } else {
    ms = parseInstant(asOf);
    if (Number.isNaN(ms)) throw badAsOf(asOf, path);
  }
  const c = clockAt(zone, ms);
  if (lastClock.size >= 256) lastClock.clear();
  lastClock.set(zone, { asOf, clock: c });
  return c;
}

function badAsOf(asOf: unknown, path: (string | number)[]): ArrearsError {
  return new ArrearsError(
    "INVALID_OPTIONS",
    [
      {
        path,
        message: "expected an ISO instant with offset (2026-11-23T09:30:00+08:00) or an ISO date (2026-11-23)",
        received: asOf,
      },
    ],
    "options",
  );
}

// Validated instants and dates parse through the time module (character codes, no regex).
export { parseInstant as instantMs, parseIsoDate as dateDay } from "../time/index.js";

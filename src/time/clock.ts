import { tzOffset } from "@date-fns/tz";
import { ArrearsError } from "../errors/index.js";
import { BoundedCache } from "../util/index.js";
import { formatInstant, MS_PER_DAY, parseInstant, parseIsoDate } from "./iso.js";

/**
 * The one zone clock: local days, wall times and UTC offsets of one IANA zone around one
 * evaluation instant. A batch decides many accounts at one `asOf` in a handful of zones, and an
 * Intl offset lookup costs 1–2 µs, so each clock samples its zone's offsets once over a window
 * (a weekly sample plus a binary search per DST change) and answers every later question with
 * integer arithmetic. Outside the window it asks Intl directly (correct, only slower).
 */
export class ZoneClock {
  /** Covered range [from, to] (epoch ms) in which `t`/`o` describe every offset change. */
  private readonly from: number;
  private readonly to: number;
  /** Instants of offset changes, ascending; `o[i]` (ms) applies before `t[i]`, the last after. */
  private readonly t: number[] = [];
  private readonly o: number[] = [];

  /** The UTC day the clock was prepared around. */
  readonly utcDay: number;

  constructor(
    readonly zone: string,
    aroundMs: number,
  ) {
    const utcDay = Math.floor(aroundMs / MS_PER_DAY);
    this.utcDay = utcDay;
    this.from = (utcDay - BEFORE_DAYS) * MS_PER_DAY;
    this.to = (utcDay + AFTER_DAYS) * MS_PER_DAY;
    let a = this.from;
    let oa = intlOffsetMs(zone, a);
    this.o.push(oa);
    while (a < this.to) {
      const b = Math.min(a + STEP_MS, this.to);
      const ob = intlOffsetMs(zone, b);
      if (ob !== oa) {
        // First minute showing the new offset (changes happen on whole minutes).
        let lo = a / 60_000,
          hi = b / 60_000;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (intlOffsetMs(zone, mid * 60_000) === oa) lo = mid;
          else hi = mid;
        }
        this.t.push(hi * 60_000);
        this.o.push(ob);
      }
      a = b;
      oa = ob;
    }
  }

  /** UTC offset (ms) of the zone at instant `ms`. */
  offsetAt(ms: number): number {
    if (ms < this.from || ms > this.to) return intlOffsetMs(this.zone, ms);
    const t = this.t;
    let i = 0;
    while (i < t.length && ms >= t[i]!) i++;
    return this.o[i]!;
  }

  /** The local calendar day (epoch day) of instant `ms`. */
  localDay(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms)) / MS_PER_DAY);
  }

  /** Local wall-clock milliseconds since local midnight at instant `ms`. */
  msOfDay(ms: number): number {
    const local = ms + this.offsetAt(ms);
    return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
  }

  /** Local hour (0–23) at instant `ms`. */
  hourAt(ms: number): number {
    return Math.floor(this.msOfDay(ms) / 3_600_000);
  }

  /**
   * The instant at which the local wall clock reads `minuteOfDay` on local `day`. DST-safe: a
   * wall time that does not exist (spring-forward gap) is shifted forward by the gap's length
   * (02:30 → 03:30, like Temporal's "compatible"); an ambiguous one (fall-back) resolves to the
   * earlier instant.
   */
  wall(day: number, minuteOfDay: number): number {
    return wallToInstant(day, minuteOfDay, (ms) => this.offsetAt(ms));
  }

  /** The instant local day `day` starts. */
  dayStart(day: number): number {
    return this.wall(day, 0);
  }
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

// Covered: about a year back (guardrail periods reach 366 local days, contact counts 90) and
// 40 days ahead (the guardrails look for the next lawful instant).
const BEFORE_DAYS = 372;
const AFTER_DAYS = 40;
// Sampling step. Two offset changes closer than this that cancel out would be missed; no zone
// in the IANA database has had such a pair since 1970 outside a few historical LMT oddities.
const STEP_MS = 7 * MS_PER_DAY;

function intlOffsetMs(zone: string, ms: number): number {
  return tzOffset(zone, new Date(ms)) * 60_000;
}

/** @internal The wall-time → instant search over any offset function (ms → offset ms). */
export function wallToInstant(day: number, minuteOfDay: number, offsetAt: (ms: number) => number): number {
  const wall = day * MS_PER_DAY + minuteOfDay * 60_000;
  // An instant is a true reading of the wall time when the zone's offset there is the offset
  // it was computed with. Try the offset at `wall` and the offset at that first guess.
  const o1 = offsetAt(wall);
  const t1 = wall - o1;
  const o2 = offsetAt(t1);
  const t2 = wall - o2;
  const v1 = o2 === o1;
  const v2 = offsetAt(t2) === o2;
  // Both true: ambiguous (fall-back), take the earlier. Neither: a gap, shift forward.
  let t = v1 && v2 ? Math.min(t1, t2) : v1 ? t1 : v2 ? t2 : Math.max(t1, t2);
  if (v1) {
    // The other reading of a fall-back hour uses the offset from before the change.
    const oe = offsetAt(t1 - 3_600_000);
    if (oe !== o1) {
      const te = wall - oe;
      if (te < t && offsetAt(te) === oe) t = te;
    }
  }
  return t;
}

const clocks = new BoundedCache<ZoneClock>(256, 80);
// The last clock per zone: a batch asks for the same zone and day for every account.
const lastClock = new BoundedCache<ZoneClock>(256, 80);

/**
 * The clock of `zone` around instant `aroundMs` (shared: one per zone and UTC day). `zone` must be
 * a valid IANA zone (validated accounts and profiles guarantee it).
 */
export function zoneClock(zone: string, aroundMs: number): ZoneClock {
  const utcDay = Math.floor(aroundMs / MS_PER_DAY);
  const last = lastClock.get(zone);
  if (last !== undefined && last.utcDay === utcDay) return last;
  const key = zone + "|" + utcDay;
  const clock = clocks.get(key) ?? clocks.set(key, new ZoneClock(zone, aroundMs));
  return lastClock.set(zone, clock);
}

/** An evaluation time resolved in a borrower's zone (see {@link resolveAsOf}). */
export interface AsOf {
  /** The instant (epoch ms). */
  readonly ms: number;
  /** The borrower's local date of it (epoch day): "today". */
  readonly day: number;
  /** The instant as ISO UTC (`2026-11-23T02:00:00.000Z`). */
  readonly iso: string;
  /** The zone's offset (ms) at the instant. */
  readonly offsetMs: number;
  readonly clock: ZoneClock;
}

// A batch evaluates one asOf across many accounts in a few zones: remember the last per zone.
const lastAsOf = new BoundedCache<{ asOf: string; value: AsOf }>(256, 80);

/**
 * The one meaning of an `asOf` option, in every stage: an ISO instant with offset is that
 * instant; a plain ISO date (`2026-11-23`) is the END of that local day in `zone` (its last
 * millisecond), so every contact and payment of that day counts and "today" is that date.
 *
 * @throws {ArrearsError} `INVALID_OPTIONS` naming `path` for anything else.
 *
 * @example
 * resolveAsOf("2026-11-23", "Asia/Shanghai").iso; // "2026-11-23T15:59:59.999Z"
 */
export function resolveAsOf(asOf: unknown, zone: string, path: readonly (string | number)[] = ["asOf"]): AsOf {
  if (typeof asOf !== "string" || asOf.length > 40) throw badAsOf(asOf, path);
  const hit = lastAsOf.get(zone);
  if (hit !== undefined && hit.asOf === asOf) return hit.value;
  let ms: number;
  let clock: ZoneClock;
  if (asOf.length === 10) {
    const day = parseIsoDate(asOf);
    if (Number.isNaN(day)) throw badAsOf(asOf, path);
    clock = zoneClock(zone, day * MS_PER_DAY);
    ms = clock.dayStart(day + 1) - 1;
  } else {
    ms = parseInstant(asOf);
    if (Number.isNaN(ms)) throw badAsOf(asOf, path);
    clock = zoneClock(zone, ms);
  }
  if (ms < MIN_MS || ms > MAX_MS) throw badAsOf(asOf, path, "expected a date between 1900-01-01 and 9899-12-31");
  const offsetMs = clock.offsetAt(ms);
  const value: AsOf = { ms, day: Math.floor((ms + offsetMs) / MS_PER_DAY), iso: formatInstant(ms), offsetMs, clock };
  lastAsOf.set(zone, { asOf, value });
  return value;
}

// Evaluation times far outside any loan's life are refused up front: deadlines and schedules
// computed from them must still be writable as ISO dates (years 0000–9999).
const MIN_MS = Date.UTC(1900, 0, 1);
const MAX_MS = Date.UTC(9899, 11, 31, 23, 59, 59, 999);

function badAsOf(asOf: unknown, path: readonly (string | number)[], message?: string): ArrearsError {
  return new ArrearsError(
    "INVALID_OPTIONS",
    [
      {
        path: [...path],
        message:
          message ?? "expected an ISO instant with offset (2026-11-23T09:30:00+08:00) or an ISO date (2026-11-23)",
        received: asOf,
      },
    ],
    "options",
  );
}

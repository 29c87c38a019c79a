import { formatInstant, MS_PER_DAY, zonedWallTimeToInstant, zoneOffsetMinutes } from "../time/index.js";

/**
 * Memoised zone arithmetic for the guardrail hot path. An Intl/tzOffset call costs 1–2 µs; a
 * portfolio run evaluates the same few local-day boundaries for every account in a zone, so the
 * results are cached per zone (pure functions of their arguments: caching cannot change them).
 */
interface ZoneCache {
  offsets: Map<number, number>;
  walls: Map<number, number>;
}

const MAX_ENTRIES = 8192;
const zones = new Map<string, ZoneCache>();

function zoneCache(zone: string): ZoneCache {
  let c = zones.get(zone);
  if (!c) {
    if (zones.size > 512) zones.clear();
    c = { offsets: new Map(), walls: new Map() };
    zones.set(zone, c);
  }
  return c;
}

/** @internal Per-zone clock with cached offsets and local-day boundaries. */
export class ZoneClock {
  private readonly c: ZoneCache;
  constructor(readonly zone: string) {
    this.c = zoneCache(zone);
  }

  /** UTC offset in ms at instant `ms`. */
  offsetMs(ms: number): number {
    let o = this.c.offsets.get(ms);
    if (o === undefined) {
      o = zoneOffsetMinutes(this.zone, ms) * 60_000;
      if (this.c.offsets.size >= MAX_ENTRIES) this.c.offsets.clear();
      this.c.offsets.set(ms, o);
    }
    return o;
  }

  /** The instant the local wall clock reads `minute` on local `day` (DST-safe, see `zonedWallTimeToInstant`). */
  wall(day: number, minute: number): number {
    const key = day * 1441 + minute;
    let t = this.c.walls.get(key);
    if (t === undefined) {
      t = zonedWallTimeToInstant(day, minute, this.zone);
      if (this.c.walls.size >= MAX_ENTRIES) this.c.walls.clear();
      this.c.walls.set(key, t);
    }
    return t;
  }

  /** Start of local day `day`. */
  dayStart(day: number): number {
    return this.wall(day, 0);
  }

  /** Local day of `ms`, found from cached day starts around a guess (no Intl call on a cache hit). */
  localDay(ms: number, guessOffsetMs: number): number {
    let d = Math.floor((ms + guessOffsetMs) / MS_PER_DAY);
    while (this.dayStart(d) > ms) d--;
    while (this.dayStart(d + 1) <= ms) d++;
    return d;
  }
}

/** @internal ISO UTC string of epoch ms (the time module's allocation-free formatter). */
export const isoUtc = formatInstant;

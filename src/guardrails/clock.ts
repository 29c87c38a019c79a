import { MS_PER_DAY, daysFromCivil, parseInstant, zoneOffsetMinutes, zonedWallTimeToInstant } from "../time/index.js";

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

const d2 = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/**
 * @internal Epoch ms of an ISO instant already validated by the account schema. A hand-rolled
 * reader of the common shapes (4× faster than the regex); anything unusual goes to `parseInstant`.
 */
export function fastInstant(s: string): number {
  const n = s.length;
  if (n < 17 || s.charCodeAt(10) !== 84 /* T */) return parseInstant(s);
  const y = d2(s, 0) * 100 + d2(s, 2), mo = d2(s, 5), d = d2(s, 8), h = d2(s, 11), mi = d2(s, 14);
  let i = 16, sec = 0, ms = 0;
  if (s.charCodeAt(i) === 58 /* : */) {
    sec = d2(s, i + 1);
    i += 3;
    if (s.charCodeAt(i) === 46 /* . */) {
      i++;
      let scale = 100;
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57) break;
        ms += (c - 48) * scale;
        scale /= 10;
        i++;
      }
      ms = Math.floor(ms);
    }
  }
  let off = 0;
  const z = s.charCodeAt(i);
  if (z === 90 /* Z */ && i === n - 1) off = 0;
  else if ((z === 43 || z === 45) && i === n - 6) off = (z === 45 ? -1 : 1) * (d2(s, i + 1) * 60 + d2(s, i + 4));
  else return parseInstant(s);
  const v = (daysFromCivil(y, mo, d) * 1440 + h * 60 + mi - off) * 60_000 + sec * 1000 + ms;
  return Number.isFinite(v) ? v : parseInstant(s);
}

import { tzOffset } from "@date-fns/tz";
import { BoundedCache } from "../util/index.js";
import { wallToInstant } from "./clock.js";
import { MS_PER_DAY } from "./iso.js";

// IANA names are short ("America/Argentina/ComodRivadavia" is 32): anything longer is not one,
// and is never remembered.
const MAX_ZONE_LENGTH = 64;
const zoneValidity = new BoundedCache<boolean>(1024, MAX_ZONE_LENGTH);

/** True for a time zone the runtime's IANA database knows (`Asia/Shanghai`, `UTC`). Offsets are not zones. */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > MAX_ZONE_LENGTH) return false;
  let ok = zoneValidity.get(zone);
  if (ok === undefined) {
    if (/^[+-]\d/.test(zone)) ok = false;
    else {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        ok = true;
      } catch {
        ok = false;
      }
    }
    zoneValidity.set(zone, ok);
  }
  return ok;
}

/** UTC offset in minutes of `zone` at the instant `ms` (Shanghai → 480). */
function zoneOffsetMinutes(zone: string, ms: number): number {
  return tzOffset(zone, new Date(ms));
}

/** The borrower's local calendar day (epoch day) at instant `ms`. */
export function localDay(ms: number, zone: string): number {
  return Math.floor((ms + zoneOffsetMinutes(zone, ms) * 60_000) / MS_PER_DAY);
}

/** Local wall-clock minutes since local midnight at instant `ms`. */
export function localMinuteOfDay(ms: number, zone: string): number {
  const local = ms + zoneOffsetMinutes(zone, ms) * 60_000;
  return Math.floor((local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY) / 60_000);
}

/** The instant at which the local wall clock in `zone` reads `minuteOfDay` on local `day` (see `ZoneClock.wall`). */
export function zonedWallTimeToInstant(day: number, minuteOfDay: number, zone: string): number {
  return wallToInstant(day, minuteOfDay, (ms) => zoneOffsetMinutes(zone, ms) * 60_000);
}

/** The instant the local day `day` starts in `zone`. */
export function startOfLocalDay(day: number, zone: string): number {
  return zonedWallTimeToInstant(day, 0, zone);
}

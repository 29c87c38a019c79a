import type { PreparedContactCheck } from "../guardrails/check.js";
import { CHANNELS, type Channel, CONTACT_TRAIT, type PreparedAccount } from "../model/index.js";
import type { ZoneClock } from "../time/index.js";

/**
 * What a portfolio knows about when borrowers answer: right-party contact rate by the
 * borrower's local hour (24 numbers, 0–1), and how many attempts of an account's own history it
 * is worth (the shrinkage strength). An account's own record moves the estimate away from it
 * as its attempts outnumber `strength`.
 */
export interface ContactTimePrior {
  hourly: readonly number[];
  /** Pseudo-attempts the prior counts for (default 10). */
  strength?: number | undefined;
}

const CALL = CHANNELS.indexOf("call");
const SMS = CHANNELS.indexOf("sms");
const HOUR = 3_600_000;
// Look this far past earliestAt: a better hour tomorrow is worth waiting for, next week is not.
const HORIZON_HOURS = 24;
// A later hour must beat the earliest lawful one by this margin (absolute rate) to be suggested.
const MARGIN = 0.05;

/**
 * The best lawful instant for a call or SMS at or after `earliestMs`, within a day: the local
 * hour with the highest right-party rate, estimated from the account's own attempts and right-
 * party contacts by local hour, shrunk toward the prior (a flat one when none is given). Only an
 * hour that beats the earliest by a margin moves the contact; ties go to the earliest. @internal
 */
export function suggestContactTime(
  p: PreparedAccount,
  clock: ZoneClock,
  asOfMs: number,
  channel: Channel,
  earliestMs: number,
  check: PreparedContactCheck,
  spec: { purpose?: string | undefined; party?: "borrower" | "emergency_contact" | "third_party" },
  prior: ContactTimePrior | undefined,
): number {
  const ch = CHANNELS.indexOf(channel);
  if (ch !== CALL && ch !== SMS) return earliestMs;
  // Plain arrays: a Float64Array of 24 is an off-heap ArrayBuffer per call.
  const attempts = new Array<number>(24).fill(0);
  const rpc = new Array<number>(24).fill(0);
  const c = p.contacts;
  let total = 0;
  let totalRpc = 0;
  for (let i = 0; i < c.length && c.ms[i]! <= asOfMs; i++) {
    const t = c.traits[i]!;
    const isRpc = (t & CONTACT_TRAIT.RPC) !== 0;
    // Outbound attempts on phone channels, and any conversation (an inbound call shows presence).
    if (!(isRpc || (c.inbound[i] === 0 && (c.channel[i] === CALL || c.channel[i] === SMS)))) continue;
    const h = clock.hourAt(c.ms[i]!);
    attempts[h]!++;
    total++;
    if (isRpc) {
      rpc[h]!++;
      totalRpc++;
    }
  }
  if (total === 0 && prior === undefined) return earliestMs;
  const s = prior?.strength ?? 10;
  const flat = total === 0 ? 0 : totalRpc / total;
  const rate = (h: number): number => {
    const q = prior === undefined ? flat : prior.hourly[h]!;
    return (rpc[h]! + s * q) / (attempts[h]! + s);
  };

  const base = rate(clock.hourAt(earliestMs));
  // Candidate instants: the start of each local hour after earliestAt, within the horizon.
  const candidates: { ms: number; r: number }[] = [];
  const firstHour = Math.floor((earliestMs + clock.offsetAt(earliestMs)) / HOUR) + 1;
  for (let k = 0; k < HORIZON_HOURS; k++) {
    const wallHour = firstHour + k;
    const day = Math.floor(wallHour / 24);
    const ms = clock.wall(day, (wallHour - day * 24) * 60);
    if (ms <= earliestMs) continue;
    const r = rate(clock.hourAt(ms));
    if (r > base + MARGIN) candidates.push({ ms, r });
  }
  candidates.sort((a, b) => b.r - a.r || a.ms - b.ms);
  // The best that is lawful (a window, cap or rest day may rule some out).
  for (const cand of candidates.slice(0, 8)) if (check(channel, cand.ms, spec).allowed) return cand.ms;
  return earliestMs;
}

import { CHANNELS, CONTACT_TRAIT, type PreparedAccount } from "../model/index.js";
import { type AsOf, addMonthsToDay, formatIsoDate } from "../time/index.js";
import { covers } from "./jurisdiction.js";
import type { GuardrailProfile } from "./load.js";

/** Where an account stands against the limitation period of its jurisdiction. */
export interface LimitationStatus {
  /** The period has run: no suit, and no threat of suit (12 CFR 1006.26(b)). */
  timeBarred: boolean;
  /** Days until it runs (≤ 0 once it has). */
  endsInDays: number;
  /** The last day of the period (ISO date). */
  endsOn: string;
  /** The rule applied, as `profile:rule`, and its source. */
  rule: string;
  source: string;
  /** What the period counts from: `default` (the oldest unpaid due), `payment`, `acknowledgment` or `demand`. */
  countedFrom: "default" | "payment" | "acknowledgment" | "demand";
}

const LETTER = CHANNELS.indexOf("letter");

/**
 * The limitation period that applies to an account in `jurisdiction` under `profiles`: the most
 * specific rule (a `US-NY` rule over a `US` one; the shortest among equals), counted from the
 * default (the oldest unpaid due date, or `today - dpd` for a snapshot) and restarted by the
 * events that rule says restart it, as known at `asOf`. `null` when the account is not in
 * arrears, has no jurisdiction, or no profile sets a period for it. @internal
 */
export function limitationStatus(
  profiles: readonly GuardrailProfile[],
  p: PreparedAccount,
  asOf: AsOf,
  jurisdiction: string | undefined,
  dpd: number,
): LimitationStatus | null {
  if (jurisdiction === undefined || dpd <= 0) return null;
  let best: { profile: GuardrailProfile; rule: GuardrailProfile["json"]["limitation"][number]; rank: number } | null =
    null;
  for (let i = 0; i < profiles.length; i++) {
    const profile = profiles[i]!;
    const rules = profile.json.limitation;
    for (let j = 0; j < rules.length; j++) {
      const rule = rules[j]!;
      const where = rule.jurisdictions ?? profile.json.jurisdictions;
      if (!covers(where, jurisdiction)) continue;
      const rank = where.includes(jurisdiction) ? 2 : 1;
      if (best === null || rank > best.rank || (rank === best.rank && rule.years < best.rule.years))
        best = { profile, rule, rank };
    }
  }
  if (best === null) return null;
  const { rule } = best;
  const T = asOf.day;
  const months = rule.years * 12;
  // Every event that may restart the period, in time order: one restarts it only while the
  // period is still running (a right once barred is not revived: Limitation Act 1980 s.29(7),
  // CPLR 214-i; PRC Civil Code art. 195 interrupts a running period).
  const restarts: { day: number; why: LimitationStatus["countedFrom"] }[] = [];
  if (rule.restartedByPayment) {
    const pd = p.payments.day;
    for (let j = 0; j < pd.length; j++)
      if (pd[j]! <= T && p.payments.amount[j]! > 0) restarts.push({ day: pd[j]!, why: "payment" });
  }
  if (rule.restartedByAcknowledgment)
    for (const e of p.events)
      if (e.event.type === "debt_acknowledged" && e.day <= T) restarts.push({ day: e.day, why: "acknowledgment" });
  if (rule.restartedByDemand) {
    // A demand reaches the borrower: a conversation, or a letter that was not returned.
    const c = p.contacts;
    for (let i = 0; i < c.length && c.ms[i]! <= asOf.ms; i++) {
      const t = c.traits[i]!;
      if (c.inbound[i] === 1 || t & CONTACT_TRAIT.INVALID) continue;
      if (t & CONTACT_TRAIT.RPC || c.channel[i] === LETTER)
        restarts.push({ day: asOf.clock.localDay(c.ms[i]!), why: "demand" });
    }
  }
  restarts.sort((a, b) => a.day - b.day);
  let start = T - dpd + 1;
  let countedFrom: LimitationStatus["countedFrom"] = "default";
  let endsOn = addMonthsToDay(start, months) - 1;
  for (const r of restarts)
    if (r.day > start && r.day <= endsOn) {
      start = r.day;
      countedFrom = r.why;
      endsOn = addMonthsToDay(start, months) - 1;
    }
  return {
    timeBarred: T > endsOn,
    endsInDays: endsOn - T,
    endsOn: formatIsoDate(endsOn),
    rule: `${best.profile.id}:${rule.id}`,
    source: rule.source,
    countedFrom,
  };
}

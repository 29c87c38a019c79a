import { type Account, CONTACT_OUTCOMES, type EventType, prepareAccount } from "../model/index.js";
import { type AsOf, parseIsoDate } from "../time/index.js";

/**
 * Borrower statuses that hold or change collection, each with a lifecycle on record: opened by
 * a flag, a dated event or a contact outcome, and closed by a dated event or a date that law or
 * the event itself gives, never by an assumption. In precedence order (the first active one is
 * the decision's `holdReason`); `vulnerable` is a status but not a hold.
 */
export const HOLD_STATUSES = [
  "deceased",
  "bankruptcyDischarged",
  "bankrupt",
  "legalHold",
  "capacityConcern",
  "breathingSpace",
  "mentalHealthMoratorium",
  "disputed",
  "attorneyRepresented",
  "placedWithAgency",
  "ceaseContact",
  "complaintOpen",
] as const;
/** Every status a guardrail rule or a fact can name: the holds and `vulnerable`. */
export const BORROWER_STATUSES = [...HOLD_STATUSES, "vulnerable"] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];
export type BorrowerStatus = (typeof BORROWER_STATUSES)[number];

/** The numbers of the hold lifecycles that come from law (a guardrail profile may set them). */
export interface HoldLifecycle {
  /** Days a standard breathing space lasts when no end date is on record (SI 2020/1311: 60). */
  breathingSpaceDays: number;
  /** Days a mental-health crisis moratorium continues after the treatment ends (SI 2020/1311: 30). */
  mentalHealthDaysAfterTreatment: number;
}

/** The lifecycle numbers of the Debt Respite Scheme (England and Wales). */
export const DEFAULT_HOLD_LIFECYCLE: Readonly<HoldLifecycle> = Object.freeze({
  breathingSpaceDays: 60,
  mentalHealthDaysAfterTreatment: 30,
});

/** One period during which a status held, as known at the evaluation date. */
export interface StatusPeriod {
  status: BorrowerStatus;
  /** First local day (epoch day); -Infinity when only a current flag says so. */
  from: number;
  /** Last local day it holds (inclusive); Infinity while waiting for an event that ends it. */
  to: number;
  /** What opened it: `flag:ceaseContact`, `event:dispute_received`, `contact:dispute`. */
  openedBy: string;
  /** What ends it, for the decision to show: an event type, a date, or clearing the flag. */
  endsWith: string;
}

// What opens and what closes each status, event by event.
const OPENS: Partial<Record<EventType, BorrowerStatus>> = {
  dispute_received: "disputed",
  cease_requested: "ceaseContact",
  complaint_opened: "complaintOpen",
  bankruptcy_filed: "bankrupt",
  bankruptcy_discharged: "bankruptcyDischarged",
  deceased_reported: "deceased",
  attorney_retained: "attorneyRepresented",
  vulnerability_reported: "vulnerable",
  capacity_concern_raised: "capacityConcern",
  agency_placed: "placedWithAgency",
};
const CLOSES: Partial<Record<EventType, readonly BorrowerStatus[]>> = {
  verification_sent: ["disputed"],
  dispute_withdrawn: ["disputed"],
  cease_withdrawn: ["ceaseContact"],
  complaint_resolved: ["complaintOpen"],
  bankruptcy_discharged: ["bankrupt"],
  bankruptcy_dismissed: ["bankrupt"],
  attorney_withdrawn: ["attorneyRepresented"],
  attorney_consented: ["attorneyRepresented"],
  vulnerability_cleared: ["vulnerable"],
  capacity_confirmed: ["capacityConcern"],
  agency_recalled: ["placedWithAgency"],
  breathing_space_ended: ["breathingSpace", "mentalHealthMoratorium"],
};
const ENDS_WITH: Record<BorrowerStatus, string> = {
  deceased: "never (the estate is handled outside collection)",
  bankruptcyDischarged: "never (a discharged debt is not collectible)",
  bankrupt: "bankruptcy_discharged or bankruptcy_dismissed",
  legalHold: "the lender clearing the legalHold flag",
  capacityConcern: "capacity_confirmed",
  breathingSpace: "its end date (notice or 60 days) or breathing_space_ended",
  mentalHealthMoratorium: "mental_health_treatment_ended + 30 days, or breathing_space_ended",
  disputed: "verification_sent or dispute_withdrawn",
  attorneyRepresented: "attorney_withdrawn or attorney_consented",
  placedWithAgency: "agency_recalled",
  ceaseContact: "cease_withdrawn",
  complaintOpen: "complaint_resolved",
  vulnerable: "vulnerability_cleared",
};

const FLAG_STATUSES = [
  "disputed",
  "bankrupt",
  "deceased",
  "ceaseContact",
  "vulnerable",
  "complaintOpen",
  "legalHold",
] as const;
const DISPUTE_INDEX = CONTACT_OUTCOMES.indexOf("dispute");

/**
 * Every status period of an account known at `asOf` (events and contacts after it are not yet
 * known). The one computation behind the hold facts, the guardrails' holds and the decision's
 * `holds`. Conventions: an event on day D takes effect that day; a closing event on day D ends
 * the period at the end of D (contact resumes on D + 1). A dispute contact opens a dispute
 * that lasts until verification is sent or the dispute withdrawn: it never lapses on its own.
 * @internal
 */
export function statusPeriods(
  account: Account,
  asOf: AsOf,
  lifecycle: HoldLifecycle = DEFAULT_HOLD_LIFECYCLE,
): readonly StatusPeriod[] {
  const p = prepareAccount(account);
  if (!p.holdSignals) return NO_PERIODS;
  const out: StatusPeriod[] = [];
  const open = new Map<BorrowerStatus, StatusPeriod>();
  const start = (status: BorrowerStatus, day: number, openedBy: string, to = Number.POSITIVE_INFINITY): void => {
    if (open.has(status)) return; // already running: the earlier start stands
    const period: StatusPeriod = { status, from: day, to, openedBy, endsWith: ENDS_WITH[status] };
    open.set(status, period);
    out.push(period);
  };
  const end = (status: BorrowerStatus, day: number): void => {
    const period = open.get(status);
    if (period === undefined) return;
    if (day < period.to) period.to = day;
    open.delete(status);
  };

  // Dispute contacts and events, merged in time order (contacts first on the same day).
  const c = p.contacts;
  const disputeDays: number[] = [];
  for (let i = 0; i < c.length && c.ms[i]! <= asOf.ms; i++)
    if (c.outcome[i] === DISPUTE_INDEX) disputeDays.push(asOf.clock.localDay(c.ms[i]!));
  let di = 0;
  for (const { day, event } of p.events) {
    if (day > asOf.day) break;
    while (di < disputeDays.length && disputeDays[di]! <= day) start("disputed", disputeDays[di++]!, "contact:dispute");
    const t = event.type;
    // A breathing space whose end is on record or given by law is a closed period from the start.
    if (t === "breathing_space_started") {
      if (event.kind === "mental_health") start("mentalHealthMoratorium", day, `event:${t}`);
      else
        start(
          "breathingSpace",
          day,
          `event:${t}`,
          event.until !== undefined ? parseIsoDate(event.until) : day + lifecycle.breathingSpaceDays - 1,
        );
      continue;
    }
    if (t === "mental_health_treatment_ended") {
      const period = open.get("mentalHealthMoratorium");
      if (period !== undefined) period.to = Math.min(period.to, day + lifecycle.mentalHealthDaysAfterTreatment);
      continue;
    }
    for (const s of CLOSES[t] ?? []) end(s, day);
    const opens = OPENS[t];
    if (opens !== undefined) start(opens, day, `event:${t}`);
  }
  while (di < disputeDays.length) start("disputed", disputeDays[di++]!, "contact:dispute");
  // A period whose fixed end has passed is closed.
  for (const [s, period] of open) if (period.to < asOf.day) open.delete(s);

  // Flags are the lender's current state: they hold now, start and end not on record.
  const flags = account.borrower.flags;
  for (const f of FLAG_STATUSES)
    if (flags[f] && !open.has(f))
      out.push({
        status: f,
        from: Number.NEGATIVE_INFINITY,
        to: Number.POSITIVE_INFINITY,
        openedBy: `flag:${f}`,
        endsWith: `the lender clearing the ${f} flag`,
      });
  if (flags.breathingSpaceFrom !== undefined || flags.breathingSpaceUntil !== undefined) {
    const from =
      flags.breathingSpaceFrom === undefined ? Number.NEGATIVE_INFINITY : parseIsoDate(flags.breathingSpaceFrom);
    const to =
      flags.breathingSpaceUntil !== undefined
        ? parseIsoDate(flags.breathingSpaceUntil)
        : from + lifecycle.breathingSpaceDays - 1;
    out.push({
      status: "breathingSpace",
      from,
      to,
      openedBy: "flag:breathingSpaceFrom",
      endsWith: ENDS_WITH.breathingSpace,
    });
  }
  return out;
}

const NO_PERIODS: readonly StatusPeriod[] = Object.freeze([]);

/** Whether `status` holds on local day `day` in these periods. @internal */
export function holdsOn(periods: readonly StatusPeriod[], status: BorrowerStatus, day: number): boolean {
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i]!;
    if (p.status === status && p.from <= day && day <= p.to) return true;
  }
  return false;
}

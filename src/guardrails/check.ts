import * as z from "zod";
import { ArrearsError, readInput } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import { type BorrowerStatus, type StatusPeriod, statusPeriods } from "../holds/index.js";
import {
  type Account,
  CHANNELS,
  type Channel,
  ChannelSchema,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  type ContactPurpose,
  ContactPurposeSchema,
  InstantSchema,
  IsoDateSchema,
  isParsedAccount,
  PARTIES,
  type PreparedAppointment,
  type PreparedContacts,
  parseAccount,
  prepareAccount,
} from "../model/index.js";
import {
  formatInstant,
  formatIsoDate,
  isoWeekday,
  MS_PER_DAY,
  parseInstant,
  parseIsoDate,
  type ZoneClock,
  zoneClock,
} from "../time/index.js";
import { covers } from "./jurisdiction.js";
import {
  type CompiledFilter,
  type CompiledPeriod,
  type CompiledRestDays,
  type CompiledWindows,
  type GuardrailProfile,
  loadGuardrailProfile,
  purposeBit,
  type RuleRef,
} from "./load.js";
import { CONTACT_PARTIES } from "./schema.js";

/** Why a contact is not allowed: a stable `code` from the profile, a readable message, the rule's source. */
export interface ContactCheckReason {
  code: string;
  message: string;
  /** The regulation or policy the rule encodes, e.g. `12 CFR 1006.14(b)(2)(i)`. */
  source: string;
}

/** What must accompany a lawful contact (a profile's `requirements`): recording, staff, disclosures. */
export interface ContactRequirement {
  code: string;
  text: string;
  source: string;
}

/** Result of {@link checkContact}. Plain JSON. */
export interface ContactCheckResult {
  allowed: boolean;
  /** Every rule that forbids the contact at `at` (empty when allowed). */
  reasons: ContactCheckReason[];
  /**
   * The earliest lawful instant at or after `at` (ISO, UTC): `at` itself when allowed; `null`
   * when no later instant is lawful on the history known (opt-out, open-ended hold, missing notice).
   */
  earliestAt: string | null;
  /** What the contact must come with, by the profiles' `requirements` (whether or not it is allowed now). */
  requirements: ContactRequirement[];
}

/** Who a contact is with: the borrower (default), an emergency contact the borrower named, or any other third party. */
type ContactParty = "borrower" | "emergency_contact" | "third_party";

/** Options of {@link checkContact}. */
export interface CheckContactOptions {
  channel: Channel;
  /** The instant of the intended contact, ISO with offset. Contacts recorded after it are ignored. */
  at: string;
  /** What the contact is for; holds may exempt some purposes (a validation notice while disputed). */
  purpose?: ContactPurpose | undefined;
  /** Who the contact is with (default the borrower). */
  party?: ContactParty | undefined;
  /** For `party: "emergency_contact"`: which one (an id of `borrower.emergencyContacts`). */
  partyId?: string | undefined;
  /** Shorthand for `party: "third_party"`. */
  thirdParty?: boolean | undefined;
  /** The collector's role: a creditor collecting its own debt (default) or a debt collector. */
  role?: "creditor" | "debt_collector" | undefined;
  /** Extra dates for the profiles' calendars, by calendar id (e.g. next year's public holidays). */
  calendars?: Readonly<Record<string, readonly string[]>> | undefined;
}

/** The contact a prepared check is asked about, beyond its channel and instant. */
interface ContactSpec {
  purpose?: string | undefined;
  party?: ContactParty | undefined;
  partyId?: string | undefined;
}

/**
 * A contact check bound to one account, from {@link prepareContactCheck}: `(channel, atMs,
 * contact?)`. `atMs` is epoch milliseconds.
 */
export type PreparedContactCheck = (channel: Channel, atMs: number, contact?: ContactSpec) => ContactCheckResult;

const OptionsSchema = z.strictObject({
  channel: ChannelSchema,
  at: InstantSchema,
  purpose: ContactPurposeSchema.optional(),
  party: z.enum(CONTACT_PARTIES).optional(),
  partyId: z.string().min(1).max(128).optional(),
  thirdParty: z.boolean().optional(),
  role: z.enum(["creditor", "debt_collector"]).optional(),
  calendars: z.record(z.string().max(64), z.array(IsoDateSchema).max(2_000)).optional(),
});

/** How a checker is set up for one account. @internal */
interface CheckSetup {
  role: "creditor" | "debt_collector";
  /** Extra calendar dates (epoch days) by calendar id. */
  calendars: ReadonlyMap<string, ReadonlySet<number>>;
}

const DEFAULT_SETUP: CheckSetup = { role: "creditor", calendars: new Map() };
const EMERGENCY = PARTIES.indexOf("emergency_contact");
const REFUSED = CONTACT_OUTCOMES.indexOf("refused");

// ---------- the contact history: the prepared view, read in place ----------

/** First index with ms > t (i.e. the number of contacts at or before t). */
function upperBound(ms: readonly number[], n: number, t: number): number {
  let lo = 0,
    hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ms[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with ms >= t. */
function lowerBound(ms: readonly number[], n: number, t: number): number {
  let lo = 0,
    hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ms[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const matches = (h: PreparedContacts, i: number, f: CompiledFilter): boolean =>
  ((f.channels >>> h.channel[i]!) & 1) === 1 &&
  ((f.outcomes >>> h.outcome[i]!) & 1) === 1 &&
  ((f.directions >>> h.inbound[i]!) & 1) === 1 &&
  ((f.purposes >>> h.purpose[i]!) & 1) === 1;

const hhmm = (msOfDay: number): string => {
  const m = Math.floor(msOfDay / 60_000);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

const span = (p: CompiledPeriod): string =>
  p.kind === "days" ? `${p.n} local day${p.n === 1 ? "" : "s"}` : `${p.n} hour${p.n === 1 ? "" : "s"}`;

const reason = (r: RuleRef, message: string): ContactCheckReason => ({
  code: r.code,
  message: `[${r.id}] ${message}`,
  source: r.source,
});

// ---------- the check ----------

const DISPUTE = CONTACT_OUTCOMES.indexOf("dispute");

const NO_INSTANTS: readonly number[] = [];
const NO_CLOCKS: readonly ZoneClock[] = [];
// The rest-day rules of a profile that apply in a jurisdiction, per profile and jurisdiction (a
// batch has a handful of jurisdictions; bounded all the same).
const restDaysByJurisdiction = new WeakMap<GuardrailProfile, Map<string, GuardrailProfile["restDays"]>>();
function restDaysIn(p: GuardrailProfile, j: string | undefined): GuardrailProfile["restDays"] {
  if (j === undefined) return p.restDays;
  let byJ = restDaysByJurisdiction.get(p);
  if (byJ === undefined) restDaysByJurisdiction.set(p, (byJ = new Map()));
  let lists = byJ.get(j);
  if (lists === undefined) {
    lists = p.restDays.map((list) => list.filter((rd) => rd.jurisdictions === null || covers(rd.jurisdictions, j)));
    if (byJ.size < 512) byJ.set(j, lists);
  }
  return lists;
}

class Checker {
  private readonly h: PreparedContacts;
  private readonly clock: ZoneClock;
  private readonly optedOut: number;
  /**
   * Instants at which something that opens or closes a hold becomes known (an event's day, a
   * dispute contact), ascending: the statuses at an instant depend only on how many have passed.
   */
  private readonly knownAt: readonly number[];
  private readonly periodsByKnown = new Map<number, readonly StatusPeriod[]>();

  private readonly appointments: readonly PreparedAppointment[];
  /** The profile's rest-day rules per channel that apply in the account's jurisdiction. */
  private readonly restDays: readonly (readonly CompiledRestDays[])[];
  /** The clocks of the borrower's other possible zones: a window must be open in every one. */
  private readonly otherClocks: readonly ZoneClock[];

  constructor(
    private readonly p: GuardrailProfile,
    private readonly account: Account,
    aroundMs: number,
    private readonly setup: CheckSetup = DEFAULT_SETUP,
  ) {
    this.h = prepareAccount(account).contacts;
    this.clock = zoneClock(account.timeZone, aroundMs);
    let m = 0;
    const dnc = account.borrower.doNotContact;
    for (let i = 0; i < dnc.length; i++) m |= 1 << CHANNELS.indexOf(dnc[i]!);
    this.optedOut = m;
    const prepared = prepareAccount(account);
    this.appointments = prepared.appointments;
    // Most accounts have no event or dispute (holdSignals false) and one time zone: no arrays then.
    if (prepared.holdSignals) {
      const knownAt: number[] = prepared.events.map((e) => this.clock.dayStart(e.day));
      for (let i = 0; i < this.h.length; i++) if (this.h.outcome[i] === DISPUTE) knownAt.push(this.h.ms[i]!);
      this.knownAt = knownAt.sort((a, b) => a - b);
    } else this.knownAt = NO_INSTANTS;
    this.restDays = restDaysIn(p, account.jurisdiction);
    const zones = account.borrower.otherTimeZones;
    this.otherClocks =
      zones.length === 0 ? NO_CLOCKS : zones.filter((z) => z !== account.timeZone).map((z) => zoneClock(z, aroundMs));
  }

  /** The statuses as known at instant `t` (the same periods the facts read at that instant). */
  private periodsAt(t: number): readonly StatusPeriod[] {
    let k = 0;
    while (k < this.knownAt.length && this.knownAt[k]! <= t) k++;
    let periods = this.periodsByKnown.get(k);
    if (periods === undefined) {
      const asOf = { ms: t, day: this.clock.localDay(t), iso: "", offsetMs: this.clock.offsetAt(t), clock: this.clock };
      periods = statusPeriods(this.account, asOf, this.p.lifecycle);
      this.periodsByKnown.set(k, periods);
    }
    return periods;
  }

  private isRestDay(rd: CompiledRestDays, day: number): boolean {
    if ((rd.weekdays >>> isoWeekday(day)) & 1) return true;
    if (rd.calendar === null) return false;
    return (
      this.p.calendars.get(rd.calendar)?.has(day) === true || this.setup.calendars.get(rd.calendar)?.has(day) === true
    );
  }

  /** Whether the emergency contact `id` refused contact (a contact with them, outcome refused, known by `hi`). */
  private objected(id: string, hi: number): boolean {
    const h = this.h;
    for (let i = 0; i < hi; i++)
      if (h.party[i] === EMERGENCY && h.partyId[i] === id && h.outcome[i] === REFUSED) return true;
    return false;
  }

  /**
   * When the borrower counts as unreachable under the profile's third-party rule: `t` when now,
   * a later instant when only the conversation-free period remains, Infinity when more failed
   * attempts are needed.
   */
  private unreachableUntil(t: number, day: number, hi: number): { end: number; why: string } {
    const p = this.p,
      h = this.h,
      clock = this.clock,
      tp = p.thirdParty;
    let last = -1,
      failed = 0;
    for (let i = hi - 1; i >= 0; i--) {
      if ((p.conversation >>> h.outcome[i]!) & 1 && h.party[i] === 0) {
        last = i;
        break;
      }
      if (
        h.inbound[i] === 0 &&
        h.party[i] === 0 &&
        (p.failed >>> h.outcome[i]!) & 1 &&
        (tp.attemptChannels >>> h.channel[i]!) & 1
      )
        failed++;
    }
    const recent = last >= 0 && h.ms[last]! >= clock.dayStart(day - tp.noConversationDays + 1);
    if (!recent && failed >= tp.minFailedAttempts) return { end: t, why: "" };
    return {
      end:
        failed >= tp.minFailedAttempts && recent
          ? clock.dayStart(clock.localDay(h.ms[last]!) + tp.noConversationDays)
          : Infinity,
      why: `borrower is not unreachable yet (${failed} failed attempts since the last conversation, need ${tp.minFailedAttempts}; last conversation ${last >= 0 ? this.localDate(h.ms[last]!) : "never"}, need none in ${tp.noConversationDays} local days)`,
    };
  }

  /** What a contact on channel `ci` with purpose bit `pbit` must come with. */
  requirements(ci: number, pbit: number, out: ContactRequirement[]): void {
    for (const r of this.p.requirements[ci]!)
      if ((r.purposes & pbit) !== 0 && r.roles.includes(this.setup.role))
        out.push({ code: r.code, text: r.text, source: r.source });
  }

  /** The period of `status` covering local `day`, as known at instant `t`, if any. */
  private periodOn(status: BorrowerStatus, day: number, t: number): StatusPeriod | undefined {
    for (const p of this.periodsAt(t)) if (p.status === status && p.from <= day && day <= p.to) return p;
    return undefined;
  }

  private periodStart(period: CompiledPeriod, t: number, day: number): number {
    // Local days: the checked day is day 1 of the period. Hours: contacts strictly newer than t − H.
    return period.kind === "days" ? this.clock.dayStart(day - period.n + 1) : t - period.ms + 1;
  }

  private periodEnd(period: CompiledPeriod, contactMs: number): number {
    return period.kind === "days"
      ? this.clock.dayStart(this.clock.localDay(contactMs) + period.n)
      : contactMs + period.ms;
  }

  private localDate(ms: number): string {
    return formatIsoDate(this.clock.localDay(ms));
  }

  /** `t` when `t` falls inside the window on `clock`'s wall time, else when it next opens (Infinity: never). */
  private windowOpens(win: CompiledWindows, clock: ZoneClock, t: number): number {
    const local = t + clock.offsetAt(t);
    const day = Math.floor(local / MS_PER_DAY);
    const msOfDay = local - day * MS_PER_DAY;
    const weekday = isoWeekday(day);
    for (const [s, e] of win.byWeekday[weekday]!) if (msOfDay >= s * 60_000 && msOfDay < e * 60_000) return t;
    for (let d = 0; d <= 7; d++) {
      const wd = ((weekday - 1 + d) % 7) + 1;
      for (const [s] of win.byWeekday[wd]!) {
        if (d === 0 && s * 60_000 <= msOfDay) continue;
        const at = clock.wall(day + d, s);
        if (at > t) return at;
      }
    }
    return Infinity;
  }

  /**
   * The instant until which the contact stays unlawful, starting at `t`: `t` itself when lawful
   * now, `Infinity` when never (on the contacts known up to `t`). Every bound is exact or early,
   * never late, so stepping from bound to bound cannot skip a lawful instant. Appends reasons
   * when `out` is given; otherwise stops at the first "never".
   */
  evaluate(ci: number, t: number, spec: CompiledSpec, out: ContactCheckReason[] | null): number {
    const pbit = spec.pbit;
    const p = this.p,
      h = this.h,
      clock = this.clock,
      ch = CHANNELS[ci]!;
    const off = clock.offsetAt(t);
    const local = t + off;
    const day = Math.floor(local / MS_PER_DAY);
    const hi = upperBound(h.ms, h.length, t);
    let until = t;

    if ((this.optedOut >>> ci) & 1) {
      if (!out) return Infinity;
      out.push(reason(p.optOut, `borrower opted out of ${ch}`));
      until = Infinity;
    }

    for (const hold of p.holds[ci]!) {
      if ((hold.purposes & pbit) === 0 || (hold.exemptPurposes & pbit) !== 0) continue;
      const period = this.periodOn(hold.flag, day, t);
      if (period === undefined) continue;
      // A period with a known last day ends at the start of the next; otherwise only an event ends it.
      const end = period.to === Infinity ? Infinity : clock.dayStart(period.to + 1);
      if (end === Infinity && !out) return Infinity;
      if (out)
        out.push(
          reason(
            hold,
            period.to === Infinity
              ? `${hold.flag} (${period.openedBy}) blocks ${ch} until ${period.endsWith}`
              : `${hold.flag} (${period.openedBy}) blocks ${ch} through ${formatIsoDate(period.to)}`,
          ),
        );
      if (end > until) until = end;
    }

    for (const rd of this.restDays[ci]!) {
      if (!this.isRestDay(rd, day)) continue;
      let next = day + 1;
      while (next < day + 60 && this.isRestDay(rd, next)) next++;
      if (out) out.push(reason(rd, `${formatIsoDate(day)} is a rest day (${rd.calendar ?? "weekly"}): no ${ch}`));
      const end = clock.dayStart(next);
      if (end > until) until = end;
    }

    // An emergency contact the profile knows about follows its own rule; without one, it is a third party.
    const party = spec.party === "emergency_contact" && p.emergencyContacts === null ? "third_party" : spec.party;
    if (party === "emergency_contact") {
      const ec = p.emergencyContacts!;
      let end = t;
      let why = "";
      const id = spec.partyId;
      const named = id === undefined ? undefined : this.account.borrower.emergencyContacts.find((e) => e.id === id);
      if (named === undefined || named.optedOut || this.objected(id!, hi)) {
        end = Infinity;
        why =
          named === undefined
            ? `no emergency contact ${JSON.stringify(id ?? null)} on the account`
            : `emergency contact ${JSON.stringify(id)} objected to being contacted: contact stops for good`;
      } else if ((ec.purposes & pbit) === 0) {
        end = Infinity;
        why = `emergency contacts only for purposes ${purposeNames(ec.purposes)}`;
      } else {
        if (ec.requireUnreachable) {
          const u = this.unreachableUntil(t, day, hi);
          if (u.end !== t) ({ end, why } = u);
        }
        if (end === t && ec.perPersonDays !== null) {
          const lo = lowerBound(h.ms, h.length, clock.dayStart(day - ec.perPersonDays + 1));
          for (let i = hi - 1; i >= lo; i--)
            if (h.party[i] === EMERGENCY && h.partyId[i] === id && h.inbound[i] === 0) {
              end = clock.dayStart(clock.localDay(h.ms[i]!) + ec.perPersonDays);
              why = `emergency contact ${JSON.stringify(id)} was contacted on ${this.localDate(h.ms[i]!)}: at most once in ${ec.perPersonDays} local days`;
              break;
            }
        }
      }
      if (end !== t) {
        if (end === Infinity && !out) return Infinity;
        if (out) out.push(reason(ec, why));
        if (end > until) until = end;
      }
    }

    if (party === "third_party") {
      const tp = p.thirdParty;
      let end = t;
      let why = "";
      if ((tp.purposes & pbit) === 0) {
        end = Infinity;
        why = `third-party contact only for purposes ${purposeNames(tp.purposes)}`;
      } else if (tp.requireUnreachable) ({ end, why } = this.unreachableUntil(t, day, hi));
      if (end !== t) {
        if (end === Infinity && !out) return Infinity;
        if (out) out.push(reason(tp, why));
        if (end > until) until = end;
      }
    }

    for (const nr of p.notices[ci]!) {
      if ((nr.purposes & pbit) === 0) continue;
      // Notices on local day D allow the contact from day D + minDays (for validDays days).
      const oldEnough =
        nr.minDays === 0 ? hi : Math.min(hi, lowerBound(h.ms, h.length, clock.dayStart(day - nr.minDays + 1)));
      const fresh =
        nr.validDays === null ? 0 : lowerBound(h.ms, h.length, clock.dayStart(day - nr.minDays - nr.validDays + 1));
      let ok = false;
      for (let i = fresh; i < oldEnough; i++)
        if (matches(h, i, nr.filter)) {
          ok = true;
          break;
        }
      if (ok) continue;
      // An agreed visit time (预约) satisfies the rule close to that time.
      let apptEnd = Infinity;
      if (nr.appointmentToleranceMs !== null)
        for (let i = 0; i < this.appointments.length; i++) {
          const a = this.appointments[i]!;
          if (a.madeAt > t || a.kind !== "visit") continue;
          if (Math.abs(t - a.at) <= nr.appointmentToleranceMs) {
            ok = true;
            break;
          }
          if (a.at - nr.appointmentToleranceMs > t) apptEnd = Math.min(apptEnd, a.at - nr.appointmentToleranceMs);
        }
      if (ok) continue;
      let end = Infinity,
        pending = -1;
      for (let i = oldEnough; i < hi; i++)
        if (matches(h, i, nr.filter)) {
          pending = i;
          break;
        }
      if (pending >= 0) end = clock.dayStart(clock.localDay(h.ms[pending]!) + nr.minDays);
      if (apptEnd < end) end = apptEnd;
      if (end === Infinity && !out) return Infinity;
      if (out)
        out.push(
          reason(
            nr,
            pending >= 0
              ? `${ch} needs a notice at least ${nr.minDays} local day${nr.minDays === 1 ? "" : "s"} before; the notice of ${this.localDate(h.ms[pending]!)} allows it from ${formatIsoDate(clock.localDay(h.ms[pending]!) + nr.minDays)}`
              : `${ch} needs a prior notice at least ${nr.minDays} local day${nr.minDays === 1 ? "" : "s"} before${nr.validDays !== null ? ` (valid ${nr.validDays} days)` : ""}; none on record`,
          ),
        );
      if (end > until) until = end;
    }

    for (const q of p.quiet[ci]!) {
      const lo = lowerBound(h.ms, h.length, this.periodStart(q.period, t, day));
      let last = -1;
      for (let i = hi - 1; i >= lo; i--)
        if (matches(h, i, q.filter)) {
          last = i;
          break;
        }
      if (last < 0) continue;
      const end = this.periodEnd(q.period, h.ms[last]!);
      if (out)
        out.push(
          reason(
            q,
            `no ${ch} within ${span(q.period)}${q.period.kind === "days" ? " (its day is day 1)" : ""} after the contact of ${formatInstant(h.ms[last]!)}`,
          ),
        );
      if (end > until) until = end;
    }

    for (const cap of p.caps[ci]!) {
      if (cap.when !== null && this.periodOn(cap.when, day, t) === undefined) continue;
      const lo = lowerBound(h.ms, h.length, this.periodStart(cap.period, t, day));
      let count = 0;
      for (let i = lo; i < hi; i++) if (matches(h, i, cap.filter)) count++;
      if (count < cap.max) continue;
      let end = Infinity;
      if (cap.max > 0) {
        // Lawful again once the (count − max + 1)-th oldest counted contact leaves the period.
        let k = count - cap.max;
        for (let i = lo; i < hi; i++) {
          if (!matches(h, i, cap.filter)) continue;
          if (k-- === 0) {
            end = this.periodEnd(cap.period, h.ms[i]!);
            break;
          }
        }
      }
      if (end === Infinity && !out) return Infinity;
      if (out) out.push(reason(cap, `${count} counted contacts in the last ${span(cap.period)} (max ${cap.max})`));
      if (end > until) until = end;
    }

    const win = p.windows[ci];
    if (win) {
      // Conflicting location information: the time must be convenient in every place the borrower
      // may be (Reg F commentary to 1006.6(b)(1)(i)); rest days and local days stay the main zone's.
      let outside = "";
      let open = this.windowOpens(win, clock, t);
      if (open !== t) outside = `${hhmm(local - day * MS_PER_DAY)} local time (${this.account.timeZone})`;
      for (const other of this.otherClocks) {
        const o = this.windowOpens(win, other, t);
        if (o === t) continue;
        const ol = t + other.offsetAt(t);
        outside += `${outside ? ", " : ""}${hhmm(ol - Math.floor(ol / MS_PER_DAY) * MS_PER_DAY)} in ${other.zone}`;
        open = Math.max(open, o);
      }
      if (outside !== "") {
        if (open === Infinity && !out) return Infinity;
        if (out) out.push(reason(win.rule, `${outside} is outside the ${ch} window ${win.text}`));
        if (open > until) until = open;
      }
    }
    return until;
  }
}

/** A contact as the checkers read it. @internal */
interface CompiledSpec {
  pbit: number;
  party: ContactParty;
  partyId: string | undefined;
}

const specOf = (c: ContactSpec | undefined): CompiledSpec => ({
  pbit: purposeBit(c?.purpose),
  party: c?.party ?? "borrower",
  partyId: c?.partyId,
});

const purposeNames = (mask: number): string => CONTACT_PURPOSES.filter((_, i) => (mask >>> (i + 1)) & 1).join(", ");

/**
 * Several profiles applied together (a national and a state profile): a contact is lawful when
 * every profile allows it, so the stricter limit wins; the earliest lawful instant is where they
 * all agree.
 */
class Stack {
  constructor(private readonly checkers: readonly Checker[]) {}

  private evaluate(ci: number, t: number, spec: CompiledSpec, out: ContactCheckReason[] | null): number {
    let until = t;
    for (const c of this.checkers) {
      const u = c.evaluate(ci, t, spec, out);
      if (u > until) until = u;
      if (until === Infinity && !out) return Infinity;
    }
    return until;
  }

  check(ci: number, atMs: number, spec: CompiledSpec): ContactCheckResult {
    const reasons: ContactCheckReason[] = [];
    const requirements: ContactRequirement[] = [];
    for (const c of this.checkers) c.requirements(ci, spec.pbit, requirements);
    let t = this.evaluate(ci, atMs, spec, reasons);
    if (t === atMs) return { allowed: true, reasons, earliestAt: formatInstant(atMs), requirements };
    // Walk forward from bound to bound until every rule of every profile agrees (each step strictly advances).
    for (let step = 0; step < 400 && t !== Infinity; step++) {
      const next = this.evaluate(ci, t, spec, null);
      if (next === t) return { allowed: false, reasons, earliestAt: formatInstant(t), requirements };
      t = next;
    }
    return { allowed: false, reasons, earliestAt: null, requirements };
  }
}

function setupOf(
  role: "creditor" | "debt_collector" | undefined,
  calendars: Readonly<Record<string, readonly string[]>> | undefined,
): CheckSetup {
  if (role === undefined && calendars === undefined) return DEFAULT_SETUP;
  const map = new Map<string, ReadonlySet<number>>();
  for (const [id, dates] of Object.entries(calendars ?? {})) map.set(id, new Set(dates.map(parseIsoDate)));
  return { role: role ?? "creditor", calendars: map };
}

// The caller's list is copied first (a getter or a proxy in it is an unreadable input).
const asList = (profile: GuardrailProfile | unknown): GuardrailProfile[] =>
  readInput("INVALID_GUARDRAIL_PROFILE", "guardrail profiles", () =>
    Array.isArray(profile) ? Array.from(profile as unknown[]) : [profile],
  ).map((p) => loadGuardrailProfile(p));

/**
 * Binds guardrail profiles (one, or a stack applied together) to one validated account, parsing
 * its contact history once, so checking several channels (as `decide` does for each candidate
 * action) costs about a microsecond each. @internal
 *
 * @param aroundMs the evaluation instant (epoch ms) the checks will mostly be made at: the zone
 * clock is prepared around it.
 *
 * @example
 * const check = prepareContactCheck([usRegF, usMa], parseAccount(json), Date.parse(asOf));
 * check("call", Date.parse(asOf)).allowed;
 * check("letter", Date.parse(asOf), { purpose: "validation_notice" }).allowed;
 */
export function prepareContactCheck(
  profiles: GuardrailProfile | readonly GuardrailProfile[] | unknown,
  account: Account,
  aroundMs: number,
  setup?: {
    role?: "creditor" | "debt_collector" | undefined;
    calendars?: Readonly<Record<string, readonly string[]>> | undefined;
  },
): PreparedContactCheck {
  // A raw object is validated first: the fast path trusts the account's shape.
  const a = isParsedAccount(account) ? account : parseAccount(account);
  const s = setupOf(setup?.role, setup?.calendars);
  const stack = new Stack(asList(profiles).map((p) => new Checker(p, a, aroundMs, s)));
  return (channel, atMs, contact) => {
    const ci = CHANNELS.indexOf(channel);
    if (ci < 0 || !Number.isFinite(atMs))
      throw new ArrearsError(
        "INVALID_INPUT",
        [
          {
            path: ci < 0 ? ["channel"] : ["at"],
            message: ci < 0 ? "expected a channel" : "expected epoch milliseconds",
            received: ci < 0 ? channel : atMs,
          },
        ],
        "contact check",
      );
    return stack.check(ci, atMs, specOf(contact));
  };
}

/**
 * Whether contacting the borrower (or an emergency contact, or a third party) on `channel` at
 * `at` is allowed under a guardrail profile, or under several applied together (a national
 * profile and a state profile: every one must allow the contact, so the stricter limit wins);
 * why not; the earliest lawful instant at or after `at`; and what the contact must come with.
 *
 * Windows are read on the borrower's wall clock (`account.timeZone`, DST-safe); caps and quiet
 * periods in local calendar days count the checked day as day 1; contacts and events recorded
 * after `at` are ignored for `allowed` (those between `at` and `earliestAt` are taken into
 * account, so a check at `earliestAt` is allowed).
 *
 * @throws {ArrearsError} `INVALID_GUARDRAIL_PROFILE`, `INVALID_ACCOUNT` or `INVALID_OPTIONS`.
 *
 * @example
 * checkContact(shippedRuleFile("guardrails", "us-reg-f"), account, { channel: "call", at: "2026-11-23T21:30:00-05:00" });
 * // { allowed: false,
 * //   reasons: [{ code: "OUTSIDE_WINDOW", message: "[inconvenient-time] 21:30 local time …", source: "12 CFR 1006.6(b)(1)(i)" }],
 * //   earliestAt: "2026-11-24T13:00:00.000Z",   // 08:00 in New York
 * //   requirements: [] }
 */
export function checkContact(
  profile: GuardrailProfile | readonly unknown[] | unknown,
  account: unknown,
  options: CheckContactOptions,
): ContactCheckResult {
  const profiles = asList(profile);
  const a = isParsedAccount(account) ? account : parseAccount(account);
  const o = parseOptions(OptionsSchema, options, "checkContact options");
  const atMs = parseInstant(o.at);
  const s = setupOf(o.role, o.calendars);
  const party: ContactParty = o.party ?? (o.thirdParty ? "third_party" : "borrower");
  const stack = new Stack(profiles.map((p) => new Checker(p, a, atMs, s)));
  return stack.check(CHANNELS.indexOf(o.channel), atMs, { pbit: purposeBit(o.purpose), party, partyId: o.partyId });
}

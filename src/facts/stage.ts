import { CONTACT_TRAIT, type PreparedAccount, purposeCode } from "../model/index.js";
import type { AsOf } from "../time/index.js";

/**
 * Where an account stands in the collection process, beyond its arrears: which statutory and
 * formal notices went out and when, where the account is in its life (charged off, placed), and
 * what is coming (the next due date, an agreed visit). Each fact is read from the contact
 * history and the dated events as known at `asOf`. @internal
 */
export interface StageFacts {
  jurisdiction: string | null;
  validationNoticeSent: boolean;
  daysSinceValidationNotice: number | null;
  daysSinceFirstCollectionContact: number | null;
  servicememberActive: boolean | null;
  daysSinceServicememberCheck: number | null;
  daysSinceArrearsNotice: number | null;
  daysSinceDefaultNotice: number | null;
  daysSinceFinalNotice: number | null;
  daysSinceLetterOfClaim: number | null;
  daysSinceCreditReportNotice: number | null;
  daysSinceDebtAdvice: number | null;
  missedPayments: number;
  chargedOff: boolean;
  daysSinceChargeOff: number | null;
  daysSinceAgencyPlaced: number | null;
  emergencyContactsAvailable: number;
  visitAppointmentInHours: number | null;
  daysUntilNextDue: number | null;
  nextDueAmount: number | null;
  timeBarred: boolean | null;
  limitationEndsInDays: number | null;
}

// Notices tracked by purpose: [purpose code, index into the `last` array].
const NOTICES = [
  "validation_notice",
  "arrears_notice",
  "default_notice",
  "final_notice",
  "letter_of_claim",
  "credit_report_notice",
] as const;
const NOTICE_CODES = NOTICES.map((n) => purposeCode(n));
// Outreach before the account is due is not the start of collection (Reg F's "initial communication").
const PRE_DUE = purposeCode("pre_due_reminder");
const NONE = Number.NEGATIVE_INFINITY;

/** @internal */
export function stageFacts(
  p: PreparedAccount,
  asOf: AsOf,
  jurisdiction: string | undefined,
  emergencyContacts: readonly { optedOut: boolean }[],
  toleranceMinor: number,
): StageFacts {
  const { ms: asOfMs, day: T, clock } = asOf;
  const c = p.contacts;
  const last = NOTICES.map(() => NONE);
  let firstCollection = NONE;
  for (let i = 0; i < c.length && c.ms[i]! <= asOfMs; i++) {
    if (c.inbound[i] === 1) continue;
    // A notice returned undelivered was not given.
    if (c.traits[i]! & CONTACT_TRAIT.INVALID) continue;
    const pc = c.purpose[i]!;
    if (firstCollection === NONE && pc !== PRE_DUE) firstCollection = c.ms[i]!;
    const k = NOTICE_CODES.indexOf(pc);
    if (k >= 0) last[k] = c.ms[i]!;
  }
  const since = (ms: number): number | null => (ms === NONE ? null : Math.max(0, T - clock.localDay(ms)));

  let servicemember: boolean | null = null;
  let servicememberDay = NONE;
  let chargeOffDay = NONE;
  let placedDay = NONE;
  let adviceDay = NONE;
  for (const e of p.events) {
    if (e.day > T) break;
    switch (e.event.type) {
      case "servicemember_checked":
        servicemember = e.event.active ?? null;
        servicememberDay = e.day;
        break;
      case "charged_off":
        chargeOffDay = e.day;
        break;
      case "agency_placed":
        placedDay = e.day;
        break;
      case "agency_recalled":
        placedDay = NONE;
        break;
      case "debt_advice_engaged":
        adviceDay = e.day;
        break;
    }
  }
  const daysSinceDay = (day: number): number | null => (day === NONE ? null : T - day);

  // Installments fallen due and not covered by what was paid by today (beyond the tolerance).
  let missed = 0;
  let nextDueDay: number | null = null;
  let nextDueAmount = 0;
  if (p.dues !== null) {
    let paid = 0;
    const pd = p.payments.day;
    for (let j = 0; j < pd.length && pd[j]! <= T; j++) paid += p.payments.amount[j]!;
    const { day, cum, amount } = p.dues;
    for (let i = 0; i < day.length; i++) {
      if (day[i]! > T) {
        nextDueDay = day[i]!;
        nextDueAmount = amount[i]!;
        break;
      }
      if (cum[i]! - paid > toleranceMinor) missed++;
    }
  }

  let appointment: number | null = null;
  for (let i = 0; i < p.appointments.length; i++) {
    const ap = p.appointments[i]!;
    if (ap.kind === "visit" && ap.madeAt <= asOfMs && ap.at >= asOfMs && (appointment === null || ap.at < appointment))
      appointment = ap.at;
  }

  let available = 0;
  for (let i = 0; i < emergencyContacts.length; i++) if (!emergencyContacts[i]!.optedOut) available++;

  const scale = 10 ** p.digits;
  return {
    jurisdiction: jurisdiction ?? null,
    validationNoticeSent: last[0] !== NONE,
    daysSinceValidationNotice: since(last[0]!),
    daysSinceFirstCollectionContact: since(firstCollection),
    servicememberActive: servicemember,
    daysSinceServicememberCheck: daysSinceDay(servicememberDay),
    daysSinceArrearsNotice: since(last[1]!),
    daysSinceDefaultNotice: since(last[2]!),
    daysSinceFinalNotice: since(last[3]!),
    daysSinceLetterOfClaim: since(last[4]!),
    daysSinceCreditReportNotice: since(last[5]!),
    daysSinceDebtAdvice: daysSinceDay(adviceDay),
    missedPayments: missed,
    chargedOff: chargeOffDay !== NONE,
    daysSinceChargeOff: daysSinceDay(chargeOffDay),
    daysSinceAgencyPlaced: daysSinceDay(placedDay),
    emergencyContactsAvailable: available,
    visitAppointmentInHours: appointment === null ? null : Math.floor((appointment - asOfMs) / 3_600_000),
    daysUntilNextDue: nextDueDay === null ? null : nextDueDay - T,
    nextDueAmount: nextDueDay === null ? null : nextDueAmount / scale,
    // Filled by decide from the guardrail profiles' limitation rules.
    timeBarred: null,
    limitationEndsInDays: null,
  };
}

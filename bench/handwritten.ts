/**
 * The us-default 2.0.0 ladder's rules (test/fixtures/us-ladder-2.0.0.json) written by hand as one plain function: the speed of light that
 * the compiled rules are compared against in `npm run bench`. Must stay in step with
 * rules/policies/us-default.json; bench/run.ts checks both give the same events on every account.
 */
import type { Facts } from "../src/index.js";

const num = (v: unknown): v is number => typeof v === "number" && !Number.isNaN(v);

export function handwrittenDefault(f: Facts): string[] {
  const out: string[] = [];
  const dpd = f.dpd as number;
  const hardshipish = f.segment === "hardship" || f.hardshipReported === true;
  if (f.deceased === true) out.push("deceased_review");
  if (f.bankrupt === true) out.push("bankruptcy_hold");
  if (f.disputed === true) out.push("dispute_hold");
  if (f.legalHold === true) out.push("hold");
  if (f.breathingSpace === true) out.push("hold");
  if (f.ceaseContact === true) out.push("hold");
  if (f.complaintOpen === true) out.push("hold");
  if (f.activePromise === true) out.push("await_promise");
  if (dpd >= 90 && (f.segment === "settlement_review" || f.hardshipReported === true)) out.push("offer_settlement");
  if (
    dpd >= 1 &&
    f.hardshipReported === true &&
    (f.hardshipKind === "medical" || f.hardshipKind === "disaster" || f.hardshipKind === "bereavement")
  )
    out.push("offer_deferral");
  if (dpd >= 30 && hardshipish) out.push("offer_installment_plan");
  if (
    dpd >= 1 &&
    dpd <= 29 &&
    hardshipish &&
    ((f.feesBalance as number) > 0 || (f.penaltyInterestBalance as number) > 0)
  )
    out.push("offer_fee_waiver");
  if (
    dpd >= 90 &&
    (f.outstandingAmount as number) >= 1000 &&
    f.disputed === false &&
    ((f.consecutiveFailedAttempts as number) >= 12 || (f.promisesBroken90d as number) >= 2)
  )
    out.push("legal_review");
  if (f.chargeOffDue === true) out.push("write_off_review");
  if (f.unreachable === true) out.push("skip_trace");
  const visitEligible =
    f.visitOptOut === false && (dpd >= 90 || (dpd >= 60 && (f.outstandingAmount as number) >= 5000));
  const notice = f.daysSinceVisitNotice;
  if (visitEligible && num(notice) && notice >= 7 && notice <= 30 && f.visits30d === 0) out.push("home_visit");
  if (visitEligible && (notice === null || (num(notice) && notice >= 31))) out.push("send_visit_notice");
  if (dpd >= 1 && dpd <= 5 && f.smsSent7d === 0) out.push("send_sms_reminder");
  if (dpd >= 6 && (f.callAttemptsToday as number) < 2) out.push("call_borrower");
  const letter = f.daysSinceLastLetter;
  if (dpd >= 30 && (letter === null || (num(letter) && letter >= 14))) out.push("send_formal_letter");
  if (dpd >= 6 && (f.smsSent7d as number) < 2) out.push("send_sms_reminder");
  if (dpd >= 1 && (f.emailsSent7d as number) < 2) out.push("send_email_reminder");
  if (dpd === 0) out.push("no_action");
  return out;
}

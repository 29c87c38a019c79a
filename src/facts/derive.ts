import * as z from "zod";
import {
  ArrangementRulesSchema,
  activeHardship,
  arrangementRulesOf,
  currentArrangement,
  isLive,
  paidShareOf,
  reageEligibilityParsed,
  resolveReageRules,
} from "../arrangements/index.js";
import {
  countContacts,
  DEFAULT_PROMISE_GRACE_DAYS,
  evaluatePromises,
  PromiseValiditySchema,
  promiseValidityRules,
  W,
} from "../contacts/index.js";
import { type Delinquency, deriveDelinquency } from "../delinquency/index.js";
import { optionsError } from "../errors/options.js";
import {
  type BorrowerStatus,
  HOLD_STATUSES,
  type HoldLifecycle,
  type HoldStatus,
  holdsOn,
  statusPeriods,
} from "../holds/index.js";
import {
  type Account,
  AmountSchema,
  AsOfSchema,
  CHANNELS,
  isParsedAccount,
  type PreparedAccount,
  prepareAccount,
  safeParseAccount,
} from "../model/index.js";
import { isAmountInRange, minorUnitsAt } from "../money/index.js";
import { isoWeekday, MS_PER_DAY, parseIsoDate, resolveAsOf } from "../time/index.js";
import type { Facts } from "./catalog.js";
import { stageFacts } from "./stage.js";

/** Options of {@link deriveFacts}. */
export interface FactsOptions {
  /** Evaluation instant (ISO with offset), or an ISO date meaning the end of that local day. */
  asOf: string;
  /** Bucket scheme (id such as `"cn-m"`, parsed JSON, or a loaded scheme); default `cn-m`. */
  scheme?: unknown;
  /** Delinquency grace days (`inGrace`). Default 0. */
  graceDays?: number | undefined;
  /** Arrears at or below this amount are ignored for DPD and partial payments. Default 0. */
  tolerance?: string | number | undefined;
  /** Days after a promised date that a payment still keeps the promise. Default 2. */
  promiseGraceDays?: number | undefined;
  /** Thresholds of `unreachable` (defaults 10 failed attempts, 3 invalid-number attempts). */
  unreachable?: { failedAttempts?: number | undefined; invalidNumberAttempts?: number | undefined } | undefined;
  /** Lifecycle numbers of the holds (breathing-space days …); default the Debt Respite Scheme's. */
  holdLifecycle?: HoldLifecycle | undefined;
  /**
   * When a promise pauses collection (`activePromise`): a minimum share of the smaller of the
   * overdue and one contract installment on the day it was made, and a maximum of days ahead
   * (oracle P1: `{ minAmountShare: 1, maxHorizonDays: 14 }`). Default: every promise is valid.
   */
  promiseValidity?: { minAmountShare?: string | number | undefined; maxHorizonDays?: number | undefined } | undefined;
  /** Arrangement tracking numbers (defaults: grace 2 days, broken at 2 missed or 30 days late). */
  arrangementTracking?:
    | {
        graceDays?: number | undefined;
        brokenAfterMissed?: number | undefined;
        brokenAfterDaysLate?: number | undefined;
      }
    | undefined;
  /** Re-age rule set for `reageEligible`: a shipped id (`"us-ffiec-open-end"`), rule JSON or a loaded set. */
  reageRules?: unknown;
}

const Days = z.number().int().min(0).max(3650);
const Threshold = z.number().int().min(1).max(1000);
/**
 * zod schema of {@link FactsOptions} (used for error reporting; the hot path checks by hand).
 *
 * @example
 * FactsOptionsSchema.safeParse({ asOf: "2026-11-23", promiseGraceDays: 3 }).success; // true
 */
export const FactsOptionsSchema = z.strictObject({
  asOf: AsOfSchema,
  scheme: z.unknown().optional(),
  graceDays: Days.optional(),
  tolerance: AmountSchema.optional(),
  promiseGraceDays: Days.optional(),
  unreachable: z
    .strictObject({ failedAttempts: Threshold.optional(), invalidNumberAttempts: Threshold.optional() })
    .optional(),
  holdLifecycle: z.strictObject({ breathingSpaceDays: Days.min(1), mentalHealthDaysAfterTreatment: Days }).optional(),
  promiseValidity: PromiseValiditySchema.optional(),
  arrangementTracking: ArrangementRulesSchema.optional(),
  reageRules: z
    .custom<unknown>(
      (v) => {
        try {
          resolveReageRules(v);
          return true;
        } catch {
          return false;
        }
      },
      {
        message:
          "expected a re-age rule set: a shipped id (us-ffiec-open-end, cn-policy, uk-policy), its JSON or a loaded set",
      },
    )
    .optional(),
});

const KEYS = new Set(["asOf", "scheme", "graceDays", "tolerance", "promiseGraceDays", "unreachable", "holdLifecycle"]);
const RARE = ["holdLifecycle", "promiseValidity", "arrangementTracking", "reageRules"] as const;
const isDays = (v: unknown) => v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 3650);
const isThreshold = (v: unknown) =>
  v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 1000);

function optionsOk(o: unknown): o is FactsOptions {
  if (typeof o !== "object" || o === null) return false;
  const x = o as Record<string, unknown>;
  if (typeof x.asOf !== "string" || !isDays(x.graceDays) || !isDays(x.promiseGraceDays)) return false;
  if (x.tolerance !== undefined && !isAmountInRange(x.tolerance)) return false;
  const u = x.unreachable as Record<string, unknown> | undefined;
  if (u !== undefined) {
    if (typeof u !== "object" || u === null || !isThreshold(u.failedAttempts) || !isThreshold(u.invalidNumberAttempts))
      return false;
    for (const k in u) if (k !== "failedAttempts" && k !== "invalidNumberAttempts") return false;
  }
  // The rarer options take the schema's path.
  for (const k of RARE) if (x[k] !== undefined) return FactsOptionsSchema.safeParse(o).success;
  for (const k in x) if (!KEYS.has(k)) return false;
  return true;
}

function checkOptions(options: unknown): asserts options is FactsOptions {
  if (!optionsOk(options)) throw optionsError(FactsOptionsSchema, options, "deriveFacts options");
}

/**
 * The flat, JSON-safe record of facts that rules and scorecards read: every fact of the
 * catalogue (`FACTS`, documented in `docs/facts.md`) is present, `null` where unknown or not
 * applicable; the score facts (`riskScore`, `riskProbability`, `hardshipScore`, `segment`) are
 * `null` here and filled by `decide`. Money facts are numbers in major units, exact to the
 * currency's minor unit. Contacts are counted in the borrower's local calendar days (see
 * `summarizeContacts`), promises matched as in `promiseStatus`, delinquency as in
 * `deriveDelinquency`.
 *
 * @throws {ArrearsError} `INVALID_ACCOUNT` for malformed account JSON (every problem with its
 * path), `INVALID_OPTIONS` for a bad `asOf` or option.
 *
 * @example
 * const facts = deriveFacts(accountJson, { asOf: "2026-11-23T10:00:00+08:00" });
 * facts.dpd;                 // 39
 * facts.bucket;              // "M2"
 * facts.callAttemptsToday;   // 1
 * facts.activePromise;       // false
 */
export function deriveFacts(account: unknown, options: FactsOptions): Facts {
  checkOptions(options);
  let a: Account;
  if (isParsedAccount(account)) a = account;
  else {
    const r = safeParseAccount(account);
    if (!r.success) throw r.error;
    a = r.data;
  }
  return deriveFactsParsed(a, options);
}

/**
 * {@link deriveFacts} for an account returned by `parseAccount` and options known to be valid
 * (the batch hot path: no validation beyond `asOf`). @internal
 */
function deriveFactsParsed(a: Account, options: FactsOptions): Facts {
  return deriveFactsWith(a, options, delinquencyOf(a, options));
}

function delinquencyOf(a: Account, o: FactsOptions): Delinquency {
  return deriveDelinquency(a, { asOf: o.asOf, scheme: o.scheme, graceDays: o.graceDays, tolerance: o.tolerance });
}

const POW10 = [1, 10, 100, 1000, 10000];
const CALL = CHANNELS.indexOf("call");
const SMS = CHANNELS.indexOf("sms");
const EMAIL = CHANNELS.indexOf("email");
const LETTER = CHANNELS.indexOf("letter");
const VISIT = CHANNELS.indexOf("visit");
// num/den to 4 decimals, half up; num * 10000 stays an exact integer for any realistic amount.
function ratio4(num: number, den: number): number {
  return Math.round((num * 10_000) / den) / 10_000;
}

/**
 * Facts from an already-derived delinquency (lets `decide` reuse it for exact amounts). @internal
 */
export function deriveFactsWith(a: Account, options: FactsOptions, d: Delinquency): Facts {
  const asOf = resolveAsOf(options.asOf, a.timeZone);
  const p = prepareAccount(a);
  const T = asOf.day;
  const digits = p.digits;
  // Correctly rounded division of an integer by a power of ten gives exactly Number("123.45").
  const scale = POW10[digits]!;

  const k = countContacts(p, asOf, options.unreachable?.failedAttempts, options.unreachable?.invalidNumberAttempts);
  const pr = evaluatePromises(
    p,
    asOf,
    options.promiseGraceDays ?? DEFAULT_PROMISE_GRACE_DAYS,
    promiseValidityRules(a, p, options.promiseValidity),
  );
  const minor = (v: string | number, path: (string | number)[]): number =>
    minorUnitsAt(v, p.currency, p.digits, path, "INVALID_ACCOUNT", `account ${JSON.stringify(p.id)}`);
  const toleranceMinor =
    options.tolerance === undefined
      ? 0
      : minorUnitsAt(options.tolerance, p.currency, p.digits, ["tolerance"], "INVALID_OPTIONS", "deriveFacts options");
  const pay = paymentFacts(p, T, toleranceMinor);

  const b = a.borrower;
  const bal = p.balance;
  const outstandingMinor = minor(d.outstanding.total, ["balance"]);
  const limitMinor = a.creditLimit === undefined ? null : minor(a.creditLimit, ["creditLimit"]);
  const incomeMinor = b.monthlyIncome === undefined ? null : minor(b.monthlyIncome, ["borrower", "monthlyIncome"]);
  const obligationsMinor =
    b.monthlyObligations === undefined ? 0 : minor(b.monthlyObligations, ["borrower", "monthlyObligations"]);

  const periods = statusPeriods(a, asOf, options.holdLifecycle);
  const on = (status: BorrowerStatus): boolean => holdsOn(periods, status, T);
  let holdReason: HoldStatus | null = null;
  let holdReviewDay = Number.POSITIVE_INFINITY;
  for (const status of HOLD_STATUSES) {
    if (!on(status)) continue;
    holdReason ??= status;
    for (let i = 0; i < periods.length; i++) {
      const p = periods[i]!;
      if (p.status === status && p.from <= T && T <= p.to && p.to < holdReviewDay) holdReviewDay = p.to;
    }
  }
  const dnc = b.doNotContact;

  let hardship: { kind: string; day: number } | null = null;
  for (let i = 0; i < b.hardship.length; i++) {
    const h = b.hardship[i]!;
    const day = parseIsoDate(h.reportedOn);
    if (day > T || (h.until !== undefined && parseIsoDate(h.until) < T)) continue;
    if (hardship === null || day >= hardship.day) hardship = { kind: h.kind, day };
  }

  const activeIdx = pr.active;
  const active = activeIdx < 0 ? null : p.promises[activeIdx]!;
  const localMs = asOf.ms + asOf.offsetMs;
  const arr = currentArrangement(a, p, T, arrangementRulesOf(options.arrangementTracking ?? {}));
  const hard = activeHardship(a, T);
  const ie = b.incomeAndExpenditure;
  const ieDay = ie === undefined ? Number.NaN : parseIsoDate(ie.completedOn);
  const ieKnown = ie !== undefined && ieDay <= T;
  let lastReage: number | null = null;
  if (p.holdSignals) for (const e of p.events) if (e.event.type === "reaged" && e.day <= T) lastReage = e.day;

  // Keys in catalogue order, so the JSON of a decision is byte-stable.
  return {
    accountId: a.id,
    product: a.product,
    currency: a.currency,
    accountAgeDays: T - p.openedDay,
    asOfLocalHour: Math.floor((localMs - Math.floor(localMs / MS_PER_DAY) * MS_PER_DAY) / 3_600_000),
    asOfLocalWeekday: isoWeekday(T),
    dpd: d.dpd,
    inGrace: d.inGrace,
    bucket: d.bucket,
    bucketIndex: d.bucketIndex,
    chargeOffDue: d.chargeOffDue,
    overdueAmount: Number(d.overdue.total),
    overduePrincipal: Number(d.overdue.principal),
    overdueInterest: Number(d.overdue.interest),
    overduePenaltyInterest: Number(d.overdue.penaltyInterest),
    overdueFees: Number(d.overdue.fees),
    outstandingAmount: outstandingMinor / scale,
    principalBalance: bal.principal / scale,
    interestBalance: bal.interest / scale,
    penaltyInterestBalance: bal.penaltyInterest / scale,
    feesBalance: bal.fees / scale,
    creditLimit: limitMinor === null ? null : limitMinor / scale,
    utilization: limitMinor === null || limitMinor === 0 ? null : ratio4(outstandingMinor, limitMinor),
    monthlyDue: pay.monthlyDue === null ? null : pay.monthlyDue / scale,
    cyclesDelinquent12m: d.cyclesDelinquent12m,
    worstCycle12m: d.worstCycle12m,
    cyclesDelinquent24m: d.cyclesDelinquent24m,
    cleanCyclesBeforeDelinquency: d.cleanCyclesBeforeDelinquency,
    firstDelinquency: d.firstDelinquency,
    daysSinceLastPayment: pay.lastDay === null ? null : T - pay.lastDay,
    lastPaymentAmount: pay.lastDay === null ? null : pay.lastAmount / scale,
    paymentsCount90d: pay.count90,
    paidAmount90d: pay.paid90 / scale,
    paymentRatio90d: pay.due90 === 0 ? null : Math.min(9.99, ratio4(pay.paid90, pay.due90)),
    partialPayments90d: pay.partial90,
    callAttemptsToday: k.attempts(CALL, W.TODAY),
    callAttempts7d: k.attempts(CALL, W.D7),
    callAttempts30d: k.attempts(CALL, W.D30),
    smsSent7d: k.attempts(SMS, W.D7),
    emailsSent7d: k.attempts(EMAIL, W.D7),
    lettersSent30d: k.attempts(LETTER, W.D30),
    visits30d: k.attempts(VISIT, W.D30),
    contactAttempts7d: k.allAttempts(W.D7),
    inboundContacts30d: k.inbound(W.D30),
    rightPartyContacts30d: k.rightParty(W.D30),
    rightPartyContacts7d: k.rightParty(W.D7),
    rightPartyContactsToday: k.rightParty(W.TODAY),
    daysSinceRightPartyContact: k.daysSinceRpc,
    daysSinceLastContact: k.daysSinceAttempt,
    daysSinceLastLetter: k.daysSinceLetter,
    daysSinceVisitNotice: k.daysSinceVisitNotice,
    consecutiveFailedAttempts: k.consecutiveFailed,
    unreachable: k.unreachable,
    thirdPartyContacts30d: k.thirdParty(W.D30),
    refusals90d: k.refusals(W.D90),
    disputes90d: k.disputes(W.D90),
    complaints90d: k.complaints(W.D90),
    bestChannel: k.bestChannel,
    bestContactHour: k.bestHour,
    activePromise: active !== null,
    activePromiseAmount: active === null ? null : active.amount / scale,
    activePromiseRemaining: active === null ? null : (active.amount - pr.matched[activeIdx]!) / scale,
    activePromiseDueInDays: active === null ? null : active.dueDay - T,
    promisesMade90d: pr.made90,
    promisesKept90d: pr.kept90,
    promisesPartiallyKept90d: pr.partial90,
    promisesBroken90d: pr.broken90,
    disputed: on("disputed"),
    bankrupt: on("bankrupt"),
    deceased: on("deceased"),
    ceaseContact: on("ceaseContact"),
    vulnerable: on("vulnerable"),
    complaintOpen: on("complaintOpen"),
    legalHold: on("legalHold"),
    breathingSpace: on("breathingSpace"),
    mentalHealthMoratorium: on("mentalHealthMoratorium"),
    attorneyRepresented: on("attorneyRepresented"),
    capacityConcern: on("capacityConcern"),
    placedWithAgency: on("placedWithAgency"),
    bankruptcyDischarged: on("bankruptcyDischarged"),
    onHold: holdReason !== null,
    holdReason,
    // Days until the first active hold with a known end lifts (the last held day + 1).
    holdReviewInDays: holdReason !== null && holdReviewDay !== Number.POSITIVE_INFINITY ? holdReviewDay + 1 - T : null,
    callOptOut: dnc.includes("call"),
    smsOptOut: dnc.includes("sms"),
    emailOptOut: dnc.includes("email"),
    letterOptOut: dnc.includes("letter"),
    visitOptOut: dnc.includes("visit"),
    appOptOut: dnc.includes("app"),
    hardshipReported: hardship !== null,
    hardshipKind: hardship === null ? null : hardship.kind,
    daysSinceHardshipReported: hardship === null ? null : T - hardship.day,
    monthlyIncome: incomeMinor === null ? null : incomeMinor / scale,
    debtServiceRatio:
      incomeMinor === null || incomeMinor === 0 ? null : ratio4((pay.monthlyDue ?? 0) + obligationsMinor, incomeMinor),
    invalidPromisePending: pr.invalidPending >= 0,
    invalidPromiseReason:
      pr.invalidPending < 0
        ? null
        : pr.invalid[pr.invalidPending] === 1
          ? "amount_below_minimum"
          : "date_beyond_horizon",
    onArrangement: isLive(arr),
    arrangementStatus: arr === null ? null : arr.state,
    arrangementKind: arr === null ? null : arr.arrangement.kind,
    arrangementMissedPayments: arr === null ? null : arr.missed,
    arrangementShortfall: arr === null ? null : arr.shortfall / scale,
    daysSinceArrangementBroken: arr === null || arr.state !== "broken" ? null : T - arr.brokenDay!,
    nextArrangementDueInDays: arr === null || arr.next < 0 ? null : arr.arrangement.day[arr.next]! - T,
    arrangementPaidShare: arr === null ? null : paidShareOf(arr),
    hardshipDaysRemaining: hard === null || hard.untilDay === null ? null : hard.untilDay - T,
    disposableIncome: ieKnown
      ? (minor(ie.monthlyIncome, ["borrower", "incomeAndExpenditure", "monthlyIncome"]) -
          minor(ie.essentialExpenditure, ["borrower", "incomeAndExpenditure", "essentialExpenditure"]) -
          minor(ie.otherDebtRepayments, ["borrower", "incomeAndExpenditure", "otherDebtRepayments"])) /
        scale
      : null,
    incomeExpenditureAgeDays: ieKnown ? T - ieDay : null,
    daysSinceReaged: lastReage === null ? null : T - lastReage,
    reageEligible:
      options.reageRules === undefined
        ? null
        : reageEligibilityParsed(
            a,
            asOf,
            resolveReageRules(options.reageRules, ["reageRules"]),
            options.scheme,
            arrangementRulesOf(options.arrangementTracking ?? {}),
          ).eligible,
    riskScore: null,
    riskProbability: null,
    hardshipScore: null,
    segment: null,
    ...stageFacts(p, asOf, a.jurisdiction, b.emergencyContacts, toleranceMinor),
  };
}

interface PaymentFacts {
  lastDay: number | null;
  lastAmount: number;
  count90: number;
  paid90: number;
  due90: number;
  partial90: number;
  monthlyDue: number | null;
}

const NO_DUES: readonly number[] = [];

function paymentFacts(p: PreparedAccount, T: number, tolerance: number): PaymentFacts {
  const { day: payDay, amount: payAmount } = p.payments;
  const dueDay = p.dues?.day ?? NO_DUES;
  const dueAmount = p.dues?.amount ?? NO_DUES;
  const start90 = T - 89;
  let lastDay: number | null = null,
    lastAmount = 0,
    count90 = 0,
    paid90 = 0,
    partial90 = 0;
  // Arrears at each payment: dues fallen due by its date minus everything paid before it.
  let di = 0,
    dueSum = 0,
    paidBefore = 0;
  for (let j = 0; j < payDay.length; j++) {
    const day = payDay[j]!;
    if (day > T) break; // payments after the evaluation date do not exist yet
    const amt = payAmount[j]!;
    if (day === lastDay) lastAmount += amt;
    else {
      lastDay = day;
      lastAmount = amt;
    }
    while (di < dueDay.length && dueDay[di]! <= day) dueSum += dueAmount[di++]!;
    if (day >= start90) {
      count90++;
      paid90 += amt;
      const arrears = dueSum - paidBefore;
      if (amt > 0 && arrears > tolerance && arrears - amt > tolerance) partial90++;
    }
    paidBefore += amt;
  }
  let due90 = 0,
    monthlyDue: number | null = null;
  for (let i = 0; i < dueDay.length; i++) {
    const day = dueDay[i]!;
    if (day > T) {
      if (monthlyDue === null) monthlyDue = dueAmount[i]!;
      break;
    }
    monthlyDue = dueAmount[i]!;
    if (day >= start90) due90 += dueAmount[i]!;
  }
  return { lastDay, lastAmount, count90, paid90, due90, partial90, monthlyDue };
}

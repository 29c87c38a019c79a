import type { Account } from "../model/account.js";
import { Dec } from "../money/index.js";
import { affordabilityContext, affordabilityMinor } from "./affordability.js";
import { type DeferralPlan, deferralOf } from "./deferral.js";
import {
  checkLastDay,
  type InstallmentPlan,
  type MinorSchedule,
  planFromSchedule,
  rateOf,
  scheduleMinor,
} from "./installments.js";
import { accountOf, amt, asOfDay, balanceFigures, fail, minor, overdueMinor, parseWith } from "./internal.js";
import { type OfferSpec, OfferSpecSchema, type ParsedOfferSpec } from "./schemas.js";
import { type SettlementOffer, settlementOf } from "./settlement.js";
import { type FeeWaiver, feeWaiverOf, waiverMinor } from "./waive.js";

/** How `buildOffer` chose among the spec's installment counts. */
type PlanSelection = "fewest_affordable" | "longest_unaffordable" | "middle_income_unknown";

/** An installment plan built from a spec, with the alternatives it was chosen from. */
export interface InstallmentOffer extends InstallmentPlan {
  basis: "outstanding" | "overdue";
  selection: PlanSelection;
  /** Every count the spec allowed, ascending, with its regular installment and affordability. */
  options: { count: number; installmentAmount: string; incomeShare: string | null; affordable: boolean | null }[];
}

/** What {@link buildOffer} returns: plain JSON, every amount a decimal string. */
export type Offer = InstallmentOffer | DeferralPlan | SettlementOffer | FeeWaiver;

/** Options of {@link buildOffer}. */
export interface BuildOfferOptions {
  /** Evaluation date or instant (ISO); an instant is read as the borrower's local date. */
  asOf: string;
}

// Specs come from loaded policies and are reused for every account: validate each object once.
const parsedSpecs = new WeakMap<object, ParsedOfferSpec>();

/**
 * Validates an offer spec (the `offer` of a policy rule's params or action) without building
 * anything: a policy loader can call it at load time so a typo fails early, with its path.
 * Valid specs are cached by object identity (do not mutate a spec after use).
 *
 * @throws {ArrearsError} `INVALID_OFFER`, e.g. `counts[1]: expected number, received "x"`.
 *
 * @example
 * parseOfferSpec({ kind: "installments", counts: [3, 6, 12], maxIncomeShare: 0.35 });
 * // { kind: "installments", counts: [3, 6, 12], maxIncomeShare: 0.35, frequency: "monthly",
 * //   waive: [], includeObligations: false, firstDueInDays: 7, basis: "outstanding" }
 */
export function parseOfferSpec(spec: unknown): ParsedOfferSpec {
  if (typeof spec === "object" && spec !== null) {
    const hit = parsedSpecs.get(spec);
    if (hit) return hit;
  }
  const parsed = parseWith(OfferSpecSchema, spec, "offer spec");
  if (typeof spec === "object" && spec !== null) parsedSpecs.set(spec, parsed);
  return parsed;
}

function installmentsOffer(
  spec: Extract<ParsedOfferSpec, { kind: "installments" }>,
  account: Account,
  day: number,
): InstallmentOffer {
  const b = balanceFigures(account);
  const c = b.currency;
  let amount: number;
  if (spec.basis === "outstanding") amount = b.outstanding;
  // Dues carry no penalty interest or late fees, so the arrears add them from the balance;
  // a core-system snapshot's overdue is taken to include them already.
  else amount = overdueMinor(account, day) + (account.dues ? b.penaltyInterest + b.fees : 0);
  const w = waiverMinor(b, spec.waive);
  // A waiver never exceeds what is being planned.
  const wp = Math.min(w.penaltyInterest, amount);
  const wf = Math.min(w.fees, amount - wp);
  const financed = amount - wp - wf;

  const first = day + spec.firstDueInDays;
  const counts = [...new Set(spec.counts)].sort((x, y) => x - y);
  checkLastDay(first, counts[counts.length - 1]!, spec.frequency, ["counts"]);
  const rate = rateOf(spec.rate);
  const incomeIn = account.borrower.monthlyIncome;
  const income = incomeIn === undefined ? null : minor(incomeIn, c, ["account", "borrower", "monthlyIncome"]);
  const maxShare = spec.maxIncomeShare === undefined ? null : new Dec(String(spec.maxIncomeShare));

  const oblIn = account.borrower.monthlyObligations;
  const obligations =
    spec.includeObligations && oblIn !== undefined ? minor(oblIn, c, ["account", "borrower", "monthlyObligations"]) : 0;
  const ctx = affordabilityContext(income, maxShare, obligations);
  const schedules: (MinorSchedule | null)[] = [];
  const options: InstallmentOffer["options"] = [];
  let pick = -1;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i]!;
    let firstAmount: number, maxAmount: number;
    if (rate.dec === null) {
      // Equal installments: the amounts are known without building the dates.
      firstAmount = Math.floor(financed / n);
      maxAmount = financed - firstAmount * (n - 1);
      if (n === 1) firstAmount = maxAmount;
      schedules.push(null);
    } else {
      const s = scheduleMinor(financed, n, first, spec.frequency, rate.dec);
      firstAmount = s.amounts[0]!;
      maxAmount = s.maxAmount;
      schedules.push(s);
    }
    const a = affordabilityMinor(maxAmount, spec.frequency, ctx, c);
    options.push({
      count: n,
      installmentAmount: amt(firstAmount, c),
      incomeShare: a.incomeShare,
      affordable: a.affordable,
    });
    if (pick < 0 && a.affordable === true) pick = i;
  }
  let selection: PlanSelection;
  if (income === null || maxShare === null) {
    selection = "middle_income_unknown";
    pick = Math.floor((counts.length - 1) / 2);
  } else if (pick >= 0) selection = "fewest_affordable";
  else {
    selection = "longest_unaffordable";
    pick = counts.length - 1;
  }
  const plan = planFromSchedule(
    schedules[pick] ?? scheduleMinor(financed, counts[pick]!, first, spec.frequency, rate.dec),
    {
      currency: c,
      frequency: spec.frequency,
      rate: rate.text,
      amount,
      waivedPenalty: wp,
      waivedFees: wf,
      financed,
      affordability: ctx,
    },
  );
  return { ...plan, basis: spec.basis, selection, options };
}

/**
 * Builds the offer an action's rule params describe, for one account at `asOf`. This is what
 * `decide` calls for actions that carry an `offer` spec.
 *
 * Specs (validated; unknown fields rejected):
 * - `{kind: "installments", counts: [3, 6, 12], frequency?: "monthly", waive?: ["penaltyInterest", "fees"],
 *   maxIncomeShare?: 0.35, includeObligations?: false, firstDueInDays?: 7, rate?: "0",
 *   basis?: "outstanding" | "overdue"}`:
 *   the amount is the outstanding balance (or the arrears plus penalty interest and fees, for
 *   `basis: "overdue"`) minus the waived components; the first installment falls
 *   `firstDueInDays` after the local date of `asOf`. The plan chosen is the one with the
 *   **fewest** installments whose largest installment fits `borrower.monthlyIncome × maxIncomeShare`;
 *   if none fits, the **longest** (flagged `affordable: false`); if income or `maxIncomeShare`
 *   is unknown, the **middle** count (the lower middle for an even number of counts). With
 *   `includeObligations: true`, `borrower.monthlyObligations` counts against the limit too.
 *   `selection` says which rule applied and `options` lists every count considered.
 * - `{kind: "deferral", months: 3, interestRate?}`: see `planDeferral`.
 * - `{kind: "settlement", maxDiscount: "0.4", floor: "0.5", validForDays?: 30}`: see `settlementOffer`.
 * - `{kind: "fee_waiver", components: ["penaltyInterest", "fees"]}`: see `waiveFees`.
 *
 * Specs are validated once per object and cached by identity: do not mutate a spec after use.
 *
 * @throws {ArrearsError} `INVALID_OFFER` with the spec path (`counts[1]: …`), `INVALID_ACCOUNT` for a bad account.
 *
 * @example
 * const offer = buildOffer(
 *   { kind: "installments", counts: [3, 6, 12], waive: ["penaltyInterest", "fees"], maxIncomeShare: 0.35 },
 *   account, // outstanding 3000.00 after waivers, borrower.monthlyIncome "2000.00"
 *   { asOf: "2026-11-23T10:00:00+08:00" },
 * );
 * offer.count;            // 6  (3 × 1000.00 > 700.00; 6 × 500.00 fits)
 * offer.selection;        // "fewest_affordable"
 * offer.firstDueDate;     // "2026-11-30"
 */
export function buildOffer(spec: OfferSpec, account: unknown, options: BuildOfferOptions): Offer {
  const s = parseOfferSpec(spec);
  if (typeof options !== "object" || options === null || typeof options.asOf !== "string")
    fail(["asOf"], "required: an ISO date or instant with offset", (options as { asOf?: unknown } | null)?.asOf);
  const a = accountOf(account);
  const day = asOfDay(options.asOf, a.timeZone, ["asOf"]);
  switch (s.kind) {
    case "installments":
      return installmentsOffer(s, a, day);
    case "deferral":
      return deferralOf(a, s.months, day, s.interestRate);
    case "settlement":
      return settlementOf(a, s.maxDiscount, s.floor, day, s.validForDays);
    case "fee_waiver":
      return feeWaiverOf(a, s.components);
  }
}

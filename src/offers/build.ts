import { readInput } from "../errors/index.js";
import { offerContext } from "./context.js";
import { type DeferralPlan, holidayOffer, type PaymentHolidayOffer } from "./deferral.js";
import { accountOf, asOfDay, fail, parseWith } from "./internal.js";
import {
  type InstallmentOffer,
  installmentsOffer,
  type PlanNotMade,
  type ReducedPaymentOffer,
  reducedPaymentOffer,
  type TermExtensionOffer,
  termExtensionOffer,
} from "./plans.js";
import { type OfferSpec, OfferSpecSchema, type ParsedOfferSpec } from "./schemas.js";
import { type SettlementOfferBuilt, settlementFromSpec } from "./settlement.js";
import { type FeeWaiverOffer, feeWaiverFromSpec } from "./waive.js";

/**
 * What {@link buildOffer} returns: plain JSON, every amount a decimal string. Every kind carries
 * the same envelope (`status`, `reviewRequired`, `reasons`, `hardship`, `contractInstallment`,
 * `paymentCap`, `affordability`, `schedule`, `scheduleTotal`); discriminate on `kind` and
 * `status`.
 */
export type Offer =
  | InstallmentOffer
  | TermExtensionOffer
  | ReducedPaymentOffer
  | PlanNotMade
  | PaymentHolidayOffer
  | DeferralPlan
  | SettlementOfferBuilt
  | FeeWaiverOffer;

/** Options of {@link buildOffer}. */
export interface BuildOfferOptions {
  /** Evaluation date or instant (ISO); an instant is read as the borrower's local date. */
  asOf: string;
  /**
   * Treat the borrower as in hardship even without an active hardship report, e.g. because the
   * scored segment is `hardship` (`decide` knows it; the offer engine sees only the account).
   * The contract-installment cap then applies. Default false.
   */
  inHardship?: boolean | undefined;
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
 * parseOfferSpec({ kind: "installments", counts: [3, 6, 12], maxIncomeShare: 0.35 }).includeObligations; // true
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

/**
 * Builds the offer an action's rule params describe, for one account at `asOf`: exact money, a
 * dated schedule, and an honest affordability verdict. This is what `decide` calls for actions
 * that carry an `offer` spec. The spec format, with an example per kind, is documented on
 * `OfferSpecSchema`; choosing a treatment by hardship kind and duration is the policy's rules'
 * job, and the engine guarantees the rest:
 *
 * - **Affordability.** The disposable amount comes from the account's income-and-expenditure
 *   summary (income − essential spending − other debt repayments) when there is a recent one,
 *   else from `monthlyIncome × maxIncomeShare − monthlyObligations`; `affordability` says which
 *   (`basis`), the amounts, the verdict and why.
 * - **Never above the contract installment in hardship.** While a hardship report is active, no
 *   payment an offer sets exceeds the contract installment (the most recent due on or before
 *   `asOf`, else the next; `contractInstallment` in the spec for an account without dues),
 *   unless the spec allows it and the payment is affordable. A reduced payment never exceeds it.
 * - **No unaffordable offer goes out as one.** When nothing fits, the result has `status:
 *   "unaffordable"`, `reviewRequired: true`, the reasons and the options considered, and an
 *   empty `schedule`: the decision routes to a hardship review. Without income information a plan
 *   is offered with `affordable: null` (never `true`), or reviewed with `ifIncomeUnknown: "review"`.
 * - **A dated schedule, exact to the minor unit.** `schedule` lists every payment the offer asks
 *   for (`installment`, `token`, `deferred_due`, `capitalised_interest`, `payoff`); `scheduleTotal`
 *   is its exact sum.
 *
 * Kinds:
 * - `installments`: the balance (or the arrears) less waivers, re-spread over the **fewest** of
 *   `counts` that is affordable and within the cap (income unknown: the fewest within the cap in
 *   hardship, else the middle count); `selection` and `options` show the choice.
 * - `term_extension`: the balance over the remaining term (dues not yet paid) plus the
 *   **shortest** of `extendByMonths` that fits.
 * - `reduced_payment`: the payment is the disposable amount, capped at the contract installment;
 *   `term: "repay"` runs until repaid (at most `maxMonths`), `"open"` for `reviewAfterMonths`
 *   then a review (`reviewOn`, `estimatedMonthsToRepay`).
 * - `payment_holiday` / `deferral`: no payments (or token payments) for `months`; every unpaid
 *   due then follows monthly from `resumeOn`, so the term is extended and no lump sum falls due
 *   (see `planDeferral`); interest frozen, capitalised at `interestRate`, or per the contract.
 * - `fee_waiver`: penalty interest and/or fees waived, and/or charges frozen for `freezeMonths`.
 * - `settlement`: see `settlementOffer`; `approach: "on_request"` for a reply to the borrower's
 *   own request (UK); `pressing: false` and `wording` always.
 *
 * Specs are validated once per object and cached by identity: do not mutate a spec after use.
 *
 * @throws {ArrearsError} `INVALID_OFFER` with the spec path (`counts[1]: …`), `INVALID_ACCOUNT` for a bad account.
 *
 * @example
 * // CN-HARD-03: ¥20,000 left, contract installment ¥2,500, income now ¥6,000, income_drop reported
 * const offer = buildOffer(
 *   { kind: "installments", counts: [3, 6, 12], maxIncomeShare: 0.35, rounding: "up", firstDueOn: "next_due_date" },
 *   account,
 *   { asOf: "2026-11-23T10:00:00+08:00" },
 * );
 * offer.status;                 // "offered"
 * offer.paymentCap;             // "2100.00" = min(2500.00, 35 % × 6000.00)
 * offer.schedule[0];            // { number: 1, dueDate: "2026-12-20", amount: "1666.67", type: "installment" }
 * offer.affordability.affordable; // true
 * // With income ¥3,000 nothing fits: status "unaffordable", reviewRequired true, schedule [].
 */
export function buildOffer(spec: OfferSpec, account: unknown, options: BuildOfferOptions): Offer {
  const s = parseOfferSpec(spec);
  // The two fields read once, as a copy (a getter or a proxy is an unreadable input).
  options = readInput("INVALID_OFFER", "buildOffer options", () =>
    typeof options === "object" && options !== null
      ? { asOf: options.asOf, ...(options.inHardship === undefined ? {} : { inHardship: options.inHardship }) }
      : options,
  );
  if (typeof options !== "object" || options === null || typeof options.asOf !== "string")
    fail(["asOf"], "required: an ISO date or instant with offset", (options as { asOf?: unknown } | null)?.asOf);
  const a = accountOf(account);
  const day = asOfDay(options.asOf, a.timeZone, ["asOf"]);
  if (options.inHardship !== undefined && typeof options.inHardship !== "boolean")
    fail(["inHardship"], "expected a boolean", options.inHardship);
  const ctx = offerContext(a, day, s, options.inHardship === true);
  switch (s.kind) {
    case "installments":
      return installmentsOffer(s, ctx);
    case "term_extension":
      return termExtensionOffer(s, ctx);
    case "reduced_payment":
      return reducedPaymentOffer(s, ctx);
    case "payment_holiday":
    case "deferral":
      return holidayOffer(s, ctx);
    case "settlement":
      return settlementFromSpec(s, ctx);
    case "fee_waiver":
      return feeWaiverFromSpec(s, ctx);
  }
}

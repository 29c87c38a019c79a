/**
 * Characteristics for fitting a card on the UCI credit-card data, computed from the raw columns
 * of one row: the lender's "own facts" (not in the arrears catalogue, so the fitted card declares
 * them in `ownFacts`), plus the catalogue's `creditLimit`. Amounts are in TWD.
 */
import type { FitCharacteristicOptions } from "../../src/index.js";
import type { UciRow } from "./data.js";

/** UCI repayment status → a readable category (only 1 and above is delinquency). */
function statusLabel(s: number): string {
  if (s <= -2) return "no_use"; // no consumption, no balance
  if (s === -1) return "paid_in_full";
  if (s === 0) return "revolving"; // minimum paid, balance carried
  if (s === 1) return "late_1";
  if (s === 2) return "late_2";
  return "late_3_plus";
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Bill ÷ limit in bands, for crossing with the status. */
function utilizationBand(u: number): string {
  if (u <= 0) return "no_balance";
  if (u < 0.1) return "util_0_10";
  if (u < 0.5) return "util_10_50";
  if (u < 0.8) return "util_50_80";
  return "util_80_plus";
}

/** Payment ÷ the bill it settles, in bands (null: there was no bill to pay). */
function paymentBand(r: number | null): string {
  if (r === null) return "no_bill";
  if (r === 0) return "paid_nothing";
  if (r < 0.05) return "paid_minimum";
  if (r < 0.5) return "paid_part";
  if (r < 1) return "paid_most";
  return "paid_all";
}

/** One row's facts: fact name → value (null = missing), and the outcome `defaulted`. */
export function uciFitRow(r: UciRow): Record<string, string | number | boolean | null> {
  const { limit, status: s, bill: b, paid: p } = r;
  // Payment k (Sep = 0 … May = 4) settles the bill of the month before it (k + 1).
  const ratios = [0, 1, 2, 3, 4].flatMap((k) => (b[k + 1]! > 0 ? [Math.min(5, p[k]! / b[k + 1]!)] : []));
  return {
    statusLast3: [s[0]!, s[1]!, s[2]!].map(statusLabel).join("/"),
    statusSep: statusLabel(s[0]!),
    // Crossed characteristics: a revolving account at 90 % of its limit is not one at 5 %.
    statusByUtilization: `${statusLabel(s[0]!)}|${utilizationBand(b[0]! / limit)}`,
    statusByPayment: `${statusLabel(s[0]!)}|${paymentBand(b[1]! > 0 ? p[0]! / b[1]! : null)}`,
    delinquencyMonthsSum: sum(s.map((x) => Math.max(0, x))),
    monthsRevolving: s.filter((x) => x === 0).length,
    creditLimit: limit,
    maxBillToLimit: Math.max(...b) / limit,
    avgBillToLimit: sum(b) / 6 / limit,
    billChange2m: (b[0]! - b[2]!) / limit,
    billChange3m: (b[0]! - b[3]!) / limit,
    monthsBillUp: [0, 1, 2, 3, 4].filter((k) => b[k]! > b[k + 1]!).length,
    minPaymentRatio: ratios.length > 0 ? Math.min(...ratios) : null,
    paymentRatioSep: b[1]! > 0 ? Math.min(1, p[0]! / b[1]!) : null,
    monthsPaidInFull: [0, 1, 2, 3, 4].filter((k) => b[k + 1]! > 0 && p[k]! >= b[k + 1]!).length,
    paidSep: p[0]!,
    paidAug: p[1]!,
    paid6m: sum(p),
    unpaidToLimit: (b[1]! - p[0]!) / limit,
    headroom: limit - b[0]!,
    defaulted: r.defaulted,
  };
}

const c = (
  fact: string,
  reasonCode: string,
  reasonText: string,
  description: string,
  extra: Partial<FitCharacteristicOptions> = {},
): FitCharacteristicOptions => ({ fact, reasonCode, reasonText, description, ...extra });

/** What the card may use, with reason codes and texts; the fit keeps those that earn their place. */
export const UCI_CHARACTERISTICS: FitCharacteristicOptions[] = [
  c("statusLast3", "U01", "Recent repayment status", "Repayment status Sep/Aug/Jul 2005, newest first."),
  c("statusSep", "U02", "Repayment status last month", "Repayment status in September 2005."),
  c("statusByUtilization", "U19", "Status and balance against the limit", "September status × bill ÷ limit band."),
  c("statusByPayment", "U20", "Status and share of the last bill paid", "September status × paid ÷ bill band."),
  c("delinquencyMonthsSum", "U03", "Months in arrears in the last 6", "Sum over 6 months of the months late."),
  c("monthsRevolving", "U04", "Balance carried month after month", "Months of 6 with a revolving balance."),
  c("creditLimit", "U05", "Low credit limit", "Credit limit (TWD)."),
  c("maxBillToLimit", "U06", "High balance against the limit", "Highest of 6 bills ÷ credit limit."),
  c("avgBillToLimit", "U07", "High average balance", "Mean of 6 bills ÷ credit limit."),
  c("billChange2m", "U08", "Balance moving against you", "(Sep bill − Jul bill) ÷ credit limit."),
  c("billChange3m", "U09", "Balance moving against you", "(Sep bill − Jun bill) ÷ credit limit."),
  c("monthsBillUp", "U10", "Balance rising", "Months of 5 in which the bill rose."),
  c("minPaymentRatio", "U11", "A month with little paid", "Lowest of paid ÷ previous bill over 5 months."),
  c("paymentRatioSep", "U12", "Little of last bill paid", "September payment ÷ August bill, capped at 1."),
  c("monthsPaidInFull", "U13", "Bills rarely paid in full", "Months of 5 the previous bill was paid in full."),
  c("paidSep", "U14", "Little paid last month", "Amount paid in September (TWD)."),
  c("paidAug", "U15", "Little paid two months ago", "Amount paid in August (TWD)."),
  c("paid6m", "U16", "Little paid in 6 months", "Amount paid over 6 months (TWD)."),
  c("unpaidToLimit", "U17", "Last bill left unpaid", "(August bill − September payment) ÷ credit limit."),
  c("headroom", "U18", "Little room under the limit", "Credit limit − September bill (TWD)."),
];

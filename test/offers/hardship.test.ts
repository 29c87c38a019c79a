import { describe, expect, it } from "vitest";
import { arrangementStatus } from "../../src/arrangements/index.js";
import type { AccountInput } from "../../src/model/index.js";
import {
  buildOffer,
  type DeferralPlan,
  type FeeWaiverOffer,
  type InstallmentOffer,
  offerToArrangement,
  type PaymentHolidayOffer,
  type PlanNotMade,
  type ReducedPaymentOffer,
  type SettlementOfferBuilt,
  type TermExtensionOffer,
} from "../../src/offers/index.js";
import { thrownArrearsError as errorOf } from "../helpers.js";

type Hardship = NonNullable<NonNullable<AccountInput["borrower"]>["hardship"]>[number];

/** Monthly dues of `amount` on `day` from `from` (YYYY-MM), `n` of them; the first `paid` paid on time. */
function loan(o: {
  currency: string;
  zone: string;
  jurisdiction: string;
  from: string;
  day: number;
  n: number;
  amount: string;
  paid: number;
  balance: AccountInput["balance"];
  borrower?: AccountInput["borrower"];
}): AccountInput {
  const [y0, m0] = o.from.split("-").map(Number) as [number, number];
  const dues = Array.from({ length: o.n }, (_, i) => {
    const t = y0 * 12 + (m0 - 1) + i;
    const date = `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}-${String(o.day).padStart(2, "0")}`;
    return { dueDate: date, amount: o.amount };
  });
  return {
    id: "H",
    product: "installment",
    currency: o.currency,
    jurisdiction: o.jurisdiction,
    openedOn: `${y0 - 1}-12-01`,
    timeZone: o.zone,
    balance: o.balance,
    dues,
    payments: dues.slice(0, o.paid).map((d) => ({ date: d.dueDate, amount: d.amount })),
    borrower: o.borrower ?? {},
  };
}

const CN = { currency: "CNY", zone: "Asia/Shanghai", jurisdiction: "CN" };
const US = { currency: "USD", zone: "America/New_York", jurisdiction: "US-NY" };
const GB = { currency: "GBP", zone: "Europe/London", jurisdiction: "GB-ENG" };
const ASOF = { CN: "2026-11-23T10:00:00+08:00", US: "2026-11-23T10:00:00-05:00", GB: "2026-11-23T10:00:00+00:00" };
const drop = (reportedOn: string, until?: string): Hardship[] => [
  { kind: "income_drop", reportedOn, ...(until ? { until } : {}) },
];

// CN-HARD-03: contract installment ¥2,500 on the 20th; 8 payments left (¥20,000), 10-20 and 11-20 unpaid.
const cnHard03 = (income: string) =>
  loan({
    ...CN,
    from: "2026-04",
    day: 20,
    n: 14,
    amount: "2500.00",
    paid: 6,
    balance: { principal: "20000.00", penaltyInterest: "150.00" },
    borrower: { monthlyIncome: income, hardship: drop("2026-11-18") },
  });
const cnPlan = {
  kind: "installments",
  counts: [3, 6, 12],
  maxIncomeShare: 0.35,
  waive: ["penaltyInterest"],
  waiveWhen: "on_completion",
  rounding: "up",
  firstDueOn: "next_due_date",
} as const;

describe("installments in hardship (CN-HARD-03/04, US-HARD-03)", () => {
  it("CN-HARD-03: 12 × 1,666.67 (last 1,666.63) from the next due date, capped at min(2,500, 35 % × 6,000)", () => {
    const o = buildOffer(cnPlan, cnHard03("6000.00"), { asOf: ASOF.CN }) as InstallmentOffer;
    expect(o.status).toBe("offered");
    expect(o.count).toBe(12);
    expect(o.paymentCap).toBe("2100.00");
    expect(o.contractInstallment).toBe("2500.00");
    expect(o.hardship).toEqual({ kind: "income_drop", reportedOn: "2026-11-18", until: null });
    expect(o.options.map((x) => [x.count, x.largestInstallment, x.eligible])).toEqual([
      [3, "6666.67", false],
      [6, "3333.34", false],
      [12, "1666.67", true],
    ]);
    expect(o.schedule[0]).toEqual({ number: 1, dueDate: "2026-12-20", amount: "1666.67", type: "installment" });
    expect(o.schedule[11]).toEqual({ number: 12, dueDate: "2027-11-20", amount: "1666.63", type: "installment" });
    expect(o.scheduleTotal).toBe("20000.00");
    expect(o.waived.penaltyInterest).toBe("150.00");
    expect(o.waiverCondition).toBe("on_completion");
    expect(o.reasons.map((r) => r.code)).toEqual(["contract_installment_cap"]);
  });

  it("CN-HARD-04: nothing affordable at ¥3,000 income: review, no schedule", () => {
    const account = {
      ...cnHard03("3000.00"),
      balance: { principal: "40000.00" },
    };
    const o = buildOffer(cnPlan, account, { asOf: ASOF.CN }) as PlanNotMade;
    expect(o).toMatchObject({ status: "unaffordable", reviewRequired: true, schedule: [], paymentCap: "1050.00" });
    expect(o.affordability.reason).toBe("exceeds_disposable");
    expect(o.reasons.map((r) => r.code)).toEqual(["contract_installment_cap", "none_affordable"]);
  });

  it("US-HARD-03: 12 × $400 (cap = the $500 contract installment, not 35 % of income)", () => {
    const account = loan({
      ...US,
      from: "2026-04",
      day: 20,
      n: 14,
      amount: "500.00",
      paid: 4,
      balance: { principal: "4800.00", fees: "50.00" },
      borrower: { monthlyIncome: "3000.00", hardship: drop("2026-11-16") },
    });
    const o = buildOffer({ ...cnPlan, waive: ["fees"] }, account, { asOf: ASOF.US }) as InstallmentOffer;
    expect(o.count).toBe(12);
    expect(o.installmentAmount).toBe("400.00");
    expect(o.paymentCap).toBe("500.00");
    expect(o.firstDueDate).toBe("2026-12-20");
    // Above the contract installment only when the policy allows it and it is affordable.
    const rich = { ...account, borrower: { monthlyIncome: "10000.00", hardship: drop("2026-11-16") } };
    expect((buildOffer(cnPlan, rich, { asOf: ASOF.US }) as InstallmentOffer).count).toBe(12);
    // Only plans above the cap fit the disposable amount: a review, and the reason says why.
    const short = buildOffer({ ...cnPlan, counts: [3, 6] }, rich, { asOf: ASOF.US }) as PlanNotMade;
    expect(short.status).toBe("unaffordable");
    expect(short.affordability).toMatchObject({ affordable: false, reason: "above_contract_installment" });
    const allowed = buildOffer({ ...cnPlan, allowAboveContractInstallment: true }, rich, { asOf: ASOF.US });
    expect((allowed as InstallmentOffer).count).toBe(3);
  });

  it("a caller's hardship judgement (the scored segment) applies the cap without a report", () => {
    const account = { ...cnHard03("6000.00"), borrower: { monthlyIncome: "20000.00" } };
    const free = buildOffer(cnPlan, account, { asOf: ASOF.CN }) as InstallmentOffer;
    expect(free.count).toBe(3);
    expect(free.paymentCap).toBe("7000.00");
    const capped = buildOffer(cnPlan, account, { asOf: ASOF.CN, inHardship: true }) as InstallmentOffer;
    expect(capped.count).toBe(12);
    expect(capped.reasons[0]!.message).toContain("as the caller judged");
    expect(errorOf(() => buildOffer(cnPlan, account, { asOf: ASOF.CN, inHardship: "yes" as never })).code).toBe(
      "INVALID_OFFER",
    );
  });

  it("income unknown: the fewest within the contract installment, never called affordable; or a review", () => {
    const account = { ...cnHard03("1"), borrower: { hardship: drop("2026-11-18") } };
    const o = buildOffer(cnPlan, account, { asOf: ASOF.CN }) as InstallmentOffer;
    expect(o).toMatchObject({ status: "offered", count: 12, selection: "fewest_within_contract_installment" });
    expect(o.affordable).toBeNull();
    expect(o.affordability).toMatchObject({ basis: "unknown", affordable: null, reason: "income_unknown" });
    const r = buildOffer({ ...cnPlan, ifIncomeUnknown: "review" }, account, { asOf: ASOF.CN });
    expect(r).toMatchObject({ status: "insufficient_information", reviewRequired: true, schedule: [] });
  });

  it("a recent income-and-expenditure summary wins over the income share; a stale one is not used", () => {
    const ie = { monthlyIncome: "6000.00", essentialExpenditure: "4000.00", otherDebtRepayments: "500.00" };
    const account = (completedOn: string) => ({
      ...cnHard03("6000.00"),
      borrower: {
        monthlyIncome: "6000.00",
        hardship: drop("2026-11-18"),
        incomeAndExpenditure: { ...ie, completedOn },
      },
    });
    const fresh = buildOffer(cnPlan, account("2026-11-19"), { asOf: ASOF.CN }) as InstallmentOffer | PlanNotMade;
    expect(fresh.affordability).toMatchObject({
      basis: "income_expenditure",
      disposable: "1500.00",
      inputs: { income: "6000.00", essentialExpenditure: "4000.00", otherDebtRepayments: "500.00" },
    });
    expect(fresh.status).toBe("unaffordable"); // 12 × 1,666.67 > 1,500.00
    const stale = buildOffer(cnPlan, account("2025-06-01"), { asOf: ASOF.CN });
    expect(stale.affordability.basis).toBe("income_share");
    const future = buildOffer(cnPlan, account("2026-11-30"), { asOf: ASOF.CN });
    expect(future.affordability.basis).toBe("income_share");
  });
});

describe("reduced payments and term extensions (GB-HARD-01/03)", () => {
  // GB base: £250 on the 20th; dues 10-20 and 11-20 unpaid (DPD 34); balance £4,500.
  const gb = (ie: { monthlyIncome: string; essentialExpenditure: string }) =>
    loan({
      ...GB,
      from: "2025-06",
      day: 20,
      n: 36,
      amount: "250.00",
      paid: 16,
      balance: { principal: "4500.00" },
      borrower: {
        monthlyIncome: "2600.00",
        hardship: drop("2026-11-17"),
        incomeAndExpenditure: { ...ie, completedOn: "2026-11-19" },
      },
    });
  const gbSpec = {
    kind: "reduced_payment",
    term: "open",
    reviewAfterMonths: 6,
    freeze: ["interest", "fees"],
    firstDueOn: "next_due_date",
    roundDownTo: "1.00",
  } as const;

  it("GB-HARD-01: £180 a month from the I&E surplus, interest and charges frozen, review after six payments", () => {
    const o = buildOffer(gbSpec, gb({ monthlyIncome: "1900.00", essentialExpenditure: "1720.00" }), {
      asOf: ASOF.GB,
    }) as ReducedPaymentOffer;
    expect(o).toMatchObject({
      kind: "reduced_payment",
      status: "offered",
      payment: "180.00",
      term: "open",
      firstDueDate: "2026-12-20",
      lastDueDate: "2027-05-20",
      reviewOn: "2027-05-20",
      estimatedMonthsToRepay: 25,
      remainingAfterSchedule: "3420.00",
      frozen: ["interest", "fees"],
      affordability: { basis: "income_expenditure", disposable: "180.00", affordable: true },
    });
    expect(o.schedule.map((l) => l.amount)).toEqual(Array(6).fill("180.00"));
  });

  it("the payment never exceeds the contract installment; repay term runs to the end", () => {
    const o = buildOffer(
      { kind: "reduced_payment", firstDueOn: "next_due_date" },
      gb({ monthlyIncome: "3000.00", essentialExpenditure: "1000.00" }),
      { asOf: ASOF.GB },
    ) as ReducedPaymentOffer;
    expect(o.payment).toBe("250.00");
    expect(o.schedule).toHaveLength(18);
    expect(o.scheduleTotal).toBe("4500.00");
    expect(o.reviewOn).toBeNull();
  });

  it("GB-HARD-03: a deficit budget gets no plan, a review and a debt-advice reason", () => {
    const account = gb({ monthlyIncome: "1500.00", essentialExpenditure: "1540.00" });
    const o = buildOffer(gbSpec, account, { asOf: ASOF.GB }) as PlanNotMade;
    expect(o).toMatchObject({ status: "unaffordable", reviewRequired: true, schedule: [] });
    expect(o.affordability).toMatchObject({ disposable: "-40.00", affordable: false, reason: "deficit_budget" });
    expect(o.reasons.map((r) => r.code)).toContain("deficit_budget");
    const plan = buildOffer({ kind: "installments", counts: [12, 24] }, account, { asOf: ASOF.GB });
    expect(plan.status).toBe("unaffordable");
  });

  it("a repay term longer than maxMonths is not offered", () => {
    const o = buildOffer(
      { kind: "reduced_payment", maxMonths: 12 },
      gb({ monthlyIncome: "1900.00", essentialExpenditure: "1720.00" }),
      { asOf: ASOF.GB },
    );
    expect(o).toMatchObject({
      status: "unaffordable",
      reasons: [{ code: "contract_installment_cap" }, { code: "term_too_long" }],
    });
  });

  it("term extension: the remaining 8 payments plus the shortest extension that fits", () => {
    const o = buildOffer(
      { kind: "term_extension", extendByMonths: [12, 6, 24], maxIncomeShare: 0.35, firstDueOn: "next_due_date" },
      cnHard03("6000.00"),
      { asOf: ASOF.CN },
    ) as TermExtensionOffer;
    expect(o).toMatchObject({
      status: "offered",
      remainingTermMonths: 8,
      extensionMonths: 6,
      count: 14,
      installmentAmount: "1439.28",
      firstDueDate: "2026-12-20",
      scheduleTotal: "20150.00",
    });
    expect(o.options.map((x) => x.extensionMonths)).toEqual([6, 12, 24]);
    const capped = buildOffer(
      { kind: "term_extension", extendByMonths: [6], maxTermMonths: 12, maxIncomeShare: 0.35 },
      cnHard03("6000.00"),
      { asOf: ASOF.CN },
    );
    expect(capped).toMatchObject({
      status: "unaffordable",
      reasons: [{ code: "contract_installment_cap" }, { code: "term_too_long" }],
    });
  });
});

describe("payment holidays and deferrals (CN-HARD-01/02, GB-HARD-02)", () => {
  const cn = (dueDay: number, hardship: Hardship[]) =>
    loan({
      ...CN,
      from: "2026-01",
      day: dueDay,
      n: 24,
      amount: "2000.00",
      paid: 10,
      balance: { principal: "28000.00", penaltyInterest: "80.00", fees: "50.00" },
      borrower: { monthlyIncome: "10000.00", hardship },
    });

  it("CN-HARD-01 medical: 11-15, 12-15 and 01-15 deferred; payments resume 2027-02-15", () => {
    const o = buildOffer(
      { kind: "deferral", months: 3, waive: ["penaltyInterest", "fees"] },
      cn(15, [{ kind: "medical", reportedOn: "2026-11-18", until: "2027-02-28" }]),
      { asOf: ASOF.CN },
    ) as DeferralPlan;
    expect(o).toMatchObject({ status: "offered", until: "2027-02-15", resumeOn: "2027-02-15", months: 3 });
    expect(o.deferredDueDates.slice(0, 3)).toEqual(["2026-11-15", "2026-12-15", "2027-01-15"]);
    expect(o.newSchedule[0]).toMatchObject({
      dueDate: "2027-02-15",
      amount: "2000.00",
      originalDueDates: ["2026-11-15"],
    });
    expect(o.schedule.every((l) => l.amount === "2000.00")).toBe(true);
    expect(o.waived).toEqual({ penaltyInterest: "80.00", fees: "50.00", total: "130.00" });
  });

  it("CN-HARD-02 unemployment: a three-month payment holiday to 2027-02-10, reviewed 2027-01-26", () => {
    const o = buildOffer(
      { kind: "payment_holiday", months: 3, waive: ["penaltyInterest", "fees"] },
      cn(10, [{ kind: "unemployment", reportedOn: "2026-11-16" }]),
      { asOf: ASOF.CN },
    ) as PaymentHolidayOffer;
    expect(o).toMatchObject({
      kind: "payment_holiday",
      status: "offered",
      startsOn: "2026-11-10",
      resumeOn: "2027-02-10",
      reviewOn: "2027-01-26",
      tokenPayment: "0.00",
      arrearsTreatment: "relaid",
      affordability: { affordable: true, reason: "no_payment", payment: "0.00" },
    });
    expect(o.schedule[0]).toMatchObject({ dueDate: "2027-02-10", amount: "2000.00", type: "deferred_due" });
    expect(o.scheduleTotal).toBe(o.deferredAmount);
  });

  it("token payments on the holiday months ahead reduce the dues re-laid; never one due today", () => {
    const o = buildOffer(
      { kind: "payment_holiday", months: 3, tokenPayment: { share: "0.1" } },
      cn(10, [{ kind: "unemployment", reportedOn: "2026-11-16" }]),
      { asOf: ASOF.CN },
    ) as PaymentHolidayOffer;
    expect(o.schedule.slice(0, 3).map((l) => [l.dueDate, l.amount, l.type])).toEqual([
      ["2026-12-10", "200.00", "token"],
      ["2027-01-10", "200.00", "token"],
      ["2027-02-10", "1600.00", "deferred_due"],
    ]);
    expect(o.tokenTotal).toBe("400.00");
    expect(o.scheduleTotal).toBe(o.deferredAmount);
  });

  it("the holiday outlasts the expected hardship (monthsFromHardship), at most its max", () => {
    const account = cn(10, [{ kind: "unemployment", reportedOn: "2026-11-16", until: "2027-03-31" }]);
    const o = buildOffer({ kind: "payment_holiday", months: 3, monthsFromHardship: { max: 6 } }, account, {
      asOf: ASOF.CN,
    }) as PaymentHolidayOffer;
    expect(o.months).toBe(5);
    expect(o.resumeOn).toBe("2027-04-10");
    const capped = buildOffer({ kind: "payment_holiday", months: 3, monthsFromHardship: { max: 4 } }, account, {
      asOf: ASOF.CN,
    }) as PaymentHolidayOffer;
    expect(capped.months).toBe(4);
  });

  it("GB-HARD-02 redundancy: interest frozen; resume 2027-02-20, review 2027-02-05", () => {
    const account = loan({
      ...GB,
      from: "2025-06",
      day: 20,
      n: 36,
      amount: "250.00",
      paid: 17,
      balance: { principal: "4750.00" },
      borrower: { hardship: [{ kind: "unemployment", reportedOn: "2026-11-09" }] },
    });
    const o = buildOffer(
      { kind: "payment_holiday", months: 3, freeze: ["interest", "fees"], interestRate: "0.2" },
      account,
      {
        asOf: ASOF.GB,
      },
    ) as PaymentHolidayOffer;
    expect(o).toMatchObject({
      resumeOn: "2027-02-20",
      reviewOn: "2027-02-05",
      interest: { treatment: "frozen", amount: "0.00" },
      frozen: ["interest", "fees"],
    });
  });
});

describe("settlements and waivers", () => {
  const m6 = loan({
    ...CN,
    from: "2025-07",
    day: 20,
    n: 24,
    amount: "2500.00",
    paid: 11,
    balance: { principal: "52000.00", interest: "3000.00", penaltyInterest: "5000.00" },
    borrower: { hardship: [{ kind: "unemployment", reportedOn: "2026-03-10" }] },
  });

  it("CN-HARD-07: ¥42,000 payoff (30 % off ¥60,000), open to 2026-12-23, never pressed", () => {
    const o = buildOffer({ kind: "settlement", maxDiscount: 0.3, floor: { share: 0.6 }, validForDays: 30 }, m6, {
      asOf: ASOF.CN,
    }) as SettlementOfferBuilt;
    expect(o).toMatchObject({
      status: "offered",
      payoff: "42000.00",
      discount: "18000.00",
      validUntil: "2026-12-23",
      approach: "proactive",
      pressing: false,
      wording: { pressing: false, presentAs: "option", validity: "stays_open_until", offerAlternatives: true },
      affordability: { affordable: null, reason: "lump_sum" },
      schedule: [{ number: 1, dueDate: "2026-12-23", amount: "42000.00", type: "payoff" }],
    });
  });

  it("on request only (GB): a reply, never pressing", () => {
    const o = buildOffer(
      { kind: "settlement", maxDiscount: 0.3, floor: { share: 0.6 }, approach: "on_request", validForDays: 60 },
      m6,
      { asOf: ASOF.CN },
    ) as SettlementOfferBuilt;
    expect(o.wording.presentAs).toBe("reply_to_request");
    expect(o.reasons).toEqual([
      { code: "on_request_only", message: "in answer to the borrower's own request only; never offered proactively" },
    ]);
  });

  it("a fee waiver with an interest freeze; nothing to waive is not an offer", () => {
    const o = buildOffer(
      { kind: "fee_waiver", components: ["penaltyInterest"], freeze: ["interest"], freezeMonths: 6 },
      m6,
      { asOf: ASOF.CN },
    ) as FeeWaiverOffer;
    expect(o).toMatchObject({
      status: "offered",
      waived: { penaltyInterest: "5000.00", fees: "0.00", total: "5000.00" },
      freeze: { components: ["interest"], from: "2026-11-23", until: "2027-05-23" },
      schedule: [],
    });
    const none = buildOffer({ kind: "fee_waiver", components: ["fees"] }, m6, { asOf: ASOF.CN });
    expect(none).toMatchObject({
      status: "not_applicable",
      reviewRequired: false,
      reasons: [{ code: "nothing_to_waive" }],
    });
    expect(errorOf(() => buildOffer({ kind: "fee_waiver" }, m6, { asOf: ASOF.CN })).issues[0]!.path).toEqual([
      "components",
    ]);
  });
});

describe("an agreed offer becomes a tracked arrangement", () => {
  it("CN-HARD-03's plan, agreed, is on track and then at risk after a short payment", () => {
    const account = cnHard03("6000.00");
    const offer = buildOffer(cnPlan, account, { asOf: ASOF.CN });
    const arrangement = offerToArrangement(offer, { id: "plan-1", agreedOn: "2026-11-25" });
    expect(arrangement).toMatchObject({
      id: "plan-1",
      kind: "installment_plan",
      agreedOn: "2026-11-25",
      conditionalWaiver: { penaltyInterest: "150.00" },
    });
    expect(arrangement.schedule).toHaveLength(12);
    const tracked = { ...account, arrangements: [arrangement] };
    expect(arrangementStatus(tracked, { asOf: "2026-12-21" }).current?.status).toBe("on_track");
    const short = { ...tracked, payments: [...tracked.payments!, { date: "2026-12-20", amount: "1000.00" }] };
    expect(arrangementStatus(short, { asOf: "2026-12-23" }).current).toMatchObject({
      status: "at_risk",
      shortfall: "666.67",
    });
  });

  it("refuses an offer that was not made, a waiver, or an agreement after the first payment", () => {
    const account = cnHard03("3000.00");
    const unaffordable = buildOffer(
      { ...cnPlan },
      { ...account, balance: { principal: "40000.00" } },
      { asOf: ASOF.CN },
    );
    expect(
      errorOf(() => offerToArrangement(unaffordable, { id: "x", agreedOn: "2026-11-25" })).issues[0]!.path,
    ).toEqual(["status"]);
    const ok = buildOffer(cnPlan, cnHard03("6000.00"), { asOf: ASOF.CN });
    expect(errorOf(() => offerToArrangement(ok, { id: "x", agreedOn: "2027-01-01" })).issues[0]!.path).toEqual([
      "agreedOn",
    ]);
  });
});

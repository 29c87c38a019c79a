import { describe, expect, it } from "vitest";
import { parseAccount } from "../../src/model/index.js";
import {
  buildOffer,
  type InstallmentOffer,
  type OfferSpec,
  type PlanNotMade,
  parseOfferSpec,
} from "../../src/offers/index.js";
import { thrownArrearsError as errorOf } from "../helpers.js";
import { account } from "./fixtures.js";

// Outstanding 3100.00; after waiving penalty interest and fees, 3000.00.
const big = (income?: string) =>
  account({
    balance: { principal: "2900.00", interest: "100.00", penaltyInterest: "60.00", fees: "40.00" },
    borrower: income === undefined ? {} : { monthlyIncome: income },
  });

const spec: OfferSpec = {
  kind: "installments",
  counts: [3, 6, 12],
  waive: ["penaltyInterest", "fees"],
  maxIncomeShare: 0.35,
};
const asOf = "2026-11-23T10:00:00+08:00";

describe("buildOffer: installment plans", () => {
  it("picks the fewest installments that fit the income share", () => {
    // limit 2000.00 × 0.35 = 700.00: 3 × 1000.00 no, 6 × 500.00 yes
    const o = buildOffer(spec, big("2000.00"), { asOf }) as InstallmentOffer;
    expect(o.kind).toBe("installments");
    expect(o.count).toBe(6);
    expect(o.selection).toBe("fewest_affordable");
    expect(o.affordable).toBe(true);
    expect(o.incomeShare).toBe("0.2500");
    expect(o.amount).toBe("3100.00");
    expect(o.waived).toEqual({ penaltyInterest: "60.00", fees: "40.00", total: "100.00" });
    expect(o.financed).toBe("3000.00");
    expect(o.installmentAmount).toBe("500.00");
    expect(o.firstDueDate).toBe("2026-11-30"); // local 23 Nov + 7 days
    expect(o.lastDueDate).toBe("2027-04-30");
    expect(o.basis).toBe("outstanding");
    expect(o.options.map((x) => [x.count, x.installmentAmount, x.incomeShare, x.affordable, x.eligible])).toEqual([
      [3, "1000.00", "0.5000", false, false],
      [6, "500.00", "0.2500", true, true],
      [12, "250.00", "0.1250", true, true],
    ]);
    // The envelope: an offer the engine stands behind, with its dated schedule.
    expect(o.status).toBe("offered");
    expect(o.reviewRequired).toBe(false);
    expect(o.affordability).toMatchObject({
      basis: "income_share",
      disposable: "700.00",
      payment: "500.00",
      affordable: true,
      reason: "fits",
    });
    expect(o.schedule.map((l) => [l.dueDate, l.amount, l.type])).toEqual(
      o.installments.map((i) => [i.dueDate, i.amount, "installment"]),
    );
    expect(o.scheduleTotal).toBe("3000.00");
    expect(o.hardship).toBeNull();
    expect(o.paymentCap).toBe("700.00");
  });

  it("when nothing fits, no plan goes out: status unaffordable, review required, no schedule", () => {
    const o = buildOffer(spec, big("500.00"), { asOf }) as PlanNotMade;
    expect(o.kind).toBe("installments");
    expect(o.status).toBe("unaffordable");
    expect(o.reviewRequired).toBe(true);
    expect(o.schedule).toEqual([]);
    expect(o.scheduleTotal).toBe("0.00");
    expect(o.selection).toBe("none");
    expect(o.options!.every((x) => x.affordable === false)).toBe(true);
    expect(o.affordability).toMatchObject({ affordable: false, payment: null, reason: "exceeds_disposable" });
    expect(o.reasons.map((r) => r.code)).toEqual(["none_affordable"]);
    expect(o.reasons[0]!.message).toContain("12 × 250.00");
  });

  it("with income unknown, offers the middle count (lower middle for an even number)", () => {
    const o = buildOffer(spec, big(), { asOf }) as InstallmentOffer;
    expect(o.count).toBe(6);
    expect(o.selection).toBe("middle_income_unknown");
    expect(o.affordable).toBeNull();
    const even = buildOffer({ kind: "installments", counts: [24, 3, 12, 6] }, big(), { asOf }) as InstallmentOffer;
    expect(even.count).toBe(6);
    expect(even.options.map((x) => x.count)).toEqual([3, 6, 12, 24]);
    // no maxIncomeShare in the spec: income alone cannot decide
    const noShare = buildOffer({ kind: "installments", counts: [3, 6, 12] }, big("2000.00"), {
      asOf,
    }) as InstallmentOffer;
    expect(noShare.selection).toBe("middle_income_unknown");
    // 3100.00 ÷ 6: five of 516.66 and a last of 516.70; 516.70 ÷ 2000.00 = 0.25835
    expect(noShare.incomeShare).toBe("0.2584");
  });

  it("other debt service counts against the limit unless includeObligations is false", () => {
    const acc = account({
      balance: { principal: "2900.00", interest: "100.00", penaltyInterest: "60.00", fees: "40.00" },
      borrower: { monthlyIncome: "2000.00", monthlyObligations: "300.00" },
    });
    // limit 700.00 − 300.00 = 400.00: 6 × 500.00 no; 12 × 250.00 yes
    const o = buildOffer(spec, acc, { asOf }) as InstallmentOffer;
    expect(o.count).toBe(12);
    expect(o.incomeShare).toBe("0.2750");
    expect(o.options.map((x) => x.affordable)).toEqual([false, false, true]);
    expect(o.affordability).toMatchObject({ disposable: "400.00", inputs: { obligations: "300.00" } });
    // without them, the income share alone
    expect((buildOffer({ ...spec, includeObligations: false }, acc, { asOf }) as InstallmentOffer).count).toBe(6);
  });

  it("without waive, the whole outstanding is financed", () => {
    const o = buildOffer({ kind: "installments", counts: [2], firstDueInDays: 0 }, big(), {
      asOf: "2026-11-23",
    }) as InstallmentOffer;
    expect(o.financed).toBe("3100.00");
    expect(o.waived.total).toBe("0.00");
    expect(o.firstDueDate).toBe("2026-11-23");
    expect(o.installments.map((i) => i.amount)).toEqual(["1550.00", "1550.00"]);
  });

  it("basis overdue: unpaid dues to date plus penalty interest and fees, minus the waiver", () => {
    // dues 15 Sep and 15 Oct (100.00 each) unpaid on 23 Nov; 15 Dec not yet due
    const o = buildOffer({ kind: "installments", counts: [3], basis: "overdue", waive: ["fees"] }, account(), {
      asOf,
    }) as InstallmentOffer;
    expect(o.amount).toBe("300.00"); // 200.00 + 50.00 penalty + 50.00 fees
    expect(o.waived).toEqual({ penaltyInterest: "0.00", fees: "50.00", total: "50.00" });
    expect(o.financed).toBe("250.00");
    expect(o.installments.map((i) => i.amount)).toEqual(["83.33", "83.33", "83.34"]);
  });

  it("basis overdue on a snapshot never waives more than the arrears", () => {
    const acc = account({ dues: undefined, delinquency: { dpd: 35, overdue: "80.00" } });
    const o = buildOffer(
      { kind: "installments", counts: [2], basis: "overdue", waive: ["penaltyInterest", "fees"] },
      acc,
      { asOf },
    ) as InstallmentOffer;
    expect(o.amount).toBe("80.00");
    expect(o.waived).toEqual({ penaltyInterest: "50.00", fees: "30.00", total: "80.00" });
    expect(o.financed).toBe("0.00");
  });

  it("with a rate and a weekly frequency", () => {
    const o = buildOffer(
      { kind: "installments", counts: [2], frequency: "weekly", rate: "0.52", firstDueInDays: 7 },
      account({ currency: "JPY", balance: { principal: "5200" }, dues: [{ dueDate: "2026-10-01", amount: "1000" }] }),
      { asOf: "2026-11-23" },
    ) as InstallmentOffer;
    expect(o.installments).toEqual([
      { number: 1, dueDate: "2026-11-30", amount: "2639", principal: "2587", interest: "52" },
      { number: 2, dueDate: "2026-12-07", amount: "2639", principal: "2613", interest: "26" },
    ]);
    expect(o.totalInterest).toBe("78");
  });
});

describe("buildOffer: other kinds", () => {
  it("deferral, settlement and fee waiver", () => {
    const d = buildOffer({ kind: "deferral", months: 3 }, account(), { asOf: "2026-11-01" });
    expect(d).toMatchObject({
      kind: "deferral",
      status: "offered",
      months: 3,
      until: "2027-01-15",
      deferredAmount: "300.00",
      cost: "0.00",
    });
    const s = buildOffer({ kind: "settlement", maxDiscount: "0.4", floor: "0.5" }, account(), { asOf: "2026-11-23" });
    expect(s).toMatchObject({
      kind: "settlement",
      payoff: "720.00",
      discount: "480.00",
      limitedBy: "max_discount",
      validUntil: "2026-12-23",
    });
    const w = buildOffer({ kind: "fee_waiver", components: ["penaltyInterest"] }, account(), { asOf });
    expect(w).toMatchObject({ kind: "fee_waiver", waived: { penaltyInterest: "50.00", fees: "0.00", total: "50.00" } });
  });
});

describe("buildOffer: determinism and validation", () => {
  it("is plain JSON and byte-identical across calls, parsed or raw account", () => {
    const parsed = parseAccount(big("2000.00"));
    const a = buildOffer(spec, parsed, { asOf });
    const b = buildOffer(spec, big("2000.00"), { asOf });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it("rejects a bad spec with its paths", () => {
    const e = errorOf(() =>
      buildOffer({ kind: "installments", counts: [3, "x"], frequency: "daily" } as never, account(), { asOf }),
    );
    expect(e.code).toBe("INVALID_OFFER");
    expect(e.issues.map((i) => i.path)).toEqual([["counts", 1], ["frequency"]]);
    expect(
      errorOf(() => buildOffer({ kind: "installments", counts: [] }, account(), { asOf })).issues[0]!.path,
    ).toEqual(["counts"]);
    expect(
      errorOf(() => buildOffer({ kind: "installments", counts: [3], count: 3 } as never, account(), { asOf }))
        .issues[0],
    ).toMatchObject({ path: ["count"], message: "unknown field" });
    expect(errorOf(() => buildOffer({ kind: "nope" } as never, account(), { asOf })).issues[0]!.path).toEqual(["kind"]);
    expect(
      errorOf(() => buildOffer({ kind: "settlement", maxDiscount: "0.4" } as never, account(), { asOf })).issues[0]!
        .path,
    ).toEqual(["floor"]);
    expect(errorOf(() => buildOffer(null as never, account(), { asOf })).code).toBe("INVALID_OFFER");
  });

  it("rejects a missing or bad asOf, and a bad account", () => {
    expect(errorOf(() => buildOffer(spec, account(), {} as never)).issues[0]!.path).toEqual(["asOf"]);
    expect(errorOf(() => buildOffer(spec, account(), undefined as never)).issues[0]!.path).toEqual(["asOf"]);
    expect(errorOf(() => buildOffer(spec, account(), { asOf: "23/11/2026" })).issues[0]!.path).toEqual(["asOf"]);
    expect(errorOf(() => buildOffer(spec, { id: "X" }, { asOf })).code).toBe("INVALID_ACCOUNT");
  });

  it("a spec object that failed once keeps failing (only valid specs are cached)", () => {
    const bad = { kind: "installments", counts: [0] } as OfferSpec;
    errorOf(() => buildOffer(bad, account(), { asOf }));
    errorOf(() => buildOffer(bad, account(), { asOf }));
  });
});

describe("parseOfferSpec", () => {
  it("fills defaults and rejects typos with paths", () => {
    expect(parseOfferSpec({ kind: "installments", counts: [3, 6, 12], maxIncomeShare: 0.35 })).toEqual({
      kind: "installments",
      counts: [3, 6, 12],
      maxIncomeShare: 0.35,
      frequency: "monthly",
      basis: "outstanding",
      rounding: "down",
      includeObligations: true,
      useIncomeExpenditure: true,
      incomeExpenditureMaxAgeDays: 365,
      surplusShare: 1,
      ifIncomeUnknown: "offer",
      capAtContractInstallment: "in_hardship",
      allowAboveContractInstallment: false,
      firstDueInDays: 7,
      firstDueOn: "in_days",
      waive: [],
      waiveWhen: "now",
      freeze: [],
    });
    expect(parseOfferSpec({ kind: "settlement", maxDiscount: "0.4", floor: { amount: "100" } })).toEqual({
      kind: "settlement",
      maxDiscount: "0.4",
      floor: { amount: "100" },
      validForDays: 30,
      approach: "proactive",
    });
    const e = errorOf(() => parseOfferSpec({ kind: "settlement", maxDiscount: "0.4", floor: "2" }));
    expect(e.issues[0]).toMatchObject({ path: ["floor"], received: "2" });
    expect(e.issues[0]!.message).toContain("share of outstanding principal");
    expect(errorOf(() => parseOfferSpec({ kind: "deferral", months: 3, interestrate: "0.1" })).issues[0]).toMatchObject(
      { path: ["interestrate"], message: "unknown field" },
    );
  });
});

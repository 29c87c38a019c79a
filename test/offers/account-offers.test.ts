import { describe, expect, it } from "vitest";
import { parseAccount } from "../../src/model/index.js";
import { planDeferral, settlementOffer, waiveFees } from "../../src/offers/index.js";
import { thrownArrearsError as errorOf } from "../helpers.js";
import { account } from "./fixtures.js";

describe("waiveFees", () => {
  it("waives penalty interest and fees and gives the new balance", () => {
    expect(waiveFees({ account: account(), components: ["fees", "penaltyInterest"] })).toEqual({
      kind: "fee_waiver",
      currency: "USD",
      components: ["penaltyInterest", "fees"],
      waived: { penaltyInterest: "50.00", fees: "50.00", total: "100.00" },
      balanceBefore: {
        principal: "1000.00",
        interest: "100.00",
        penaltyInterest: "50.00",
        fees: "50.00",
        total: "1200.00",
      },
      newBalance: { principal: "1000.00", interest: "100.00", penaltyInterest: "0.00", fees: "0.00", total: "1100.00" },
    });
  });

  it("waives one component only, in JPY", () => {
    const w = waiveFees({
      account: account({
        currency: "JPY",
        balance: { principal: "90000", penaltyInterest: "1234", fees: "500" },
        dues: [{ dueDate: "2026-10-01", amount: "10000" }],
      }),
      components: ["penaltyInterest"],
    });
    expect(w.waived).toEqual({ penaltyInterest: "1234", fees: "0", total: "1234" });
    expect(w.newBalance).toEqual({
      principal: "90000",
      interest: "0",
      penaltyInterest: "0",
      fees: "500",
      total: "90500",
    });
  });

  it("accepts a parsed account and rejects bad components and accounts", () => {
    expect(waiveFees({ account: parseAccount(account()), components: ["fees"] }).waived.total).toBe("50.00");
    const e = errorOf(() => waiveFees({ account: account(), components: ["principal"] as never }));
    expect(e.code).toBe("INVALID_OFFER");
    expect(e.issues[0]!.path).toEqual(["components", 0]);
    expect(errorOf(() => waiveFees({ account: account(), components: [] })).issues[0]!.path).toEqual(["components"]);
    expect(errorOf(() => waiveFees({ account: { id: "X" }, components: ["fees"] })).code).toBe("INVALID_ACCOUNT");
  });
});

describe("settlementOffer", () => {
  it("the floor binds: payoff 80 % of principal, discount from penalty, fees, interest, then principal", () => {
    const s = settlementOffer({ account: account(), maxDiscount: "0.4", floor: "0.8", asOf: "2026-11-23" });
    expect(s).toEqual({
      kind: "settlement",
      currency: "USD",
      outstanding: "1200.00",
      payoff: "800.00",
      discount: "400.00",
      discountRate: "0.3333",
      maxDiscount: "0.4",
      floor: "800.00",
      floorBasis: "principal_share",
      limitedBy: "floor",
      breakdown: {
        penaltyInterest: { outstanding: "50.00", discount: "50.00", payable: "0.00" },
        fees: { outstanding: "50.00", discount: "50.00", payable: "0.00" },
        interest: { outstanding: "100.00", discount: "100.00", payable: "0.00" },
        principal: { outstanding: "1000.00", discount: "200.00", payable: "800.00" },
      },
      validUntil: "2026-12-23",
    });
  });

  it("the maximum discount binds", () => {
    const s = settlementOffer({ account: account(), maxDiscount: 0.1, floor: { share: "0.5" } });
    expect(s).toMatchObject({
      payoff: "1080.00",
      discount: "120.00",
      discountRate: "0.1000",
      limitedBy: "max_discount",
      floor: "500.00",
      validUntil: null,
    });
    expect(s.breakdown.penaltyInterest.discount).toBe("50.00");
    expect(s.breakdown.fees.discount).toBe("50.00");
    expect(s.breakdown.interest).toEqual({ outstanding: "100.00", discount: "20.00", payable: "80.00" });
    expect(s.breakdown.principal.discount).toBe("0.00");
  });

  it("rounds bounds in the lender's favour", () => {
    const acc = account({ balance: { principal: "100.01" } });
    // max discount 50 % of 100.01 = 50.005 → 50.00; floor 50 % of principal = 50.005 → 50.01
    const s = settlementOffer({ account: acc, maxDiscount: "0.5", floor: "0.5" });
    expect(s).toMatchObject({ outstanding: "100.01", payoff: "50.01", discount: "50.00", floor: "50.01" });
    const t = settlementOffer({ account: acc, maxDiscount: "0.5", floor: "0.1" });
    expect(t).toMatchObject({ payoff: "50.01", discount: "50.00", limitedBy: "max_discount", discountRate: "0.4999" });
  });

  it("an absolute floor; a floor above outstanding means no discount", () => {
    expect(settlementOffer({ account: account(), maxDiscount: "1", floor: { amount: "900.00" } })).toMatchObject({
      payoff: "900.00",
      floorBasis: "amount",
    });
    expect(settlementOffer({ account: account(), maxDiscount: "0.9", floor: { amount: "5000" } })).toMatchObject({
      payoff: "1200.00",
      discount: "0.00",
      floor: "1200.00",
      discountRate: "0.0000",
    });
  });

  it("dates validUntil from the borrower's local date of an instant", () => {
    // 01:00 in Shanghai on 24 Nov is still 23 Nov in UTC.
    const s = settlementOffer({
      account: account(),
      maxDiscount: "0.2",
      floor: "0.5",
      asOf: "2026-11-24T01:00:00+08:00",
      validForDays: 7,
    });
    expect(s.validUntil).toBe("2026-12-01");
  });

  it("a snapshot account with an empty balance settles its outstanding as principal", () => {
    const acc = account({
      balance: {},
      dues: undefined,
      delinquency: { dpd: 40, overdue: "300.00", outstanding: "2000.00" },
    });
    expect(settlementOffer({ account: acc, maxDiscount: "0.3", floor: "0.5" })).toMatchObject({
      outstanding: "2000.00",
      payoff: "1400.00",
      discount: "600.00",
    });
  });

  it("rejects bad bounds with paths", () => {
    const e = errorOf(() => settlementOffer({ account: account(), maxDiscount: "1.5", floor: "0.5" }));
    expect(e.code).toBe("INVALID_OFFER");
    expect(e.issues[0]!.path).toEqual(["maxDiscount"]);
    expect(
      errorOf(() => settlementOffer({ account: account(), maxDiscount: "0.5", floor: { pct: 1 } as never })).issues[0]!
        .path[0],
    ).toBe("floor");
    expect(
      errorOf(() => settlementOffer({ account: account(), maxDiscount: "0.5", floor: "0.5", asOf: "tomorrow" }))
        .issues[0],
    ).toMatchObject({ path: ["asOf"], received: "tomorrow" });
  });
});

describe("planDeferral", () => {
  it("re-lays every unpaid due monthly from the resume date; interest capitalised at the end", () => {
    // dues 09-15 and 10-15 unpaid, 12-15 ahead; the holiday covers 10-15, 11-15, 12-15
    const d = planDeferral({ account: account(), months: 3, asOf: "2026-11-01", interestRate: "0.0365" });
    // 1000.00 × 3.65 % × 75 days (11-01 to 01-15) / 365 = 7.50
    expect(d).toMatchObject({
      kind: "deferral",
      status: "offered",
      currency: "USD",
      months: 3,
      from: "2026-11-01",
      until: "2027-01-15",
      resumeOn: "2027-01-15",
      reviewOn: "2026-12-31",
      deferredAmount: "300.00",
      deferredDueDates: ["2026-09-15", "2026-10-15", "2026-12-15"],
      arrearsTreatment: "relaid",
      interestRate: "0.0365",
      interest: { treatment: "capitalised", rate: "0.0365", amount: "7.50" },
      deferralInterest: "7.50",
      cost: "7.50",
      totalPayable: "307.50",
      scheduleTotal: "307.50",
      contractInstallment: "100.00",
    });
    expect(d.newSchedule).toEqual([
      {
        dueDate: "2027-01-15",
        amount: "100.00",
        deferred: "100.00",
        interest: "0.00",
        originalDueDates: ["2026-09-15"],
      },
      {
        dueDate: "2027-02-15",
        amount: "100.00",
        deferred: "100.00",
        interest: "0.00",
        originalDueDates: ["2026-10-15"],
      },
      {
        dueDate: "2027-03-15",
        amount: "100.00",
        deferred: "100.00",
        interest: "0.00",
        originalDueDates: ["2026-12-15"],
      },
      { dueDate: "2027-04-15", amount: "7.50", deferred: "0.00", interest: "7.50", originalDueDates: [] },
    ]);
    expect(d.schedule.map((l) => l.type)).toEqual([
      "deferred_due",
      "deferred_due",
      "deferred_due",
      "capitalised_interest",
    ]);
  });

  it("applies payments oldest first and leaves paid dues out", () => {
    const d = planDeferral({
      account: account({ payments: [{ date: "2026-09-20", amount: "150.00" }] }),
      months: 1,
      asOf: "2026-11-01",
    });
    expect(d.newSchedule).toEqual([
      { dueDate: "2026-11-15", amount: "50.00", deferred: "50.00", interest: "0.00", originalDueDates: ["2026-10-15"] },
      {
        dueDate: "2026-12-15",
        amount: "100.00",
        deferred: "100.00",
        interest: "0.00",
        originalDueDates: ["2026-12-15"],
      },
    ]);
    expect(d.cost).toBe("0.00");
    expect(d.interestRate).toBe("0");
    expect(d.interest.treatment).toBe("per_contract");
  });

  it("keeps a month-end due day after the holiday; a borrower long past the last due resumes from today", () => {
    const acc = account({
      dues: [
        { dueDate: "2026-01-31", amount: "100.00" },
        { dueDate: "2026-02-28", amount: "100.00" },
        { dueDate: "2026-03-31", amount: "100.00" },
      ],
    });
    const d = planDeferral({ account: acc, months: 1, asOf: "2026-02-05" });
    expect(d.until).toBe("2026-02-28");
    expect(d.newSchedule.map((l) => l.dueDate)).toEqual(["2026-02-28", "2026-03-31", "2026-04-30"]);
    const late = planDeferral({ account: acc, months: 2, asOf: "2026-07-10" });
    expect(late.until).toBe("2026-09-10");
    expect(late.newSchedule.map((l) => l.dueDate)).toEqual(["2026-09-10", "2026-10-10", "2026-11-10"]);
  });

  it("a snapshot account: its overdue is added to the end of the term (no dated lines)", () => {
    const acc = account({
      dues: undefined,
      delinquency: { dpd: 40, overdue: { principal: "250.00", penaltyInterest: "10.00" } },
    });
    const d = planDeferral({ account: acc, months: 2, asOf: "2026-11-23T10:00:00+08:00" });
    expect(d).toMatchObject({
      until: "2027-01-23",
      deferredAmount: "260.00",
      arrearsTreatment: "end_of_term",
      newSchedule: [],
      schedule: [],
    });
  });

  it("rejects bad months and asOf with paths", () => {
    expect(errorOf(() => planDeferral({ account: account(), months: 0, asOf: "2026-11-01" })).issues[0]!.path).toEqual([
      "months",
    ]);
    expect(errorOf(() => planDeferral({ account: account(), months: 1, asOf: "2026-13-01" })).issues[0]!.path).toEqual([
      "asOf",
    ]);
    expect(
      errorOf(() => planDeferral({ account: account(), months: 1, asOf: "2026-11-01", interestRate: "x" })).issues[0]!
        .path,
    ).toEqual(["interestRate"]);
  });

  it("never writes a date after 9999-12-31: evaluation dates beyond 9899 are refused up front", () => {
    expect(errorOf(() => planDeferral({ account: account(), months: 2, asOf: "9999-11-15" })).issues[0]).toMatchObject({
      path: ["asOf"],
      received: "9999-11-15",
    });
    expect(
      errorOf(() =>
        settlementOffer({ account: account(), maxDiscount: "0.1", floor: "0.5", asOf: "9999-12-31", validForDays: 1 }),
      ).issues[0]!.path,
    ).toEqual(["asOf"]);
  });
});

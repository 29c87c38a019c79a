import { describe, expect, it } from "vitest";
import { deriveFacts, FACTS } from "../../src/facts/index.js";
import { ASOF_CN, cnPlan } from "../arrangements/fixtures.js";
import { thrownArrearsError as errorOf } from "../helpers.js";

const pay = (date: string, amount = "1500.00") => ({ date, amount });
const P1 = { minAmountShare: 1, maxHorizonDays: 14 };

describe("facts: promise validity (CN-PTP-02)", () => {
  const account = {
    ...cnPlan([]),
    arrangements: [],
    contacts: [
      {
        at: "2026-11-22T11:00:00+08:00",
        channel: "call" as const,
        outcome: "promise_to_pay" as const,
        promise: { amount: "1.00", dueDate: "2027-01-21" },
      },
    ],
  };

  it("a ¥1 promise due in 60 days does not pause collection under P1", () => {
    const f = deriveFacts(account, { asOf: ASOF_CN, promiseValidity: P1 });
    expect(f.activePromise).toBe(false);
    expect(f.activePromiseAmount).toBeNull();
    expect(f.invalidPromisePending).toBe(true);
    expect(f.invalidPromiseReason).toBe("amount_below_minimum");
    const horizon = deriveFacts(account, { asOf: ASOF_CN, promiseValidity: { maxHorizonDays: 14 } });
    expect(horizon.invalidPromiseReason).toBe("date_beyond_horizon");
  });

  it("without limits every promise is valid (unchanged behaviour)", () => {
    const f = deriveFacts(account, { asOf: ASOF_CN });
    expect(f.activePromise).toBe(true);
    expect(f.invalidPromisePending).toBe(false);
    expect(f.invalidPromiseReason).toBeNull();
  });
});

describe("facts: arrangements (CN-ARR-01…03)", () => {
  it("on track: the next installment in 17 days", () => {
    const f = deriveFacts(cnPlan(["2026-08-10", "2026-09-09", "2026-10-10", "2026-11-10"].map((d) => pay(d))), {
      asOf: ASOF_CN,
    });
    expect(f).toMatchObject({
      onArrangement: true,
      arrangementStatus: "on_track",
      arrangementKind: "installment_plan",
      arrangementMissedPayments: 0,
      arrangementShortfall: 0,
      daysSinceArrangementBroken: null,
      nextArrangementDueInDays: 17,
      arrangementPaidShare: 0.6667,
    });
  });

  it("at risk: ¥800 short on the 11-10 installment", () => {
    const f = deriveFacts(
      cnPlan([pay("2026-08-10"), pay("2026-09-09"), pay("2026-10-10"), pay("2026-11-12", "700.00")]),
      { asOf: ASOF_CN },
    );
    expect(f).toMatchObject({
      onArrangement: true,
      arrangementStatus: "at_risk",
      arrangementMissedPayments: 1,
      arrangementShortfall: 800,
      arrangementPaidShare: 0.5778,
    });
  });

  it("broken: the ladder resumes; the tracking numbers are options", () => {
    const account = cnPlan([pay("2026-08-10"), pay("2026-09-09")]);
    expect(deriveFacts(account, { asOf: ASOF_CN })).toMatchObject({
      onArrangement: false,
      arrangementStatus: "broken",
      daysSinceArrangementBroken: 13,
      nextArrangementDueInDays: null,
      arrangementShortfall: 3000,
    });
    const lenient = deriveFacts(account, {
      asOf: ASOF_CN,
      arrangementTracking: { brokenAfterDaysLate: 60, brokenAfterMissed: 3 },
    });
    expect(lenient).toMatchObject({ arrangementStatus: "at_risk", onArrangement: true });
  });

  it("no arrangement: every arrangement fact null, onArrangement false", () => {
    const f = deriveFacts({ ...cnPlan([]), arrangements: [] }, { asOf: ASOF_CN });
    for (const name of [
      "arrangementStatus",
      "arrangementKind",
      "arrangementMissedPayments",
      "arrangementShortfall",
      "daysSinceArrangementBroken",
      "nextArrangementDueInDays",
      "arrangementPaidShare",
    ])
      expect(f[name], name).toBeNull();
    expect(f.onArrangement).toBe(false);
  });
});

describe("facts: hardship duration, I&E, re-aging", () => {
  const base = cnPlan(["2026-08-10", "2026-09-09", "2026-10-10", "2026-11-10"].map((d) => pay(d)));

  it("hardshipDaysRemaining, disposableIncome and incomeExpenditureAgeDays", () => {
    const f = deriveFacts(
      {
        ...base,
        borrower: {
          hardship: [{ kind: "medical", reportedOn: "2026-11-18", until: "2027-02-28" }],
          incomeAndExpenditure: {
            monthlyIncome: "1500.00",
            essentialExpenditure: "1540.00",
            completedOn: "2026-11-18",
          },
        },
      },
      { asOf: ASOF_CN },
    );
    expect(f).toMatchObject({ hardshipDaysRemaining: 97, disposableIncome: -40, incomeExpenditureAgeDays: 5 });
    const later = deriveFacts(
      {
        ...base,
        borrower: {
          incomeAndExpenditure: { monthlyIncome: "1", essentialExpenditure: "0", completedOn: "2026-12-01" },
        },
      },
      { asOf: ASOF_CN },
    );
    expect(later).toMatchObject({
      hardshipDaysRemaining: null,
      disposableIncome: null,
      incomeExpenditureAgeDays: null,
    });
  });

  it("daysSinceReaged; reageEligible with a rule set, null without", () => {
    const reaged = { ...base, events: [{ type: "reaged" as const, on: "2026-11-01" }] };
    expect(deriveFacts(reaged, { asOf: ASOF_CN })).toMatchObject({ daysSinceReaged: 22, reageEligible: null });
    expect(deriveFacts(base, { asOf: ASOF_CN, reageRules: "cn-policy" }).reageEligible).toBe(true);
    expect(deriveFacts(reaged, { asOf: ASOF_CN, reageRules: "cn-policy" }).reageEligible).toBe(false);
  });

  it("rejects bad new options with INVALID_OPTIONS and their paths", () => {
    const e = errorOf(() => deriveFacts(base, { asOf: ASOF_CN, promiseValidity: { minAmountShare: 2 } }));
    expect(e.code).toBe("INVALID_OPTIONS");
    expect(e.issues[0]!.path).toEqual(["promiseValidity", "minAmountShare"]);
    expect(
      errorOf(() => deriveFacts(base, { asOf: ASOF_CN, arrangementTracking: { grace: 1 } as never })).issues[0]!.path,
    ).toEqual(["arrangementTracking", "grace"]);
    expect(errorOf(() => deriveFacts(base, { asOf: ASOF_CN, reageRules: "ffiec" })).issues[0]!.path).toEqual([
      "reageRules",
    ]);
  });

  it("the new facts sit just before the score facts (the stage facts follow them)", () => {
    const names = FACTS.map((d) => d.name);
    const seg = names.indexOf("segment");
    expect(names.slice(seg - 3, seg + 1)).toEqual(["riskScore", "riskProbability", "hardshipScore", "segment"]);
    expect(names.indexOf("reageEligible")).toBe(seg - 4);
    expect(Object.keys(deriveFacts(base, { asOf: ASOF_CN }))).toEqual(names);
  });
});

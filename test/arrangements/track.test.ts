import { describe, expect, it } from "vitest";
import { arrangementStatus, DEFAULT_ARRANGEMENT_RULES } from "../../src/arrangements/index.js";
import { parseAccount } from "../../src/model/index.js";
import { thrownArrearsError as errorOf } from "../helpers.js";
import { ASOF_CN, cnPlan } from "./fixtures.js";

const pay = (date: string, amount = "1500.00") => ({ date, amount });

describe("arrangementStatus: the oracle's CN-ARR scenarios", () => {
  it("CN-ARR-01 on track: four installments paid, the next due in 17 days", () => {
    const s = arrangementStatus(cnPlan([pay("2026-08-10"), pay("2026-09-09"), pay("2026-10-10"), pay("2026-11-10")]), {
      asOf: ASOF_CN,
    });
    expect(s.onArrangement).toBe(true);
    const c = s.current!;
    expect(c).toMatchObject({
      id: "plan-1",
      kind: "installment_plan",
      status: "on_track",
      scheduled: "9000.00",
      paid: "6000.00",
      paidShare: 0.6667,
      missedPayments: 0,
      shortfall: "0.00",
      brokenOn: null,
      completedOn: null,
      monitored: true,
      monitoredUntil: "2026-11-23",
      nextDue: { dueDate: "2026-12-10", amount: "1500.00", remaining: "1500.00", inDays: 17 },
      conditionalWaiver: { penaltyInterest: "320.00", fees: "0.00", status: "pending" },
    });
    expect(c.installments.map((i) => [i.status, i.paidOn, i.late])).toEqual([
      ["paid", "2026-08-10", false],
      ["paid", "2026-09-09", false],
      ["paid", "2026-10-10", false],
      ["paid", "2026-11-10", false],
      ["pending", null, false],
      ["pending", null, false],
    ]);
    expect(s.rules).toEqual(DEFAULT_ARRANGEMENT_RULES);
  });

  it("CN-ARR-02 at risk: the 11-10 installment 800.00 short", () => {
    const s = arrangementStatus(
      cnPlan([pay("2026-08-10"), pay("2026-09-09"), pay("2026-10-10"), pay("2026-11-12", "700.00")]),
      { asOf: ASOF_CN },
    );
    const c = s.current!;
    expect(c.status).toBe("at_risk");
    expect(c.installments[3]).toMatchObject({ status: "short", paid: "700.00", paidOn: null });
    expect(c.missedPayments).toBe(1);
    expect(c.shortfall).toBe("800.00");
    expect(c.nextDue).toMatchObject({ dueDate: "2026-12-10", inDays: 17 });
    expect(s.onArrangement).toBe(true);
  });

  it("CN-ARR-03 broken: 10-10 and 11-10 missed; broken when 10-10 was 31 days unpaid", () => {
    const s = arrangementStatus(cnPlan([pay("2026-08-10"), pay("2026-09-09")]), { asOf: ASOF_CN });
    const c = s.current!;
    expect(c.status).toBe("broken");
    expect(c.brokenOn).toBe("2026-11-10");
    expect(c.missedPayments).toBe(2);
    expect(c.shortfall).toBe("3000.00");
    expect(c.nextDue).toBeNull();
    expect(c.conditionalWaiver?.status).toBe("forfeited");
    expect(s.onArrangement).toBe(false);
    // With a longer days-late limit, the second missed installment breaks it after its grace.
    const later = arrangementStatus(cnPlan([pay("2026-08-10"), pay("2026-09-09")]), {
      asOf: ASOF_CN,
      brokenAfterDaysLate: 60,
    });
    expect(later.current?.brokenOn).toBe("2026-11-13");
  });

  it("CN-ARR-04 completed: six installments paid, the waiver earned", () => {
    const account = cnPlan([]);
    const plan = account.arrangements![0]!;
    const s = arrangementStatus(
      {
        ...account,
        // contract payments through 2026-05-20, then the plan's
        payments: [
          ...account.payments!.slice(0, 11),
          ...["2026-06-10", "2026-07-10", "2026-08-10", "2026-09-10", "2026-10-10", "2026-11-10"].map((d) => pay(d)),
        ],
        arrangements: [
          {
            ...plan,
            agreedOn: "2026-06-05",
            schedule: ["2026-06-10", "2026-07-10", "2026-08-10", "2026-09-10", "2026-10-10", "2026-11-10"].map(
              (dueDate) => ({ dueDate, amount: "1500.00" }),
            ),
          },
        ],
      },
      { asOf: ASOF_CN },
    );
    expect(s.current).toMatchObject({
      status: "completed",
      completedOn: "2026-11-10",
      paidShare: 1,
      conditionalWaiver: { status: "earned" },
      nextDue: null,
    });
    expect(s.onArrangement).toBe(false);
  });
});

describe("arrangementStatus: matching and lifecycle", () => {
  it("payments before the agreement do not count; a payment early in the grace keeps it on time", () => {
    const s = arrangementStatus(cnPlan([pay("2026-08-04"), pay("2026-08-12")]), { asOf: "2026-08-20" });
    expect(s.current?.installments[0]).toMatchObject({ status: "paid", paidOn: "2026-08-12", late: false });
    expect(s.current?.paid).toBe("1500.00");
  });

  it("a payment after the grace is paid late; grace is an option", () => {
    const acc = cnPlan([pay("2026-08-13")]);
    expect(arrangementStatus(acc, { asOf: "2026-08-12" }).current?.status).toBe("on_track");
    expect(arrangementStatus(acc, { asOf: "2026-08-12", graceDays: 1 }).current?.status).toBe("at_risk");
    const after = arrangementStatus(acc, { asOf: "2026-08-20" }).current!;
    expect(after.status).toBe("on_track");
    expect(after.installments[0]).toMatchObject({ status: "paid", late: true });
  });

  it("one payment can cover several installments, oldest first; the excess stays unmatched", () => {
    const s = arrangementStatus(cnPlan([pay("2026-08-10", "10000.00")]), { asOf: ASOF_CN });
    expect(s.current).toMatchObject({ status: "completed", paid: "9000.00", completedOn: "2026-08-10" });
  });

  it("a later arrangement supersedes an earlier one from its agreement day; payments count once", () => {
    const base = cnPlan([pay("2026-08-10"), pay("2026-09-09"), pay("2026-10-20", "500.00")]);
    const s = arrangementStatus(
      {
        ...base,
        arrangements: [
          ...base.arrangements!,
          {
            id: "plan-2",
            kind: "reduced_payment",
            agreedOn: "2026-10-15",
            schedule: [
              { dueDate: "2026-10-20", amount: "500.00" },
              { dueDate: "2026-11-22", amount: "500.00" },
            ],
          },
        ],
      },
      { asOf: ASOF_CN },
    );
    expect(s.arrangements.map((a) => [a.id, a.status, a.monitored, a.supersededBy, a.monitoredUntil])).toEqual([
      ["plan-1", "at_risk", false, "plan-2", "2026-10-14"],
      ["plan-2", "on_track", true, null, "2026-11-23"],
    ]);
    expect(s.arrangements[0]!.paid).toBe("3000.00");
    expect(s.current?.id).toBe("plan-2");
    expect(s.current?.paid).toBe("500.00");
    expect(s.current?.nextDue).toMatchObject({ dueDate: "2026-11-22", inDays: -1 });
  });

  it("an arrangement ended by agreement is not current; one agreed after asOf does not exist yet", () => {
    const base = cnPlan([pay("2026-08-10")]);
    const ended = { ...base, arrangements: [{ ...base.arrangements![0]!, endedOn: "2026-09-01" }] };
    const s = arrangementStatus(ended, { asOf: ASOF_CN });
    expect(s.current).toBeNull();
    expect(s.onArrangement).toBe(false);
    expect(s.arrangements[0]).toMatchObject({ monitored: false, monitoredUntil: "2026-08-31", status: "on_track" });
    expect(arrangementStatus(base, { asOf: "2026-08-04" }).arrangements).toEqual([]);
  });

  it("a payment holiday with zero installments completes when its last date passes", () => {
    const base = cnPlan([]);
    const holiday = {
      ...base,
      arrangements: [
        {
          id: "holiday",
          kind: "payment_holiday" as const,
          agreedOn: "2026-11-01",
          schedule: [
            { dueDate: "2026-11-20", amount: "0" },
            { dueDate: "2026-12-20", amount: "0" },
          ],
        },
      ],
    };
    expect(arrangementStatus(holiday, { asOf: ASOF_CN }).current).toMatchObject({
      status: "on_track",
      nextDue: null,
      paidShare: 1,
    });
    expect(arrangementStatus(holiday, { asOf: "2026-12-20" }).current?.status).toBe("completed");
  });

  it("is plain JSON and the same for raw and parsed accounts; rejects bad options", () => {
    const acc = cnPlan([pay("2026-08-10")]);
    const a = arrangementStatus(acc, { asOf: ASOF_CN });
    expect(JSON.stringify(arrangementStatus(parseAccount(acc), { asOf: ASOF_CN }))).toBe(JSON.stringify(a));
    expect(errorOf(() => arrangementStatus(acc, { asOf: ASOF_CN, grace: 2 } as never)).code).toBe("INVALID_OPTIONS");
    expect(errorOf(() => arrangementStatus(acc, { asOf: ASOF_CN, brokenAfterMissed: 0 })).issues[0]!.path).toEqual([
      "brokenAfterMissed",
    ]);
    expect(errorOf(() => arrangementStatus({ id: "x" }, { asOf: ASOF_CN })).code).toBe("INVALID_ACCOUNT");
  });
});

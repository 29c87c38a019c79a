import { describe, expect, it } from "vitest";
import { ArrearsError, promiseStatus } from "../../src/index.js";
import { account, call } from "./fixtures.js";

const ptp = (at: string, amount: string, dueDate: string) =>
  call(`${at}T10:00:00+08:00`, "promise_to_pay", { promise: { amount, dueDate } });
const pay = (date: string, amount: string) => ({ date, amount });

describe("promiseStatus", () => {
  it("kept: paid in full within the grace period", () => {
    const a = account({
      contacts: [ptp("2026-11-10", "500.00", "2026-11-15")],
      payments: [pay("2026-11-17", "500.00")],
    });
    const s = promiseStatus(a, { asOf: "2026-11-23" });
    expect(s.promises).toEqual([
      {
        contactIndex: 0,
        madeAt: "2026-11-10T10:00:00+08:00",
        madeOn: "2026-11-10",
        dueDate: "2026-11-15",
        lastPaymentDate: "2026-11-17",
        amount: "500.00",
        matched: "500.00",
        status: "kept",
        valid: true,
        invalidReason: null,
        minimumAmount: null,
        horizonDays: 5,
      },
    ]);
    expect(s.last90Days).toEqual({ made: 1, kept: 1, partiallyKept: 0, broken: 0, pending: 0, invalid: 0 });
    expect(s.active).toBeNull();
    expect(s.validity).toEqual({ minAmountShare: null, maxHorizonDays: null });
  });

  it("broken when the only payment comes after date + grace; grace is an option", () => {
    const a = account({
      contacts: [ptp("2026-11-10", "500.00", "2026-11-15")],
      payments: [pay("2026-11-18", "500.00")],
    });
    expect(promiseStatus(a, { asOf: "2026-11-23" }).promises[0]!.status).toBe("broken");
    expect(promiseStatus(a, { asOf: "2026-11-23", graceDays: 3 }).promises[0]!.status).toBe("kept");
    const onTime = account({
      contacts: [ptp("2026-11-10", "500.00", "2026-11-15")],
      payments: [pay("2026-11-16", "500.00")],
    });
    expect(promiseStatus(onTime, { asOf: "2026-11-23", graceDays: 0 }).promises[0]!.status).toBe("broken");
  });

  it("partially kept: some money by date + grace", () => {
    const a = account({
      contacts: [ptp("2026-11-10", "500.00", "2026-11-15")],
      payments: [pay("2026-11-12", "100.00"), pay("2026-11-16", "200.00")],
    });
    const s = promiseStatus(a, { asOf: "2026-11-23" });
    expect(s.promises[0]!.status).toBe("partially_kept");
    expect(s.promises[0]!.matched).toBe("300.00");
    expect(s.last90Days.partiallyKept).toBe(1);
  });

  it("does not count a payment made before the promise", () => {
    const a = account({
      contacts: [ptp("2026-11-10", "500.00", "2026-11-15")],
      payments: [pay("2026-11-09", "500.00")],
    });
    expect(promiseStatus(a, { asOf: "2026-11-23" }).promises[0]!.status).toBe("broken");
  });

  it("pending until date + grace passes, then resolved", () => {
    const a = account({
      contacts: [ptp("2026-11-18", "500.00", "2026-11-21")],
      payments: [pay("2026-11-20", "100.00")],
    });
    const inGrace = promiseStatus(a, { asOf: "2026-11-23T23:59:00+08:00" });
    expect(inGrace.promises[0]!.status).toBe("pending");
    expect(inGrace.promises[0]!.matched).toBe("100.00");
    expect(inGrace.active?.dueDate).toBe("2026-11-21");
    expect(inGrace.last90Days.pending).toBe(1);
    const after = promiseStatus(a, { asOf: "2026-11-24T00:00:00+08:00" });
    expect(after.promises[0]!.status).toBe("partially_kept");
    expect(after.active).toBeNull();
  });

  it("kept as soon as paid in full, even before the promised date", () => {
    const a = account({
      contacts: [ptp("2026-11-18", "500.00", "2026-11-30")],
      payments: [pay("2026-11-20", "600.00")],
    });
    const s = promiseStatus(a, { asOf: "2026-11-23" });
    expect(s.promises[0]).toMatchObject({ status: "kept", matched: "500.00" });
    expect(s.active).toBeNull();
  });

  it("never counts one payment's money for two promises", () => {
    const contacts = [ptp("2026-11-01", "300.00", "2026-11-05"), ptp("2026-11-02", "300.00", "2026-11-06")];
    const one = promiseStatus(account({ contacts, payments: [pay("2026-11-04", "300.00")] }), { asOf: "2026-11-23" });
    expect(one.promises.map((p) => [p.status, p.matched])).toEqual([
      ["kept", "300.00"],
      ["broken", "0.00"],
    ]);
    const bigger = promiseStatus(account({ contacts, payments: [pay("2026-11-04", "500.00")] }), {
      asOf: "2026-11-23",
    });
    expect(bigger.promises.map((p) => [p.status, p.matched])).toEqual([
      ["kept", "300.00"],
      ["partially_kept", "200.00"],
    ]);
    // Listed out of order in the input: matching still goes by when the promise was made.
    const swapped = promiseStatus(
      account({ contacts: [...contacts].reverse(), payments: [pay("2026-11-04", "300.00")] }),
      { asOf: "2026-11-23" },
    );
    expect(swapped.promises.map((p) => [p.contactIndex, p.status])).toEqual([
      [1, "kept"],
      [0, "broken"],
    ]);
  });

  it("ignores payments after the evaluation date and promises made after asOf", () => {
    const a = account({
      contacts: [ptp("2026-11-20", "500.00", "2026-11-25"), ptp("2026-11-24", "100.00", "2026-11-26")],
      payments: [pay("2026-11-24", "500.00")],
    });
    const s = promiseStatus(a, { asOf: "2026-11-23T12:00:00+08:00" });
    expect(s.promises).toHaveLength(1);
    expect(s.promises[0]).toMatchObject({ status: "pending", matched: "0.00" });
    expect(promiseStatus(a, { asOf: "2026-11-24T12:00:00+08:00" }).promises[0]!.status).toBe("kept");
  });

  it("counts the last 90 local days and picks the latest pending promise as active", () => {
    const contacts = [
      ptp("2026-08-25", "100.00", "2026-08-30"), // 90 days before 2026-11-23: outside
      ptp("2026-08-26", "100.00", "2026-08-30"), // 89 days: inside, broken
      ptp("2026-11-20", "100.00", "2026-11-28"),
      ptp("2026-11-21", "100.00", "2026-11-27"),
    ];
    const s = promiseStatus(account({ contacts }), { asOf: "2026-11-23T12:00:00+08:00" });
    expect(s.last90Days).toEqual({ made: 3, kept: 0, partiallyKept: 0, broken: 1, pending: 2, invalid: 0 });
    expect(s.active).toMatchObject({ madeOn: "2026-11-21", dueDate: "2026-11-27" });
  });

  it("uses the borrower's local date of the promise contact", () => {
    // 2026-11-09T17:00Z is 2026-11-10 01:00 in Shanghai: a payment on 11-10 counts, one on 11-09 does not.
    const c = call("2026-11-09T17:00:00Z", "promise_to_pay", { promise: { amount: "50.00", dueDate: "2026-11-12" } });
    const kept = promiseStatus(account({ contacts: [c], payments: [pay("2026-11-10", "50.00")] }), {
      asOf: "2026-11-23",
    });
    expect(kept.promises[0]).toMatchObject({ madeOn: "2026-11-10", status: "kept" });
    const early = promiseStatus(account({ contacts: [c], payments: [pay("2026-11-09", "50.00")] }), {
      asOf: "2026-11-23",
    });
    expect(early.promises[0]!.status).toBe("broken");
  });

  it("rejects bad options", () => {
    expect(() => promiseStatus(account(), { asOf: "2026-11-23", graceDays: -1 })).toThrow(ArrearsError);
    expect(() => promiseStatus(account(), { asOf: "2026-11-23", graceDays: 1.5 })).toThrow(ArrearsError);
    try {
      promiseStatus(account(), { asOf: "soon" });
      expect.fail("should throw");
    } catch (e) {
      expect((e as ArrearsError).code).toBe("INVALID_OPTIONS");
    }
  });
});

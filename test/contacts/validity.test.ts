import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { promiseStatus } from "../../src/contacts/index.js";
import { thrownArrearsError as errorOf } from "../helpers.js";
import { account, call } from "./fixtures.js";

const P1 = { minAmountShare: 1, maxHorizonDays: 14 } as const;
const ptp = (at: string, amount: string, dueDate: string) =>
  call(`${at}T11:00:00+08:00`, "promise_to_pay", { promise: { amount, dueDate } });
const dues = ["2026-09-20", "2026-10-20", "2026-11-20"].map((dueDate) => ({ dueDate, amount: "2000.00" }));

describe("promise validity (oracle P1)", () => {
  it("CN-PTP-02: ¥1 due in 60 days is recorded but not valid, so nothing is active", () => {
    const a = account({ dues, contacts: [ptp("2026-11-22", "1.00", "2027-01-21")] });
    const s = promiseStatus(a, { asOf: "2026-11-23T10:00:00+08:00", ...P1 });
    expect(s.promises[0]).toMatchObject({
      status: "pending",
      valid: false,
      invalidReason: "amount_below_minimum",
      // min(overdue 6000.00, one installment 2000.00)
      minimumAmount: "2000.00",
      horizonDays: 60,
    });
    expect(s.active).toBeNull();
    expect(s.invalidPending?.amount).toBe("1.00");
    expect(s.last90Days.invalid).toBe(1);
    expect(s.validity).toEqual({ minAmountShare: "1", maxHorizonDays: 14 });
    // Without the limits it would pause collection.
    expect(promiseStatus(a, { asOf: "2026-11-23T10:00:00+08:00" }).active?.amount).toBe("1.00");
  });

  it("CN-PTP-01: the full overdue in 4 days is valid", () => {
    const a = account({ dues, contacts: [ptp("2026-11-22", "4096.50", "2026-11-26")] });
    const s = promiseStatus(a, { asOf: "2026-11-23T10:00:00+08:00", ...P1 });
    expect(s.active).toMatchObject({ valid: true, invalidReason: null, horizonDays: 4 });
  });

  it("a full amount too far ahead is beyond the horizon; the minimum follows payments made by that day", () => {
    const far = promiseStatus(account({ dues, contacts: [ptp("2026-11-22", "2000.00", "2026-12-07")] }), {
      asOf: "2026-11-23",
      ...P1,
    });
    expect(far.promises[0]).toMatchObject({ valid: false, invalidReason: "date_beyond_horizon", horizonDays: 15 });
    // 5500.00 paid on the day: 500.00 overdue left, so 500.00 is enough.
    const partly = promiseStatus(
      account({
        dues,
        payments: [{ date: "2026-11-22", amount: "5500.00" }],
        contacts: [ptp("2026-11-22", "500.00", "2026-11-30")],
      }),
      { asOf: "2026-11-23", minAmountShare: "0.5" },
    );
    expect(partly.promises[0]).toMatchObject({ valid: true, minimumAmount: "250.00" });
  });

  it("a snapshot account measures against its overdue; nothing overdue means no minimum", () => {
    const snap = account({
      dues: undefined,
      delinquency: { dpd: 40, overdue: { principal: "300.00", fees: "33.33" } },
      contacts: [ptp("2026-11-22", "100.00", "2026-11-25")],
    });
    expect(promiseStatus(snap, { asOf: "2026-11-23", minAmountShare: "0.5" }).promises[0]).toMatchObject({
      valid: false,
      minimumAmount: "166.67",
    });
    const current = account({
      dues: [{ dueDate: "2026-12-15", amount: "1000.00" }],
      contacts: [ptp("2026-11-22", "1.00", "2026-11-25")],
    });
    expect(promiseStatus(current, { asOf: "2026-11-23", ...P1 }).promises[0]).toMatchObject({
      valid: true,
      minimumAmount: "0.00",
    });
  });

  it("rejects bad validity options", () => {
    expect(errorOf(() => promiseStatus(account(), { asOf: "2026-11-23", minAmountShare: 2 })).issues[0]!.path).toEqual([
      "minAmountShare",
    ]);
    expect(errorOf(() => promiseStatus(account(), { asOf: "2026-11-23", maxHorizonDays: -1 })).code).toBe(
      "INVALID_OPTIONS",
    );
  });

  it("validity never changes statuses or matching; active is the latest pending valid promise", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            made: fc.integer({ min: 0, max: 60 }),
            horizon: fc.integer({ min: 0, max: 40 }),
            cents: fc.integer({ min: 1, max: 300_000 }),
          }),
          { maxLength: 6 },
        ),
        fc.array(fc.record({ d: fc.integer({ min: 0, max: 70 }), cents: fc.integer({ min: 1, max: 300_000 }) }), {
          maxLength: 5,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 30 }),
        (promises, payments, share, horizon) => {
          const day = (n: number) => new Date(Date.UTC(2026, 9, 1 + n)).toISOString().slice(0, 10);
          const a = account({
            dues,
            payments: payments.map((p) => ({ date: day(p.d), amount: (p.cents / 100).toFixed(2) })),
            contacts: promises.map((p) => ptp(day(p.made), (p.cents / 100).toFixed(2), day(p.made + p.horizon))),
          });
          const asOf = "2026-12-05";
          const plain = promiseStatus(a, { asOf });
          const v = promiseStatus(a, { asOf, minAmountShare: share, maxHorizonDays: horizon });
          expect(v.promises.map((p) => [p.status, p.matched])).toEqual(
            plain.promises.map((p) => [p.status, p.matched]),
          );
          const pendingValid = v.promises.filter((p) => p.status === "pending" && p.valid);
          expect(v.active).toEqual(pendingValid.length ? pendingValid[pendingValid.length - 1] : null);
          for (const p of v.promises) {
            expect(p.valid).toBe(p.invalidReason === null);
            if (p.invalidReason === "date_beyond_horizon") expect(p.horizonDays).toBeGreaterThan(horizon);
            if (p.invalidReason === "amount_below_minimum")
              expect(Number(p.amount)).toBeLessThan(Number(p.minimumAmount));
            if (p.valid) expect(Number(p.amount)).toBeGreaterThanOrEqual(Number(p.minimumAmount));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

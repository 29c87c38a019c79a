import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/decision/decision.js";
import type { DecisionError } from "../../src/portfolio/batch.js";
import { summarizePortfolio } from "../../src/portfolio/summary.js";

function d(
  id: string,
  bucket: string,
  bucketIndex: number,
  action: string,
  currency: string,
  overdue: string,
  outstanding: string,
  extra: Partial<Decision> = {},
): Decision {
  const zero = { principal: "0", interest: "0", penaltyInterest: "0", fees: "0" };
  return {
    accountId: id,
    asOf: "2026-11-23T10:00:00Z",
    policy: { id: "p", version: "1" },
    facts: { bucket, bucketIndex },
    amounts: {
      currency,
      overdue: { ...zero, total: overdue },
      outstanding: { ...zero, total: outstanding },
      oldestUnpaidDueDate: null,
    },
    scores: { risk: {} as never, hardship: {} as never, segment: null, priority: 0 },
    action: {
      type: action,
      channel: null,
      rule: "r",
      earliestAt: "2026-11-23T10:00:00.000Z",
      contact: false,
      params: {},
    },
    blocked: [],
    allContactsBlocked: false,
    nextContactAt: null,
    trace: [],
    ...extra,
  } as Decision;
}
const err = (id: string | null, code = "INVALID_ACCOUNT"): DecisionError => ({
  accountId: id,
  index: 0,
  error: { code: code as never, message: "bad", issues: [] },
});

describe("summarizePortfolio", () => {
  const blockedCall = {
    type: "call_borrower",
    rule: "call",
    earliestAt: null,
    reasons: [
      { code: "CALLS_7_IN_7D", message: "" },
      { code: "QUIET_HOURS", message: "" },
    ],
  };
  const items = [
    d("a", "M1", 1, "call_borrower", "USD", "100.10", "1000.00", {
      scores: { risk: {} as never, hardship: {} as never, segment: "self_cure", priority: 1 },
    }),
    d("b", "M1", 1, "call_borrower", "USD", "0.20", "5.05"),
    d("c", "M1", 1, "send_sms_reminder", "CNY", "300.00", "3000.00", {
      blocked: [blockedCall],
      allContactsBlocked: false,
    }),
    d("e", "M0", 0, "no_action", "USD", "0.00", "250.00"),
    err("x"),
    d("f", "M3", 3, "send_sms_reminder", "USD", "999.99", "999.99", {
      blocked: [
        blockedCall,
        { ...blockedCall, type: "send_formal_letter", reasons: [{ code: "QUIET_HOURS", message: "" }] },
      ],
      allContactsBlocked: true,
    }),
    err(null, "INVALID_OPTIONS"),
  ];
  const s = summarizePortfolio(items);

  it("counts decisions and errors", () => {
    expect(s.decisions).toBe(5);
    expect(s.errors).toBe(2);
    expect(s.errorsByCode).toEqual({ INVALID_ACCOUNT: 1, INVALID_OPTIONS: 1 });
  });

  it("orders buckets by scheme index and builds the dense matrix", () => {
    expect(s.buckets).toEqual(["M0", "M1", "M3"]);
    expect(s.actions).toEqual(["call_borrower", "no_action", "send_sms_reminder"]);
    expect(s.counts).toEqual([
      [0, 1, 0],
      [2, 0, 1],
      [0, 0, 1],
    ]);
    expect(s.byBucketAction.map((r) => [r.bucket, r.action, r.count])).toEqual([
      ["M0", "no_action", 1],
      ["M1", "call_borrower", 2],
      ["M1", "send_sms_reminder", 1],
      ["M3", "send_sms_reminder", 1],
    ]);
  });

  it("sums exposure exactly per currency", () => {
    expect(s.byBucketAction[1]!.exposure).toEqual({ USD: { overdue: "100.30", outstanding: "1005.05" } });
    expect(s.total.exposure).toEqual({
      CNY: { overdue: "300.00", outstanding: "3000.00" },
      USD: { overdue: "1100.29", outstanding: "2255.04" },
    });
    expect(s.bySegment.map((r) => [r.segment, r.count])).toEqual([
      ["(none)", 4],
      ["self_cure", 1],
    ]);
    expect(s.byAction.find((r) => r.action === "send_sms_reminder")!.exposure).toEqual({
      CNY: { overdue: "300.00", outstanding: "3000.00" },
      USD: { overdue: "999.99", outstanding: "999.99" },
    });
  });

  it("counts blocked candidates by reason code and by action", () => {
    expect(s.blocked.decisions).toBe(2);
    expect(s.blocked.allContactsBlocked).toBe(1);
    expect(s.blocked.byReason).toEqual([
      { code: "QUIET_HOURS", count: 3, decisions: 2 },
      { code: "CALLS_7_IN_7D", count: 2, decisions: 2 },
    ]);
    expect(s.blocked.byAction).toEqual([
      { action: "call_borrower", count: 2 },
      { action: "send_formal_letter", count: 1 },
    ]);
  });

  it("works in one pass over a generator and sums like exact integer cents (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 10 ** 12 })), {
          maxLength: 60,
        }),
        (rows) => {
          function* gen() {
            for (const [i, [o, t]] of rows.entries())
              yield d(`a${i}`, "M1", 1, "x", "USD", (o / 100).toFixed(2), (t / 100).toFixed(2));
          }
          const r = summarizePortfolio(gen());
          const sumO = rows.reduce((s, [o]) => s + BigInt(o), 0n);
          const want = rows.length ? `${sumO / 100n}.${String(sumO % 100n).padStart(2, "0")}` : undefined;
          expect(r.total.exposure.USD?.overdue).toBe(want);
          expect(r.decisions).toBe(rows.length);
        },
      ),
    );
  });

  it("empty input gives an empty, well-formed summary", () => {
    const e = summarizePortfolio([]);
    expect(e).toMatchObject({
      decisions: 0,
      errors: 0,
      buckets: [],
      actions: [],
      counts: [],
      total: { count: 0, exposure: {} },
    });
  });
});

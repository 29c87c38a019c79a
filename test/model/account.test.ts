import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateAccount, rng } from "../../bench/accounts.js";
import { type AccountInput, ArrearsError, parseAccount, safeParseAccount } from "../../src/index.js";
import { corruptAt } from "../helpers.js";

const base: AccountInput = {
  id: "A-1001",
  product: "installment",
  currency: "CNY",
  openedOn: "2026-01-15",
  timeZone: "Asia/Shanghai",
  locale: "zh-CN",
  balance: { principal: "9000.00", interest: "120.50", penaltyInterest: "35.20", fees: "50" },
  dues: [
    { dueDate: "2026-09-15", amount: "1050.00" },
    { dueDate: "2026-10-15", amount: "1050.00" },
  ],
  payments: [{ date: "2026-09-14", amount: "1050.00" }],
  contacts: [{ at: "2026-11-20T10:00:00+08:00", channel: "call", outcome: "no_answer" }],
};

function expectIssue(input: unknown, path: (string | number)[], fragment: string): ArrearsError {
  const r = safeParseAccount(input);
  expect(r.success).toBe(false);
  if (r.success) throw new Error("unreachable");
  expect(r.error).toBeInstanceOf(ArrearsError);
  expect(r.error.code).toBe("INVALID_ACCOUNT");
  const issue = r.error.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
  expect(issue, `issues were ${JSON.stringify(r.error.issues)}`).toBeDefined();
  expect(issue!.message).toContain(fragment);
  return r.error;
}

describe("parseAccount", () => {
  it("fills defaults and freezes the result", () => {
    const a = parseAccount(base);
    expect(a.borrower.flags.disputed).toBe(false);
    expect(a.borrower.doNotContact).toEqual([]);
    expect(a.contacts[0]!.direction).toBe("outbound");
    expect(Object.isFrozen(a.dues)).toBe(true);
    expect(parseAccount(a)).toBe(a);
  });

  it("names the field path and received value in the message", () => {
    const err = expectIssue(
      {
        ...base,
        contacts: [
          ...base.contacts!,
          ...base.contacts!,
          ...base.contacts!,
          { at: "yesterday", channel: "call", outcome: "no_answer" },
        ],
      },
      ["contacts", 3, "at"],
      "ISO instant with offset",
    );
    expect(err.message).toContain('contacts[3].at: expected an ISO instant with offset, received "yesterday"');
    expect(err.issues[0]!.received).toBe("yesterday");
  });

  it("rejects negative, non-finite and malformed amounts", () => {
    expectIssue({ ...base, payments: [{ date: "2026-09-14", amount: -5 }] }, ["payments", 0, "amount"], "non-negative");
    expectIssue(
      { ...base, payments: [{ date: "2026-09-14", amount: Number.NaN }] },
      ["payments", 0, "amount"],
      "non-negative",
    );
    expectIssue(
      { ...base, payments: [{ date: "2026-09-14", amount: Number.POSITIVE_INFINITY }] },
      ["payments", 0, "amount"],
      "non-negative",
    );
    expectIssue({ ...base, balance: { principal: "1,000" } }, ["balance", "principal"], "decimal amount");
    // Beyond exact integer minor units: a typed error, not a RangeError from deep inside.
    expectIssue(
      { ...base, dues: [{ dueDate: "2026-09-15", amount: 1e300 }] },
      ["dues", 0, "amount"],
      "up to 900000000000",
    );
    expectIssue(
      { ...base, payments: [{ date: "2026-09-14", amount: "1000000000000000000000" }] },
      ["payments", 0, "amount"],
      "up to",
    );
  });

  it("rejects unknown currencies, impossible dates and unknown zones", () => {
    expectIssue({ ...base, currency: "RMB" }, ["currency"], "ISO 4217");
    expectIssue({ ...base, openedOn: "2025-02-29" }, ["openedOn"], "exists");
    expectIssue({ ...base, timeZone: "China/Beijing" }, ["timeZone"], "IANA");
    expectIssue({ ...base, locale: "not a locale" }, ["locale"], "BCP 47");
  });

  it("rejects payments before openedOn and duplicate due dates", () => {
    expectIssue(
      { ...base, payments: [{ date: "2026-01-14", amount: "1" }] },
      ["payments", 0, "date"],
      "before openedOn",
    );
    expectIssue(
      { ...base, dues: [...base.dues!, { dueDate: "2026-09-15", amount: "5" }] },
      ["dues", 2, "dueDate"],
      "duplicate due date",
    );
    // Out of order, the repeat found against the first of its date.
    const e = expectIssue(
      {
        ...base,
        dues: ["2026-10-15", "2026-09-15", "2026-11-15", "2026-09-15", "2026-10-15"].map((dueDate) => ({
          dueDate,
          amount: "5",
        })),
      },
      ["dues", 3, "dueDate"],
      "duplicate due date (also dues[1])",
    );
    expect(e.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "dues.3.dueDate: duplicate due date (also dues[1])",
      "dues.4.dueDate: duplicate due date (also dues[0])",
    ]);
  });

  it("needs dues or a snapshot, and rejects a snapshot that disagrees with the dues", () => {
    const { dues: _d, ...noDues } = base;
    expectIssue(noDues, ["dues"], "either dues");
    expectIssue(
      { ...base, delinquency: { dpd: 10, asOf: "2026-11-01", overdue: "1050.00" } },
      ["delinquency", "dpd"],
      "give 17 days past due",
    );
    expect(
      safeParseAccount({ ...base, delinquency: { dpd: 17, asOf: "2026-11-01", overdue: "1050.00" } }).success,
    ).toBe(true);
    expectIssue({ ...base, delinquency: { dpd: 17, overdue: "1050.00" } }, ["delinquency", "asOf"], "required");
  });

  it("rejects unknown fields rather than ignoring typos", () => {
    expectIssue({ ...base, borrower: { flags: { disputd: true } } }, ["borrower", "flags", "disputd"], "unknown field");
  });

  it("requires the promise of a promise_to_pay", () => {
    expectIssue(
      { ...base, contacts: [{ at: "2026-11-20T10:00:00+08:00", channel: "call", outcome: "promise_to_pay" }] },
      ["contacts", 0, "promise"],
      "needs its promise",
    );
  });

  it("parseAccount throws the same ArrearsError", () => {
    expect(() => parseAccount({ ...base, currency: 7 })).toThrow(ArrearsError);
    expect(() => parseAccount(null)).toThrow(ArrearsError);
    expect(() => parseAccount("account")).toThrow(/account/);
  });

  it("property: generated valid accounts never throw", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.nat(), (seed, i) => {
        const a = generateAccount(i, rng(seed));
        expect(safeParseAccount(a).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("property: a randomly corrupted account gives an ArrearsError, never a crash", () => {
    const corruptions: unknown[] = [
      null,
      undefined,
      Number.NaN,
      -1,
      "",
      "x",
      {},
      [],
      true,
      1e309,
      "2026-02-30",
      { a: 1 },
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...corruptions),
        (seed, i, pick, bad) => {
          const a = JSON.parse(JSON.stringify(generateAccount(i, rng(seed)))) as Record<string, unknown>;
          const { path, before } = corruptAt(a, pick, bad);
          let result;
          try {
            result = safeParseAccount(a);
          } catch (e) {
            throw new Error(`safeParseAccount threw ${String(e)} at ${path.join(".")}`);
          }
          if (!result.success) {
            expect(result.error).toBeInstanceOf(ArrearsError);
            expect(result.error.issues.length).toBeGreaterThan(0);
            for (const issue of result.error.issues) expect(issue.message.length).toBeGreaterThan(0);
            expect(result.error.message).not.toMatch(/received [^,;]*, received/);
          } else {
            // A corruption may happen to be valid (undefined for an optional field, [] for a list);
            // a required scalar replaced by a non-string/number value never is.
            if (path.length === 1 && ["currency", "openedOn", "timeZone", "product"].includes(String(path[0])))
              expect(JSON.stringify(before)).toBe(JSON.stringify(bad));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

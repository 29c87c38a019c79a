// #10 items 3 and 11: free-text fields had no length limit (a 100 KB name made one decide take
// 44 s), and the string "900000000000.01" passed the documented maximum while the number
// 900000000000.0001 failed. Both are now bounded, the same way for every form of an amount.
import { describe, expect, it } from "vitest";
import { safeParseAccount } from "../../src/index.js";
import { ACCOUNT_LIMITS } from "../../src/model/index.js";

const base = {
  id: "LIM-1",
  product: "installment",
  currency: "CNY",
  jurisdiction: "CN",
  openedOn: "2026-01-01",
  timeZone: "Asia/Shanghai",
  dues: [{ dueDate: "2026-10-15", amount: "100.00" }],
};
const issuePaths = (input: unknown): string[] => {
  const r = safeParseAccount(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("documented limits on accounts", () => {
  it("one maximum for amounts, whatever their form", () => {
    for (const ok of ["900000000000", "900000000000.00", 900_000_000_000, "0.01"])
      expect(issuePaths({ ...base, balance: { principal: ok } })).toEqual([]);
    for (const over of ["900000000000.01", 900_000_000_000.0001, "1000000000000", 9e11 + 1])
      expect(issuePaths({ ...base, balance: { principal: over } })).toEqual(["balance.principal"]);
  });

  it("free text and lists have limits, reported with their path", () => {
    expect(issuePaths({ ...base, borrower: { name: "王".repeat(ACCOUNT_LIMITS.nameLength + 1) } })).toEqual([
      "borrower.name",
    ]);
    expect(issuePaths({ ...base, id: "x".repeat(ACCOUNT_LIMITS.idLength + 1) })).toEqual(["id"]);
    const many = Array.from({ length: ACCOUNT_LIMITS.contacts + 1 }, () => ({
      at: "2026-11-01T10:00:00+08:00",
      channel: "call",
      outcome: "no_answer",
    }));
    expect(issuePaths({ ...base, contacts: many })).toEqual(["contacts"]);
    expect(issuePaths({ ...base, borrower: { name: "王".repeat(ACCOUNT_LIMITS.nameLength) } })).toEqual([]);
  });
});

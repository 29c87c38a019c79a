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

// Fuzz seed 20261129: a guardrail profile with one rule list duplicated to thousands of entries
// took ~300 ms to load; each list now has a bound far above any real profile.
describe("documented limits on guardrail profiles", () => {
  it("at most 500 rules of one kind, reported with the list's path", async () => {
    const { loadGuardrailProfile, shippedRuleFile } = await import("../../src/index.js");
    const profile = JSON.parse(JSON.stringify(shippedRuleFile("guardrails", "us-reg-f")));
    const window = profile.windows[0];
    profile.windows = Array.from({ length: 501 }, (_, i) => ({ ...window, id: `w${i}` }));
    let caught: unknown;
    try {
      loadGuardrailProfile(profile);
    } catch (e) {
      caught = e;
    }
    const e = caught as { code: string; issues: { path: (string | number)[] }[] };
    expect(e.code).toBe("INVALID_GUARDRAIL_PROFILE");
    expect(e.issues.map((i) => i.path.join("."))).toEqual(["windows"]);
    profile.windows = profile.windows.slice(0, 500);
    expect(() => loadGuardrailProfile(profile)).not.toThrow();
  });
});

// Fuzz (other seeds): a policy with a value nested 100,000 deep took ~250 ms to fail (a copy of
// the whole nesting, then zod's recursion to a stack overflow); it now stops at 200 levels.
describe("documented limits on policy files", () => {
  it("a value nested more than 500 levels deep is refused at its path, quickly", async () => {
    const { loadPolicy, shippedRuleFile } = await import("../../src/index.js");
    const policy = JSON.parse(JSON.stringify(shippedRuleFile("policies", "us-default")));
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    policy.rules[0].event.params = { x: [deep] };
    let caught: unknown;
    try {
      loadPolicy(policy);
    } catch (e) {
      caught = e;
    }
    const e = caught as { code: string; issues: { path: (string | number)[]; message: string }[] };
    expect(e.code).toBe("INVALID_POLICY");
    expect(e.issues[0]!.message).toBe("nested more than 500 levels deep");
    expect(e.issues[0]!.path.slice(0, 6)).toEqual(["rules", 0, "event", "params", "x", 0]);
  });
});

// Fuzz case accounts:7629 (seed 20261129): an object of 10,001 unknown keys made 10,001
// "did you mean" searches (~300 ms); past the 100 issues an error keeps, keys are only counted.
describe("unknown keys past the issues an error keeps", () => {
  it("are counted, not searched", () => {
    const wide = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`k${i}`, i]));
    const r = safeParseAccount({ ...base, borrower: wide });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues).toHaveLength(100);
    expect(r.error.message).toContain("more)");
    const started = performance.now();
    safeParseAccount({ ...base, borrower: wide });
    expect(performance.now() - started).toBeLessThan(150);
  });
});

describe("documented limits on the size of a policy", () => {
  it("at most 2,000 rules, reported at the rules", async () => {
    const { loadPolicy, shippedRuleFile } = await import("../../src/index.js");
    const policy = JSON.parse(JSON.stringify(shippedRuleFile("policies", "us-default")));
    const rule = policy.rules[0];
    policy.rules = Array.from({ length: 2_001 }, (_, i) => ({ ...rule, name: `r${i}` }));
    let caught: unknown;
    try {
      loadPolicy(policy);
    } catch (e) {
      caught = e;
    }
    const e = caught as { code: string; issues: { path: (string | number)[] }[] };
    expect(e.code).toBe("INVALID_POLICY");
    expect(e.issues.map((i) => i.path.join("."))).toContain("rules");
  });
});

// #10 item 5: errors repeated names, phone numbers, notes and whole nested objects into logs, and
// messages reached megabytes. Errors are now safe to log by default.
import { describe, expect, it } from "vitest";
import { MAX_ISSUES } from "../../src/errors/index.js";
import type { AccountInput } from "../../src/index.js";
import { type ArrearsError, parseAccount, safeParseAccount } from "../../src/index.js";
import { thrownArrearsError } from "../helpers.js";

const base: AccountInput = {
  id: "PII-1",
  product: "installment",
  currency: "CNY",
  jurisdiction: "CN",
  openedOn: "2026-01-01",
  timeZone: "Asia/Shanghai",
  dues: [{ dueDate: "2026-10-15", amount: "100.00" }],
};

describe("errors are safe to log", () => {
  it("masks personal fields and never copies nested objects into `received`", () => {
    const secret = "王伟 13800138000 住院治疗中";
    const e = thrownArrearsError(() =>
      parseAccount({
        ...base,
        borrower: { name: 42, hardship: [{ kind: "medical", reportedOn: "2026-13-01", note: secret }] },
        balance: { principal: { nested: { deep: secret } } },
      }),
    );
    const json = JSON.stringify(e);
    expect(json).not.toContain("13800138000");
    expect(e.message).not.toContain("13800138000");
    const principal = e.issues.find((i) => i.path.join(".") === "balance.principal")!;
    expect(principal.received).toBe("<object>");
    // The full value stays reachable on purpose, never by accident.
    expect(e.receivedValue(e.issues.indexOf(principal))).toEqual({ nested: { deep: secret } });
  });

  it("masks a borrower's name but not a rule's or an id", () => {
    const e = thrownArrearsError(() => parseAccount({ ...base, borrower: { name: "" } }));
    expect(e.issues[0]!.received).toBe("<masked: 0 characters>");
    const id = "A".repeat(30);
    const f = safeParseAccount({ ...base, id, currency: "XXQ" });
    expect(f.success).toBe(false);
    expect(f.success ? null : f.error.issues[0]!.received).toBe("XXQ");
  });

  it("caps long strings, the message and the number of issues", () => {
    const huge = "x".repeat(5_000_000);
    const contacts = Array.from({ length: 500 }, () => ({ at: huge, channel: "call", outcome: "no_answer" }));
    const r = safeParseAccount({ ...base, contacts });
    expect(r.success).toBe(false);
    const e = (r as { error: ArrearsError }).error;
    expect(e.issues.length).toBe(MAX_ISSUES);
    expect(e.omittedIssues).toBe(400);
    expect(e.message.length).toBeLessThan(2_000);
    expect(e.message).toContain("(and 495 more)");
    expect(String(e.issues[0]!.received).length).toBeLessThan(80);
    expect(JSON.stringify(e).length).toBeLessThan(50_000);
  });
});

describe("options are strict everywhere", () => {
  it("a misspelt decide option is an error with a suggestion, not silently ignored", async () => {
    const { decide, loadPolicy, shippedRuleFile } = await import("../../src/index.js");
    const defaultPolicy = shippedRuleFile("policies", "us-default");
    const e = thrownArrearsError(() =>
      decide(loadPolicy(defaultPolicy), { ...base }, { asOf: "2026-11-23T10:00:00+08:00", trce: "all" } as never),
    );
    expect(e.code).toBe("INVALID_OPTIONS");
    expect(e.message).toContain('trce: unknown field; did you mean "trace"?');
  });
});

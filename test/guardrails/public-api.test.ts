import { describe, expect, it } from "vitest";
import * as arrears from "../../src/index.js";

describe("guardrails in the public API", () => {
  it("checks a contact end to end from a shipped profile and raw JSON", () => {
    const r = arrears.checkContact(
      arrears.shippedRuleFile("guardrails", "us-reg-f"),
      {
        id: "A1",
        product: "installment",
        currency: "USD",
        jurisdiction: "US-NY",
        openedOn: "2026-01-01",
        timeZone: "America/New_York",
        delinquency: { dpd: 10, overdue: "50" },
      },
      { channel: "call", at: "2026-11-23T21:30:00-05:00" },
    );
    expect(r).toEqual({
      allowed: false,
      reasons: [
        {
          code: "OUTSIDE_WINDOW",
          message: "[inconvenient-time] 21:30 local time (America/New_York) is outside the call window 08:00–21:00",
          source: expect.stringContaining("12 CFR 1006.6(b)(1)(i); 15 U.S.C. 1692c(a)(1)"),
        },
      ],
      earliestAt: "2026-11-24T13:00:00.000Z",
      // a creditor (the default role) collects in its own name; no debt-collector disclosure
      requirements: [
        expect.objectContaining({ code: "CREDITOR_NAME" }),
        expect.objectContaining({ code: "RETAIN_RECORDS" }),
        expect.objectContaining({ code: "WORKPLACE" }),
      ],
    });
    expect(arrears.loadGuardrailProfile(arrears.shippedRuleFile("guardrails", "cn-2026")).id).toBe("cn-2026");
  });
});

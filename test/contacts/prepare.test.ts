import { describe, expect, it } from "vitest";
import { CHANNEL_SHIFT, FLAG_FAILED, FLAG_RPC, INBOUND, prepareActivity } from "../../src/contacts/prepare.js";
import { parseAccount } from "../../src/index.js";
import { account, call } from "./fixtures.js";

describe("prepareActivity", () => {
  const a = parseAccount(
    account({
      contacts: [
        call("2026-11-03T10:00:00+08:00", "busy"),
        { at: "2026-11-01T10:00:00+08:00", channel: "sms", direction: "inbound", outcome: "delivered" },
        call("2026-11-02T10:00:00+08:00", "right_party"),
        call("2026-11-02T10:00:00+08:00", "no_answer"), // same instant: keeps input order
      ],
      payments: [
        { date: "2026-10-20", amount: "5.00" },
        { date: "2026-10-10", amount: "7.50" },
      ],
    }),
  );

  it("sorts contacts by time (stable) and packs their classification", () => {
    const p = prepareActivity(a);
    expect(p.contactIndex).toEqual([1, 2, 3, 0]);
    expect(p.contactBits.map((b) => b >>> CHANNEL_SHIFT)).toEqual([1, 0, 0, 0]); // sms, call, call, call
    expect(p.contactBits[0]! & INBOUND).toBe(INBOUND);
    expect(p.contactBits[1]! & FLAG_RPC).toBe(FLAG_RPC);
    expect(p.contactBits[2]! & FLAG_FAILED).toBe(FLAG_FAILED);
    expect(p.contacts.map((c) => [c.index, c.outcome, c.inbound])).toEqual([
      [1, "delivered", true],
      [2, "right_party", false],
      [3, "no_answer", false],
      [0, "busy", false],
    ]);
    expect(p.contacts[0]!.ms).toBe(Date.UTC(2026, 10, 1, 2));
  });

  it("sorts payments by date in minor units and caches per parsed account", () => {
    const p = prepareActivity(a);
    expect(p.payAmount).toEqual([750, 500]);
    expect(prepareActivity(a)).toBe(p);
  });
});

import { describe, expect, it } from "vitest";
import { parseAccount } from "../../src/index.js";
import {
  CHANNELS,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  CONTACT_TRAIT,
  contactTraits,
  prepareAccount,
  purposeCode,
  TRAITS_TABLE,
  traitsOf,
} from "../../src/model/index.js";
import { account, call } from "../contacts/fixtures.js";

describe("the prepared view of an account", () => {
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

  it("sorts contacts by time (stable) with enum indices and traits", () => {
    const c = prepareAccount(a).contacts;
    expect([...c.index]).toEqual([1, 2, 3, 0]);
    expect([...c.channel].map((i) => CHANNELS[i])).toEqual(["sms", "call", "call", "call"]);
    expect([...c.outcome].map((i) => CONTACT_OUTCOMES[i])).toEqual(["delivered", "right_party", "no_answer", "busy"]);
    expect([...c.inbound]).toEqual([1, 0, 0, 0]);
    expect(c.traits[1]! & CONTACT_TRAIT.RPC).toBe(CONTACT_TRAIT.RPC);
    expect(c.traits[2]! & CONTACT_TRAIT.FAILED).toBe(CONTACT_TRAIT.FAILED);
    expect(c.ms[0]).toBe(Date.UTC(2026, 10, 1, 2));
  });

  it("sorts payments by date in minor units and caches per parsed account", () => {
    const p = prepareAccount(a);
    expect(p.payments.amount).toEqual([750, 500]);
    expect(prepareAccount(a)).toBe(p);
  });

  it("derives its trait table from the schema enums: every combination, by the one definition", () => {
    expect(TRAITS_TABLE.length).toBe(CHANNELS.length * CONTACT_OUTCOMES.length * 4);
    CHANNELS.forEach((ch, ci) =>
      CONTACT_OUTCOMES.forEach((o, oi) => {
        for (const inbound of [0, 1])
          for (const purpose of [undefined, ...CONTACT_PURPOSES]) {
            const notice = purposeCode(purpose) === purposeCode("visit_notice") ? 1 : 0;
            expect(traitsOf(ci, oi, inbound, notice)).toBe(contactTraits(ch, inbound === 1, o, purpose));
          }
      }),
    );
  });

  it("keeps every enum within the 31 values a 32-bit mask can hold", () => {
    expect(CHANNELS.length).toBeLessThanOrEqual(31);
    expect(CONTACT_OUTCOMES.length).toBeLessThanOrEqual(31);
    expect(CONTACT_PURPOSES.length + 1).toBeLessThanOrEqual(31);
  });
});

/**
 * The oracle of ./oracle.ts is not vacuous: probing generated accounts at their instant with
 * every channel and purpose the shipped policies use (not just the contacts they recommend), it
 * flags the rule families it encodes, and it never finds a violation in a contact the guardrail
 * engine allows (the same property as oracle.test.ts, on many more kinds of contact).
 */
import { describe, expect, it } from "vitest";
import { getGuardrailProfile } from "../../src/guardrails/index.js";
import { checkContact } from "../../src/index.js";
import { type Contact, generate, rng, violations } from "./oracle.js";

const PROBES: readonly [string, string, string][] = [
  ["call", "collection", "borrower"],
  ["sms", "reminder", "borrower"],
  ["email", "reminder", "borrower"],
  ["letter", "collection", "borrower"],
  ["letter", "final_notice", "borrower"],
  ["letter", "letter_of_claim", "borrower"],
  ["letter", "visit_notice", "borrower"],
  ["letter", "arrears_notice", "borrower"],
  ["sms", "visit_appointment", "borrower"],
  ["visit", "collection", "borrower"],
  ["sms", "location", "emergency_contact"],
];
const profilesFor = (j: string) =>
  (j === "CN"
    ? ["cn-2026"]
    : j === "US-MA"
      ? ["us-reg-f", "us-ma-940cmr"]
      : j.startsWith("US")
        ? ["us-reg-f"]
        : ["uk-conc"]
  ).map((id) => getGuardrailProfile(id as never));

describe("the independent compliance oracle, probed", () => {
  it("flags what the engine blocks for each rule family, and nothing the engine allows", () => {
    const r = rng(7);
    const flagged = new Map<string, number>();
    const wrong: string[] = [];
    let probes = 0;
    let stricter = 0;
    for (let i = 0; i < 400; i++) {
      const { account, asOf } = generate(i, r);
      // Instants inside and outside the windows: the account's instant and a few hours later.
      const at = Date.parse(asOf) + Math.floor(r() * 4) * 5 * 3_600_000;
      for (const [channel, purpose, party] of PROBES) {
        const x: Contact = {
          channel,
          purpose,
          party,
          partyId: party === "emergency_contact" ? "E1" : undefined,
          atMs: at,
        };
        const v = violations(account, x);
        for (const id of v) flagged.set(id.replace(/\(.*$/, ""), (flagged.get(id.replace(/\(.*$/, "")) ?? 0) + 1);
        const engine = checkContact(profilesFor(account.jurisdiction), account, {
          channel: channel as never,
          purpose: purpose as never,
          party: party as never,
          ...(x.partyId ? { partyId: x.partyId } : {}),
          at: new Date(at).toISOString(),
        });
        probes++;
        if (engine.allowed && v.length > 0 && wrong.length < 10)
          wrong.push(
            `${account.id} ${channel}/${purpose}/${party} at ${new Date(at).toISOString()}: engine allows, oracle: ${v.join(", ")}\n ${JSON.stringify(account)}`,
          );
        if (!engine.allowed && v.length === 0) stricter++;
      }
    }
    console.log(
      `probes: ${probes}; engine stricter than the oracle on ${stricter}; flagged ${JSON.stringify(Object.fromEntries([...flagged].sort()))}`,
    );
    expect(wrong).toEqual([]);
    for (const rule of [
      "cn-2026:no-night-collection",
      "cn-2026:visit-notice",
      "cn-2026:public-holidays",
      "cn-2026:emergencyContacts",
      "us-reg-f:inconvenient-time",
      "us-reg-f:after-conversation",
      "us-reg-f:federal-holidays",
      "us-ma-940cmr:telephone-2-in-7",
      "uk-conc:reasonable-hours",
      "uk-conc:visit-hours",
      "uk-conc:default-notice",
      "uk-conc:arrears-notice",
      "uk-conc:visit-notice",
      "uk-conc:after-conversation",
    ])
      expect(flagged.get(rule) ?? 0, rule).toBeGreaterThan(0);
  });
});

// Reg F time and place (1006.6(b)), media (1006.14(h)), third parties (1006.10) and the
// holiday policy: worked cases US-T-*, US-M-* of the compliance research.
import { describe, expect, it } from "vitest";
import { account, check, codes, contact, type Json } from "../helpers.js";

const NY = "America/New_York";
const P = "us-reg-f";
const us = (parts: { contacts?: Json[]; borrower?: Json } = {}) => account(NY, "US-NY", "USD", parts);

describe("us-reg-f: time, place and media", () => {
  // Postal address in Los Angeles, phone area code 212 (New York).
  const both = account("America/Los_Angeles", "US-CA", "USD", { borrower: { otherTimeZones: [NY] } });

  it("[inconvenient-time] US-T-1: 07:30 in Los Angeles (10:30 in New York) waits for 08:00 in Los Angeles", () => {
    const r = check(P, both, { channel: "call", at: "2026-11-23T07:30:00-08:00" });
    expect(codes(r)).toEqual(["OUTSIDE_WINDOW"]);
    expect(r.earliestAt).toBe("2026-11-23T16:00:00.000Z");
  });

  it("[inconvenient-time] US-T-2: 18:30 in Los Angeles is 21:30 in New York: blocked until 08:00 in Los Angeles", () => {
    const r = check(P, both, { channel: "call", at: "2026-11-23T18:30:00-08:00" });
    expect(codes(r)).toEqual(["OUTSIDE_WINDOW"]);
    expect(r.reasons[0]!.message).toContain("America/New_York");
    expect(r.earliestAt).toBe("2026-11-24T16:00:00.000Z");
  });

  it("[inconvenient-time] US-T-3: noon in Los Angeles is convenient in both places", () => {
    expect(check(P, both, { channel: "call", at: "2026-11-23T12:00:00-08:00" }).allowed).toBe(true);
  });

  it("[inconvenient-time] US-T-4: spring forward in New York: 08:00 EDT on 2026-03-08 is 12:00Z", () => {
    const r = check(P, us(), { channel: "call", at: "2026-03-08T06:00:00Z" });
    expect(r.earliestAt).toBe("2026-03-08T12:00:00.000Z");
  });

  it("[inconvenient-time] US-T-5: an e-mail at 21:15 waits for 08:00; a letter is not time-bound", () => {
    const r = check(P, us(), { channel: "email", at: "2026-11-23T21:15:00-05:00" });
    expect(codes(r)).toEqual(["OUTSIDE_WINDOW"]);
    expect(r.earliestAt).toBe("2026-11-24T13:00:00.000Z");
    expect(check(P, us(), { channel: "letter", at: "2026-11-23T23:30:00-05:00" }).allowed).toBe(true);
  });

  it("[federal-holidays] policy: no calls or visits on Thanksgiving; a text that day is allowed", () => {
    const r = check(P, us(), { channel: "call", at: "2026-11-26T10:00:00-05:00" });
    expect(codes(r)).toEqual(["REST_DAY"]);
    expect(r.reasons[0]!.source).toContain("Policy choice");
    expect(r.earliestAt).toBe("2026-11-27T13:00:00.000Z");
    expect(check(P, us(), { channel: "sms", at: "2026-11-26T10:00:00-05:00" }).allowed).toBe(true);
  });

  it("[federal-holidays] Independence Day 2026 falls on a Saturday: the observed Friday and the day itself are both rest days", () => {
    const r = check(P, us(), { channel: "call", at: "2026-07-03T10:00:00-04:00" });
    expect(codes(r)).toEqual(["REST_DAY"]);
    expect(r.earliestAt).toBe("2026-07-05T12:00:00.000Z");
  });

  it("[federal-holidays] later years come through the calendars option (MLK Day 2028)", () => {
    const at = "2028-01-17T10:00:00-05:00";
    expect(check(P, us(), { channel: "call", at }).allowed).toBe(true);
    const r = check(P, us(), { channel: "call", at, calendars: { "us-federal-holidays": ["2028-01-17"] } });
    expect(codes(r)).toEqual(["REST_DAY"]);
  });

  it("[optOut] US-M-1: a consumer who opted out of texts gets none, ever; a call is still allowed", () => {
    const a = us({ borrower: { doNotContact: ["sms"] } });
    const r = check(P, a, { channel: "sms", at: "2026-11-23T10:00:00-05:00" });
    expect(codes(r)).toEqual(["OPTED_OUT"]);
    expect(r.reasons[0]!.source).toBe("12 CFR 1006.14(h)(1)");
    expect(r.earliestAt).toBeNull();
    expect(check(P, a, { channel: "call", at: "2026-11-23T10:00:00-05:00" }).allowed).toBe(true);
  });

  it("[thirdParty] a third party only for location information, whether or not the consumer is reachable", () => {
    const at = "2026-11-23T10:00:00-05:00";
    expect(check(P, us(), { channel: "call", at, party: "third_party", purpose: "location" }).allowed).toBe(true);
    expect(check(P, us(), { channel: "call", at, party: "third_party", purpose: "skip_trace" }).allowed).toBe(true);
    const r = check(P, us(), { channel: "call", at, party: "third_party", purpose: "collection" });
    expect(codes(r)).toEqual(["THIRD_PARTY_NOT_ALLOWED"]);
    expect(r.earliestAt).toBeNull();
  });

  it("[emergencyContacts] US-CF-13: one location contact per person (1006.10(c)); an objection stops contact for good", () => {
    const named = { emergencyContacts: [{ id: "M", relationship: "parent" }] };
    const asked = contact("2026-11-01T10:00:00-05:00", "call", "third_party", {
      party: "emergency_contact",
      partyId: "M",
    });
    const opts = {
      channel: "call" as const,
      at: "2026-11-23T10:00:00-05:00",
      party: "emergency_contact" as const,
      partyId: "M",
      purpose: "location" as const,
    };
    expect(check(P, us({ borrower: named }), opts).allowed).toBe(true);
    const again = check(P, us({ borrower: named, contacts: [asked] }), opts);
    expect(codes(again)).toEqual(["THIRD_PARTY_NOT_ALLOWED"]);
    expect(again.earliestAt).toBe("2027-11-02T12:00:00.000Z"); // 366 days on, 08:00 EDT
    const refused = { ...asked, outcome: "refused" };
    expect(check(P, us({ borrower: named, contacts: [refused] }), opts).earliestAt).toBeNull();
    expect(check(P, us({ borrower: named }), { ...opts, purpose: "collection" }).allowed).toBe(false);
  });
});

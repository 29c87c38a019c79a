// Massachusetts 940 CMR 7.00 as a state layer on Reg F (creditors): worked cases US-MA-* of the
// compliance research, and the layer's stacking with us-reg-f (the stricter limit wins).
import { describe, expect, it } from "vitest";
import { decide, loadPolicy, shippedRuleFile } from "../../../src/index.js";
import { account, check, codes, contact, type Json, required } from "../helpers.js";

const STACK = ["us-reg-f", "us-ma-940cmr"];
const MA = "us-ma-940cmr";
const ma = (contacts: Json[] = [], borrower?: Json) =>
  account("America/New_York", "US-MA", "USD", { contacts, ...(borrower ? { borrower } : {}) });
const call = (at: string, outcome: string) => contact(at, "call", outcome);

describe("us-ma-940cmr: telephone and visits", () => {
  it("[telephone-2-in-7] US-MA-1: two calls to the debtor in 7 days (one to voicemail, no message) block a third until the first leaves the period; Reg F alone would allow it", () => {
    const a = ma([call("2026-11-17T10:00:00-05:00", "voicemail"), call("2026-11-19T10:00:00-05:00", "no_answer")]);
    const at = "2026-11-21T10:00:00-05:00";
    expect(check("us-reg-f", a, { channel: "call", at }).allowed).toBe(true);
    const r = check(STACK, a, { channel: "call", at });
    expect(codes(r)).toEqual(["CAP_MA_7D"]);
    expect(r.reasons[0]!.source).toContain("940 CMR 7.04(1)(f)");
    expect(r.earliestAt).toBe("2026-11-24T13:00:00.000Z"); // Tue 08:00 EST: the 11-17 call has left
  });

  it("[telephone-2-in-7] texts are telephone communications too: two texts leave no room for a call", () => {
    const a = ma([
      contact("2026-11-20T10:00:00-05:00", "sms", "delivered"),
      contact("2026-11-21T10:00:00-05:00", "sms", "delivered"),
    ]);
    expect(codes(check(STACK, a, { channel: "call", at: "2026-11-23T10:00:00-05:00" }))).toEqual(["CAP_MA_7D"]);
    expect(check(STACK, a, { channel: "email", at: "2026-11-23T10:00:00-05:00" }).allowed).toBe(true);
  });

  it("[telephone-2-in-7] Armata: voicemail counts; a busy signal or a number not in service does not", () => {
    const at = "2026-11-23T10:00:00-05:00";
    const vm = ma([call("2026-11-20T10:00:00-05:00", "voicemail"), call("2026-11-22T10:00:00-05:00", "voicemail")]);
    expect(check(STACK, vm, { channel: "call", at }).allowed).toBe(false);
    const dead = ma([call("2026-11-20T10:00:00-05:00", "busy"), call("2026-11-22T10:00:00-05:00", "undeliverable")]);
    expect(check(STACK, dead, { channel: "call", at }).allowed).toBe(true);
  });

  it("[other-numbers-2-in-30] US-MA-2: the 2-in-30 rule for other numbers (work) goes with every call and text: the number's type is not on record", () => {
    const r = check(STACK, ma(), { channel: "call", at: "2026-11-23T10:00:00-05:00" });
    expect(required(r)).toContain("MA_OTHER_NUMBERS");
    expect(required(check(STACK, ma(), { channel: "letter", at: "2026-11-23T10:00:00-05:00" }))).not.toContain(
      "MA_OTHER_NUMBERS",
    );
  });

  it("[visits-1-in-30] US-MA-3: a household visit on 11-02 bars another until 12-02 08:00", () => {
    const a = ma([contact("2026-11-02T11:00:00-05:00", "visit", "right_party")]);
    const r = check(STACK, a, { channel: "visit", at: "2026-11-25T11:00:00-05:00" });
    expect(codes(r)).toEqual(["CAP_MA_VISIT_30D"]);
    expect(r.earliestAt).toBe("2026-12-02T13:00:00.000Z");
    expect(check(STACK, a, { channel: "visit", at: "2026-12-02T08:00:00-05:00" }).allowed).toBe(true);
  });

  it("[visit-hours] visits only 08:00–21:00", () => {
    const r = check(MA, ma(), { channel: "visit", at: "2026-11-23T21:15:00-05:00" });
    expect(codes(r)).toEqual(["OUTSIDE_WINDOW"]);
    expect(r.earliestAt).toBe("2026-11-24T13:00:00.000Z");
    expect(check(MA, ma(), { channel: "call", at: "2026-11-23T21:15:00-05:00" }).allowed).toBe(true); // calls: Reg F's window
  });

  it("[workplace-request, visit-conduct] a request not to be called at work (10 days, or for good if confirmed in writing) and staying outside on a visit", () => {
    expect(required(check(MA, ma(), { channel: "call", at: "2026-11-23T10:00:00-05:00" }))).toContain("MA_WORKPLACE");
    const visit = required(check(MA, ma(), { channel: "visit", at: "2026-11-23T10:00:00-05:00" }));
    expect(visit).toEqual(expect.arrayContaining(["MA_WORKPLACE", "MA_VISIT_CONDUCT"]));
  });

  it("[optOut, thirdParty] opted-out media and third parties (location only)", () => {
    const at = "2026-11-23T10:00:00-05:00";
    expect(codes(check(MA, ma([], { doNotContact: ["sms"] }), { channel: "sms", at }))).toEqual(["OPTED_OUT"]);
    expect(check(MA, ma(), { channel: "call", at, party: "third_party", purpose: "location" }).allowed).toBe(true);
    expect(codes(check(MA, ma(), { channel: "call", at, party: "third_party", purpose: "collection" }))).toEqual([
      "THIRD_PARTY_NOT_ALLOWED",
    ]);
  });

  it("[telephone-2-in-7] the layer binds creditors: decide stacks it for a creditor's policy and not for a debt collector's", () => {
    const guardrails = STACK.map((id) => shippedRuleFile("guardrails", id));
    const asOf = "2026-11-23T10:00:00-05:00";
    const a = ma([call("2026-11-17T10:00:00-05:00", "voicemail"), call("2026-11-19T10:00:00-05:00", "no_answer")]);
    const creditor = decide(loadPolicy("us-default"), a as never, { asOf, guardrails } as never);
    expect(creditor.guardrails.map((g) => g.id)).toEqual(STACK);
    const json = structuredClone(shippedRuleFile("policies", "us-default")) as { options: Json };
    json.options.collectorRole = "debt_collector";
    const collector = decide(loadPolicy(json), a as never, { asOf, guardrails } as never);
    expect(collector.guardrails.map((g) => g.id)).toEqual(["us-reg-f"]);
  });
});

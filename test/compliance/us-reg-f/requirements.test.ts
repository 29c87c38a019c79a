// What goes with a contact under Reg F, the FDCPA and the SCRA: disclosures by collector role,
// validation, records, workplace, time-barred debts, servicemembers; the opt-out sentence.
import { describe, expect, it } from "vitest";
import { optOutTextFor } from "../../../src/guardrails/index.js";
import { account, check, profile, required } from "../helpers.js";

const P = "us-reg-f";
const us = account("America/New_York", "US-NY", "USD");
const at = "2026-11-23T10:00:00-05:00";
const CHANNELS = ["call", "sms", "email", "letter", "visit", "app"] as const;

describe("us-reg-f: requirements", () => {
  it("[debt-collector-disclosure, creditor-identity] a debt collector says it is one (mini-Miranda); a creditor collects in its own name and does not", () => {
    for (const channel of CHANNELS) {
      const collector = required(check(P, us, { channel, at, role: "debt_collector" }));
      expect(collector, channel).toContain("MINI_MIRANDA");
      expect(collector, channel).not.toContain("CREDITOR_NAME");
      const creditor = required(check(P, us, { channel, at, role: "creditor" }));
      expect(creditor, channel).toContain("CREDITOR_NAME");
      expect(creditor, channel).not.toContain("MINI_MIRANDA");
    }
    expect(required(check(P, us, { channel: "call", at }))).toContain("CREDITOR_NAME"); // the default role
  });

  it("[validation-notice] a debt collector's communication carries the validation-notice duty (within 5 days of the first)", () => {
    const r = check(P, us, { channel: "letter", at, role: "debt_collector" });
    const v = r.requirements.find((x) => x.code === "VALIDATION_NOTICE")!;
    expect(v.text).toContain("within 5 days");
    expect(v.source).toContain("1006.34");
    expect(required(check(P, us, { channel: "letter", at, role: "creditor" }))).not.toContain("VALIDATION_NOTICE");
  });

  it("[records-3-years] every communication is kept on record three years (recordings three years after the call)", () => {
    for (const channel of CHANNELS)
      expect(required(check(P, us, { channel, at })), channel).toContain("RETAIN_RECORDS");
  });

  it("[workplace, employer-email] calls and visits avoid a workplace whose employer prohibits them; e-mails avoid employer addresses", () => {
    expect(required(check(P, us, { channel: "call", at }))).toContain("WORKPLACE");
    expect(required(check(P, us, { channel: "visit", at }))).toContain("WORKPLACE");
    expect(required(check(P, us, { channel: "letter", at }))).not.toContain("WORKPLACE");
    expect(required(check(P, us, { channel: "email", at }))).toContain("EMPLOYER_EMAIL");
    expect(required(check(P, us, { channel: "sms", at }))).not.toContain("EMPLOYER_EMAIL");
  });

  it("[time-barred] collection contacts and letters of claim carry the no-suit, no-threat rule; a hardship offer does not", () => {
    expect(required(check(P, us, { channel: "letter", at, purpose: "collection" }))).toContain("NO_SUIT_THREAT");
    expect(required(check(P, us, { channel: "letter", at, purpose: "letter_of_claim" }))).toContain("NO_SUIT_THREAT");
    expect(required(check(P, us, { channel: "letter", at, purpose: "hardship_offer" }))).not.toContain(
      "NO_SUIT_THREAT",
    );
  });

  it("[servicemember-check] US-SCRA-1: a final notice or letter of claim comes with the servicemember check before suit", () => {
    const r = check(P, us, { channel: "letter", at, purpose: "letter_of_claim" });
    expect(r.requirements.find((x) => x.code === "SCRA_CHECK")!.source).toContain("50 U.S.C. 3931");
    expect(required(check(P, us, { channel: "letter", at, purpose: "final_notice" }))).toContain("SCRA_CHECK");
    expect(required(check(P, us, { channel: "letter", at, purpose: "collection" }))).not.toContain("SCRA_CHECK");
  });

  it("[optOutText] every e-mail and text carries a simple opt-out (1006.6(e)); calls and letters do not", () => {
    expect(optOutTextFor(profile(P), "sms", "en-US")).toContain("STOP");
    expect(optOutTextFor(profile(P), "email", "es-US")).toContain("STOP");
    expect(optOutTextFor(profile(P), "call", "en-US")).toBeNull();
    expect(optOutTextFor(profile(P), "letter", "en-US")).toBeNull();
  });
});

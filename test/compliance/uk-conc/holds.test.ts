// UK holds with their lifecycles: the Debt Respite Scheme (breathing space and the mental health
// crisis moratorium, with their ends), mental capacity (CONC 7.10), vulnerability, insolvency,
// disputes, requests to stop and complaints: worked cases UK-BS-*, UK-CAP-* of the research.
import { describe, expect, it } from "vitest";
import { account, check, codes, type Json } from "../helpers.js";

const P = "uk-conc";
const gb = (events: Json[] = [], borrower?: Json) =>
  account("Europe/London", "GB-ENG", "GBP", { events, ...(borrower ? { borrower } : {}) });
const at = "2026-11-23T10:00:00Z";
const CHANNELS = ["call", "sms", "email", "letter", "visit", "app"] as const;
const bs = (on: string, extra: Json = {}) => ({ type: "breathing_space_started", on, kind: "standard", ...extra });
const mh = (on: string) => ({ type: "breathing_space_started", on, kind: "mental_health" });

describe("uk-conc: the Debt Respite Scheme", () => {
  it("[breathing-space] UK-BS-1: a breathing space with the notice's end date (2027-01-01) holds every channel; contact resumes the day after, Sat 2027-01-02 at 08:00 (a visit also needs its notice)", () => {
    const a = gb([bs("2026-11-02", { until: "2027-01-01" })]);
    for (const channel of CHANNELS) {
      const r = check(P, a, { channel, at, purpose: "collection" });
      expect(codes(r)[0], channel).toBe("BREATHING_SPACE");
      expect(r.reasons[0]!.source).toContain("reg. 11");
    }
    expect(check(P, a, { channel: "call", at }).earliestAt).toBe("2027-01-02T08:00:00.000Z");
    expect(check(P, a, { channel: "letter", at, purpose: "collection" }).earliestAt).toBe("2027-01-02T00:00:00.000Z");
  });

  it("[breathing-space] UK-BS-2: letters that are not for enforcement (statements, arrears notices) stay allowed; demands do not", () => {
    const a = gb([bs("2026-11-02", { until: "2027-01-01" })]);
    expect(check(P, a, { channel: "letter", at, purpose: "other" }).allowed).toBe(true);
    expect(check(P, a, { channel: "letter", at, purpose: "arrears_notice" }).allowed).toBe(true);
    for (const purpose of ["final_notice", "letter_of_claim", "default_notice", "reminder"] as const)
      expect(check(P, a, { channel: "letter", at, purpose }).allowed, purpose).toBe(false);
    expect(check(P, a, { channel: "email", at, purpose: "other" }).allowed).toBe(false);
  });

  it("[breathing-space, holdLifecycle] without an end date on record it lasts 60 days (day 1 = the start): 2026-11-02 → through 2026-12-31; a cancellation ends it the next day", () => {
    const a = gb([bs("2026-11-02")]);
    const r = check(P, a, { channel: "call", at });
    expect(codes(r)).toEqual(["BREATHING_SPACE"]);
    expect(r.earliestAt).toBe("2027-01-02T08:00:00.000Z"); // 01-01 is a bank holiday
    expect(check(P, a, { channel: "sms", at }).earliestAt).toBe("2027-01-01T08:00:00.000Z");
    expect(check(P, a, { channel: "sms", at: "2026-12-31T12:00:00Z" }).allowed).toBe(false);
    expect(check(P, a, { channel: "sms", at: "2027-01-01T12:00:00Z" }).allowed).toBe(true);
    const cancelled = gb([bs("2026-11-02"), { type: "breathing_space_ended", on: "2026-11-20" }]);
    expect(check(P, cancelled, { channel: "call", at: "2026-11-20T12:00:00Z" }).allowed).toBe(false);
    expect(check(P, cancelled, { channel: "call", at: "2026-11-21T12:00:00Z" }).allowed).toBe(true);
  });

  it("[mental-health-moratorium] UK-BS-3: a mental health crisis moratorium has no fixed end: blocked with no earliest instant while the treatment lasts", () => {
    const a = gb([mh("2026-10-01")]);
    for (const channel of CHANNELS) {
      const r = check(P, a, { channel, at: "2027-03-01T10:00:00Z", purpose: "collection" });
      expect(codes(r)[0], channel).toBe("BREATHING_SPACE");
      expect(r.earliestAt, channel).toBeNull();
    }
    expect(check(P, a, { channel: "letter", at: "2027-03-01T10:00:00Z", purpose: "arrears_notice" }).allowed).toBe(
      true,
    );
  });

  it("[mental-health-moratorium, holdLifecycle] UK-BS-4: treatment ended 2027-03-10: the moratorium runs 30 more days (through 04-09); a call on 04-10 is lawful", () => {
    const a = gb([mh("2026-10-01"), { type: "mental_health_treatment_ended", on: "2027-03-10" }]);
    const r = check(P, a, { channel: "call", at: "2027-03-15T10:00:00Z" });
    expect(codes(r)).toEqual(["BREATHING_SPACE"]);
    expect(r.earliestAt).toBe("2027-04-10T07:00:00.000Z"); // Sat 04-10, 08:00 BST
    expect(check(P, a, { channel: "call", at: "2027-04-09T18:00:00+01:00" }).allowed).toBe(false);
    expect(check(P, a, { channel: "call", at: "2027-04-10T10:00:00+01:00" }).allowed).toBe(true);
    const cancelled = gb([mh("2026-10-01"), { type: "breathing_space_ended", on: "2027-01-05" }]);
    expect(check(P, cancelled, { channel: "call", at: "2027-01-06T10:00:00Z" }).allowed).toBe(true);
  });
});

describe("uk-conc: capacity and vulnerability", () => {
  it("[capacity-concern] UK-CAP-1: told the customer may lack capacity, recovery is suspended on every channel until the concern is resolved", () => {
    const a = gb([{ type: "capacity_concern_raised", on: "2026-11-20" }]);
    for (const channel of CHANNELS) {
      const r = check(P, a, { channel, at, purpose: "collection" });
      expect(codes(r)[0], channel).toBe("HOLD_CAPACITY");
      expect(r.earliestAt).toBeNull();
    }
    expect(check(P, a, { channel: "letter", at, purpose: "other" }).allowed).toBe(false);
    expect(codes(check(P, a, { channel: "call", at }))[0]).toBe("HOLD_CAPACITY");
    const resolved = gb([
      { type: "capacity_concern_raised", on: "2026-11-20" },
      { type: "capacity_confirmed", on: "2026-12-10" },
    ]);
    expect(check(P, resolved, { channel: "call", at: "2026-12-10T10:00:00Z" }).allowed).toBe(false);
    expect(check(P, resolved, { channel: "call", at: "2026-12-11T10:00:00Z" }).allowed).toBe(true);
  });

  it("[vulnerable-no-visit] no visit to a customer known to be vulnerable, even with a notice on record", () => {
    const notice = { at: "2026-11-02T10:00:00Z", channel: "letter", outcome: "delivered", purpose: "visit_notice" };
    const a = account("Europe/London", "GB-ENG", "GBP", {
      contacts: [notice],
      events: [{ type: "vulnerability_reported", on: "2026-11-10" }],
    });
    const r = check(P, a, { channel: "visit", at });
    expect(codes(r)).toEqual(["HOLD_VULNERABLE_NO_VISIT"]);
    expect(r.reasons[0]!.source).toContain("CONC 7.9.14R");
    expect(r.earliestAt).toBeNull();
    expect(check(P, a, { channel: "call", at }).allowed).toBe(true);
  });

  it("[vulnerable-no-visit-notice] no notice or appointment for a visit that may not take place (the ~31-day notice loop of #11); a collection letter is fine", () => {
    const a = gb([], { flags: { vulnerable: true } });
    expect(codes(check(P, a, { channel: "letter", at, purpose: "visit_notice" }))).toEqual([
      "HOLD_VULNERABLE_NO_VISIT",
    ]);
    expect(codes(check(P, a, { channel: "sms", at, purpose: "visit_appointment" }))).toEqual([
      "HOLD_VULNERABLE_NO_VISIT",
    ]);
    expect(check(P, a, { channel: "letter", at, purpose: "collection" }).allowed).toBe(true);
    const cleared = gb([
      { type: "vulnerability_reported", on: "2026-11-01" },
      { type: "vulnerability_cleared", on: "2026-11-20" },
    ]);
    expect(check(P, cleared, { channel: "letter", at, purpose: "visit_notice" }).allowed).toBe(true);
  });
});

describe("uk-conc: insolvency, death and other holds", () => {
  it("[bankrupt] a bankruptcy petition holds every channel until discharge or dismissal", () => {
    const filed = { type: "bankruptcy_filed", on: "2026-11-10" };
    for (const channel of CHANNELS)
      expect(codes(check(P, gb([filed]), { channel, at }))[0], channel).toBe("HOLD_BANKRUPT");
    const dismissed = gb([filed, { type: "bankruptcy_dismissed", on: "2026-12-01" }]);
    expect(check(P, dismissed, { channel: "call", at: "2026-12-02T10:00:00Z" }).allowed).toBe(true);
  });

  it("[bankruptcy-discharge, bankrupt] a discharge releases the debt: no collection contact, ever", () => {
    const a = gb([
      { type: "bankruptcy_filed", on: "2026-06-01" },
      { type: "bankruptcy_discharged", on: "2026-11-01" },
    ]);
    for (const channel of CHANNELS) {
      const r = check(P, a, { channel, at });
      expect(codes(r)[0], channel).toBe("HOLD_DISCHARGED");
      expect(r.earliestAt).toBeNull();
    }
    expect(r0(a)).toContain("s.281");
  });

  it("[deceased, legal-hold] a deceased customer (bereavement process) and an account under legal hold get no contact", () => {
    expect(codes(check(P, gb([{ type: "deceased_reported", on: "2026-11-10" }]), { channel: "letter", at }))).toEqual([
      "HOLD_DECEASED",
    ]);
    expect(codes(check(P, gb([], { flags: { legalHold: true } }), { channel: "sms", at }))).toEqual(["HOLD_LEGAL"]);
  });

  it("[disputed] a dispute pauses calls, messages and visits until verification is sent; letters continue", () => {
    const a = gb([{ type: "dispute_received", on: "2026-11-20" }]);
    for (const channel of ["call", "sms", "email", "app", "visit"] as const)
      expect(codes(check(P, a, { channel, at })), channel).toContain("HOLD_DISPUTED");
    expect(check(P, a, { channel: "letter", at }).allowed).toBe(true);
    const verified = gb([
      { type: "dispute_received", on: "2026-11-20" },
      { type: "verification_sent", on: "2026-11-21" },
    ]);
    expect(check(P, verified, { channel: "call", at }).allowed).toBe(true);
  });

  it("[cease-contact] a request to stop calls, messages and visits is honoured; the Consumer Credit Act's letters stay allowed", () => {
    const a = gb([{ type: "cease_requested", on: "2026-11-20" }]);
    for (const channel of ["call", "sms", "email", "app"] as const)
      expect(codes(check(P, a, { channel, at })), channel).toEqual(["HOLD_CEASE_CONTACT"]);
    expect(check(P, a, { channel: "letter", at, purpose: "arrears_notice" }).allowed).toBe(true);
    const withdrawn = gb([
      { type: "cease_requested", on: "2026-11-20" },
      { type: "cease_withdrawn", on: "2026-11-21" },
    ]);
    expect(check(P, withdrawn, { channel: "call", at }).allowed).toBe(true);
  });

  it("[complaint-open] policy: no calls or visits while a complaint is handled; texts and letters continue; resolution ends it", () => {
    const a = gb([{ type: "complaint_opened", on: "2026-11-20" }]);
    expect(codes(check(P, a, { channel: "call", at }))).toEqual(["HOLD_COMPLAINT"]);
    expect(codes(check(P, a, { channel: "visit", at }))).toContain("HOLD_COMPLAINT");
    expect(check(P, a, { channel: "sms", at }).allowed).toBe(true);
    const resolved = gb([
      { type: "complaint_opened", on: "2026-11-20" },
      { type: "complaint_resolved", on: "2026-11-22" },
    ]);
    expect(check(P, resolved, { channel: "call", at }).allowed).toBe(true);
  });
});

const r0 = (a: Json): string => check(P, a, { channel: "call", at }).reasons[0]!.source;

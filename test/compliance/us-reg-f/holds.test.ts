// Holds with their lifecycles under Reg F and the Bankruptcy Code: worked cases US-V-*, US-C-*,
// US-A-*, US-BK-* of the compliance research.
import { describe, expect, it } from "vitest";
import { account, check, codes, contact, type Json } from "../helpers.js";

const P = "us-reg-f";
const us = (events: Json[] = [], parts: { contacts?: Json[]; borrower?: Json } = {}) =>
  account("America/New_York", "US-NY", "USD", { events, ...parts });
const CHANNELS = ["call", "sms", "email", "letter", "visit", "app"] as const;

describe("us-reg-f: holds", () => {
  it("[disputed] US-V-3: a written dispute stops collection until verification is sent; the verification or validation letter is allowed", () => {
    const a = us([{ type: "dispute_received", on: "2026-12-28", written: true }]);
    const at = "2026-12-29T10:00:00-05:00";
    const r = check(P, a, { channel: "call", at });
    expect(codes(r)).toEqual(["HOLD_DISPUTED"]);
    expect(r.reasons[0]!.source).toContain("1006.38(d)(2)");
    expect(r.earliestAt).toBeNull();
    expect(check(P, a, { channel: "letter", at, purpose: "verification" }).allowed).toBe(true);
    expect(check(P, a, { channel: "letter", at, purpose: "validation_notice" }).allowed).toBe(true);
    expect(check(P, a, { channel: "letter", at, purpose: "collection" }).allowed).toBe(false);
    const verified = us([
      { type: "dispute_received", on: "2026-12-28", written: true },
      { type: "verification_sent", on: "2027-01-05" },
    ]);
    expect(check(P, verified, { channel: "call", at: "2027-01-05T10:00:00-05:00" }).allowed).toBe(false);
    expect(check(P, verified, { channel: "call", at: "2027-01-06T10:00:00-05:00" }).allowed).toBe(true);
  });

  it("[disputed] US-V-5 (policy): an oral dispute on a call holds too, and never lapses on its own", () => {
    const a = us([], { contacts: [contact("2026-09-10T11:00:00-04:00", "call", "dispute")] });
    expect(codes(check(P, a, { channel: "call", at: "2026-11-23T10:00:00-05:00" }))).toEqual(["HOLD_DISPUTED"]);
  });

  it("[cease-contact] US-C-1/C-2: after a request to stop, only a letter ending collection or naming a remedy", () => {
    const a = us([{ type: "cease_requested", on: "2026-11-20", written: true }]);
    const at = "2026-11-23T10:00:00-05:00";
    for (const channel of CHANNELS) {
      const r = check(P, a, { channel, at, purpose: "collection" });
      expect(codes(r), channel).toEqual(["HOLD_CEASE_CONTACT"]);
    }
    expect(check(P, a, { channel: "letter", at, purpose: "remedy_notice" }).allowed).toBe(true);
    expect(check(P, a, { channel: "email", at, purpose: "remedy_notice" }).allowed).toBe(false);
    const withdrawn = us([
      { type: "cease_requested", on: "2026-11-20" },
      { type: "cease_withdrawn", on: "2026-11-21" },
    ]);
    expect(check(P, withdrawn, { channel: "call", at }).allowed).toBe(true);
  });

  it("[attorney-represented] US-A-1/A-2: a consumer represented by an attorney is not contacted until the attorney consents or withdraws", () => {
    const at = "2026-11-23T10:00:00-05:00";
    const represented = us([{ type: "attorney_retained", on: "2026-11-01" }]);
    for (const channel of CHANNELS)
      expect(codes(check(P, represented, { channel, at })), channel).toEqual(["HOLD_ATTORNEY"]);
    expect(check(P, represented, { channel: "call", at }).earliestAt).toBeNull();
    const consented = us([
      { type: "attorney_retained", on: "2026-11-01" },
      { type: "attorney_consented", on: "2026-11-20" },
    ]);
    expect(check(P, consented, { channel: "call", at }).allowed).toBe(true);
    const withdrew = us([
      { type: "attorney_retained", on: "2026-11-01" },
      { type: "attorney_withdrawn", on: "2026-11-20" },
    ]);
    expect(check(P, withdrew, { channel: "call", at }).allowed).toBe(true);
  });

  it("[bankruptcy-stay] US-BK-1/BK-2: the automatic stay holds everything from the petition until dismissal", () => {
    const filed = { type: "bankruptcy_filed", on: "2026-11-20", chapter: "7" };
    const r = check(P, us([filed]), { channel: "letter", at: "2026-11-23T10:00:00-05:00" });
    expect(codes(r)).toEqual(["HOLD_BANKRUPT"]);
    expect(r.reasons[0]!.source).toContain("362(a)(6)");
    const dismissed = us([filed, { type: "bankruptcy_dismissed", on: "2027-01-15" }]);
    expect(check(P, dismissed, { channel: "call", at: "2027-01-15T10:00:00-05:00" }).allowed).toBe(false);
    expect(check(P, dismissed, { channel: "call", at: "2027-01-16T10:00:00-05:00" }).allowed).toBe(true);
  });

  it("[bankruptcy-discharge, bankruptcy-stay] US-BK-3: a discharge ends the stay and bars collection for good", () => {
    const a = us([
      { type: "bankruptcy_filed", on: "2026-11-20", chapter: "7" },
      { type: "bankruptcy_discharged", on: "2027-03-01" },
    ]);
    for (const channel of CHANNELS) {
      const r = check(P, a, { channel, at: "2027-06-01T10:00:00-04:00" });
      expect(codes(r), channel).toEqual(["HOLD_DISCHARGED"]);
      expect(r.earliestAt).toBeNull();
    }
  });

  it("[deceased, legal-hold] a deceased borrower and an account under legal hold get no collection contact", () => {
    const at = "2026-11-23T10:00:00-05:00";
    expect(codes(check(P, us([{ type: "deceased_reported", on: "2026-11-10" }]), { channel: "letter", at }))).toEqual([
      "HOLD_DECEASED",
    ]);
    expect(codes(check(P, us([], { borrower: { flags: { legalHold: true } } }), { channel: "call", at }))).toEqual([
      "HOLD_LEGAL",
    ]);
  });
});

// China: holds, records and letters, credit reporting, limitation: worked cases CN-11, CN-13,
// CN-14 of the compliance research and the profile's policy holds.
import { describe, expect, it } from "vitest";
import { optOutTextFor } from "../../../src/guardrails/index.js";
import { account, check, codes, contact, type Json, limitation, profile, required } from "../helpers.js";

const P = "cn-2026";
const at = "2026-11-23T10:00:00+08:00";
const cn = (events: Json[] = [], borrower?: Json) =>
  account("Asia/Shanghai", "CN", "CNY", { events, ...(borrower ? { borrower } : {}) });

describe("cn-2026: holds", () => {
  it("[disputed] CN-11: an objection holds calls, messages and visits until verification is sent; letters continue", () => {
    const a = cn([{ type: "dispute_received", on: "2026-11-20" }]);
    for (const channel of ["call", "sms", "email", "app", "visit"] as const)
      expect(codes(check(P, a, { channel, at })), channel).toContain("HOLD_DISPUTED");
    expect(check(P, a, { channel: "letter", at }).allowed).toBe(true);
    const verified = cn([
      { type: "dispute_received", on: "2026-11-20" },
      { type: "verification_sent", on: "2026-11-21" },
    ]);
    expect(check(P, verified, { channel: "call", at }).allowed).toBe(true);
  });

  it("[cease-contact] policy: a request to stop calls and visits; the bank keeps collecting in writing", () => {
    const a = cn([{ type: "cease_requested", on: "2026-11-20" }]);
    expect(codes(check(P, a, { channel: "call", at }))).toEqual(["HOLD_CEASE_CONTACT"]);
    expect(check(P, a, { channel: "letter", at }).allowed).toBe(true);
    expect(check(P, a, { channel: "email", at }).allowed).toBe(true);
  });

  it("[complaint-open] policy: no visits while a complaint is open; calls continue", () => {
    const a = cn([{ type: "complaint_opened", on: "2026-11-20" }]);
    expect(codes(check(P, a, { channel: "visit", at }))).toContain("HOLD_COMPLAINT");
    expect(check(P, a, { channel: "call", at }).allowed).toBe(true);
  });

  it("[deceased, bankrupt, legal-hold] policy: no collection contact at all", () => {
    expect(codes(check(P, cn([{ type: "deceased_reported", on: "2026-11-01" }]), { channel: "letter", at }))).toEqual([
      "HOLD_DECEASED",
    ]);
    expect(codes(check(P, cn([{ type: "bankruptcy_filed", on: "2026-11-01" }]), { channel: "letter", at }))).toEqual([
      "HOLD_BANKRUPT",
    ]);
    expect(codes(check(P, cn([], { flags: { legalHold: true } }), { channel: "sms", at }))).toEqual(["HOLD_LEGAL"]);
  });

  it("[optOut, optOutText] a channel the debtor opted out of is never used; SMS carry the unsubscribe text", () => {
    const r = check(P, cn([], { doNotContact: ["sms"] }), { channel: "sms", at });
    expect(codes(r)).toEqual(["OPTED_OUT"]);
    expect(r.earliestAt).toBeNull();
    expect(optOutTextFor(profile(P), "sms", "zh-CN")).toBe("回复TD退订");
    expect(optOutTextFor(profile(P), "letter", "zh-CN")).toBeNull();
  });
});

describe("cn-2026: records, letters and credit reporting", () => {
  it("[call-recording, collector-identification] every call is recorded (kept 2 years) and starts with the collector's name and staff number", () => {
    const r = check(P, cn(), { channel: "call", at });
    expect(required(r)).toEqual(expect.arrayContaining(["RECORDING", "COLLECTOR_ID"]));
    expect(r.requirements.find((x) => x.code === "RECORDING")!.source).toContain("art. 68");
    expect(required(check(P, cn(), { channel: "sms", at }))).not.toContain("RECORDING");
  });

  it("[letter-contents] a collection letter states what art. 69 requires and bears the seal; a hardship offer or an SMS does not need it", () => {
    const r = check(P, cn(), { channel: "letter", at, purpose: "collection" });
    expect(r.requirements.find((x) => x.code === "LETTER_CONTENTS")!.text).toContain("seal");
    expect(required(check(P, cn(), { channel: "letter", at, purpose: "final_notice" }))).toContain("LETTER_CONTENTS");
    expect(required(check(P, cn(), { channel: "letter", at, purpose: "hardship_offer" }))).not.toContain(
      "LETTER_CONTENTS",
    );
    expect(required(check(P, cn(), { channel: "sms", at, purpose: "collection" }))).not.toContain("LETTER_CONTENTS");
  });

  it("[credit-report-notice] CN-13: the notice before negative credit reporting says so in advance (征信业管理条例 art. 15)", () => {
    const r = check(P, cn(), { channel: "sms", at, purpose: "credit_report_notice" });
    expect(r.allowed).toBe(true);
    const n = r.requirements.find((x) => x.code === "CREDIT_REPORT_NOTICE")!;
    expect(n.source).toContain("art. 15");
    expect(required(check(P, cn(), { channel: "sms", at, purpose: "reminder" }))).not.toContain("CREDIT_REPORT_NOTICE");
  });
});

describe("cn-2026: limitation", () => {
  const debt = (contacts: Json[] = [], events: Json[] = []) =>
    account("Asia/Shanghai", "CN", "CNY", {
      contacts,
      events,
      extra: { delinquency: undefined, dues: [{ dueDate: "2022-06-30", amount: "800.00" }], openedOn: "2021-01-01" },
    });
  const letter = (on: string, outcome = "delivered") => contact(`${on}T10:00:00+08:00`, "letter", outcome);

  it("[civil-code] CN-14: 3 years (art. 188), restarted by each demand that reaches the debtor (art. 195); a returned letter is no demand", () => {
    const none = limitation([P], debt(), "2026-11-23")!;
    expect([none.endsOn, none.timeBarred, none.countedFrom]).toEqual(["2025-06-30", true, "default"]);
    const demanded = limitation([P], debt([letter("2024-06-01"), letter("2025-05-01")]), "2026-11-23")!;
    expect([demanded.endsOn, demanded.timeBarred, demanded.countedFrom]).toEqual(["2028-04-30", false, "demand"]);
    const returned = limitation([P], debt([letter("2024-06-01", "undeliverable")]), "2026-11-23")!;
    expect(returned.timeBarred).toBe(true);
  });

  it("[civil-code] a demand after the period has run does not restart it; the debtor's written acknowledgment while it runs does", () => {
    const late = limitation([P], debt([letter("2025-08-01")]), "2026-11-23")!;
    expect([late.timeBarred, late.countedFrom]).toEqual([true, "default"]);
    const ack = limitation([P], debt([], [{ type: "debt_acknowledged", on: "2025-03-01" }]), "2026-11-23")!;
    expect([ack.endsOn, ack.timeBarred, ack.countedFrom]).toEqual(["2028-02-29", false, "acknowledgment"]);
  });
});

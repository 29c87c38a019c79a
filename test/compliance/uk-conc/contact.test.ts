// UK hours, visits, caps, the quiet day after a conversation, bank holidays, opt-outs and third
// parties under CONC 7 (the numbers are the profile's documented policy choices): worked cases
// UK-HRS-*, UK-VIS-* of the compliance research.
import { describe, expect, it } from "vitest";
import { optOutTextFor } from "../../../src/guardrails/index.js";
import { account, check, codes, contact, type Json, profile } from "../helpers.js";

const P = "uk-conc";
const LONDON = "Europe/London";
const gb = (contacts: Json[] = [], borrower?: Json, jurisdiction = "GB-ENG") =>
  account(LONDON, jurisdiction, "GBP", { contacts, ...(borrower ? { borrower } : {}) });
const call = (at: string, outcome: string, extra: Json = {}) => contact(at, "call", outcome, extra);
// Monday 2026-11-23 (GMT: local time is UTC).
const mon = (h: number, m = 0) => `2026-11-23T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00Z`;
const noticeOn = (day: string) => contact(`${day}T10:00:00Z`, "letter", "delivered", { purpose: "visit_notice" });

describe("uk-conc: hours", () => {
  it("[reasonable-hours] UK-HRS-1: a call at 21:15 waits for 08:00 the next day; texts, e-mails and app messages too; a letter is not time-bound", () => {
    const r = check(P, gb(), { channel: "call", at: mon(21, 15) });
    expect(codes(r)).toEqual(["OUTSIDE_WINDOW"]);
    expect(r.reasons[0]!.source).toContain("CONC 7.9.4R");
    expect(r.earliestAt).toBe("2026-11-24T08:00:00.000Z");
    for (const channel of ["sms", "email", "app"] as const)
      expect(codes(check(P, gb(), { channel, at: mon(7, 59) })), channel).toEqual(["OUTSIDE_WINDOW"]);
    expect(check(P, gb(), { channel: "letter", at: mon(23, 30) }).allowed).toBe(true);
    expect(check(P, gb(), { channel: "call", at: mon(20, 59) }).allowed).toBe(true);
  });

  it("[reasonable-hours] summer time: 08:00 BST is 07:00Z; the clocks going back (2026-10-25) keep 08:00 local", () => {
    expect(check(P, gb(), { channel: "call", at: "2026-07-01T06:30:00Z" }).earliestAt).toBe("2026-07-01T07:00:00.000Z");
    expect(check(P, gb(), { channel: "call", at: "2026-10-25T07:30:00Z" }).earliestAt).toBe("2026-10-25T08:00:00.000Z");
  });

  it("[visit-hours] visits Monday to Saturday 09:00–20:00: Saturday 20:30 waits for Monday 09:00", () => {
    const a = gb([noticeOn("2026-11-13")]);
    const r = check(P, a, { channel: "visit", at: "2026-11-28T20:30:00Z" });
    expect(codes(r)).toEqual(["OUTSIDE_WINDOW"]);
    expect(r.earliestAt).toBe("2026-11-30T09:00:00.000Z");
    expect(check(P, a, { channel: "visit", at: "2026-11-28T19:30:00Z" }).allowed).toBe(true);
    expect(check(P, a, { channel: "visit", at: mon(8, 30) }).earliestAt).toBe("2026-11-23T09:00:00.000Z");
  });
});

describe("uk-conc: caps and the day of a conversation", () => {
  it("[calls-daily] three call attempts in a day block a fourth until 08:00 tomorrow; a text is still allowed", () => {
    const three = [9, 11, 13].map((h) => call(mon(h), "no_answer"));
    const r = check(P, gb(three), { channel: "call", at: mon(15) });
    expect(codes(r)).toEqual(["CAP_DAILY"]);
    expect(r.earliestAt).toBe("2026-11-24T08:00:00.000Z");
    expect(check(P, gb(three.slice(1)), { channel: "call", at: mon(15) }).allowed).toBe(true);
    expect(check(P, gb(three), { channel: "sms", at: mon(15) }).allowed).toBe(true);
    const inbound = three.map((c, i) => (i === 0 ? { ...c, direction: "inbound" } : c));
    expect(check(P, gb(inbound), { channel: "call", at: mon(15) }).allowed).toBe(true);
  });

  it("[calls-daily-vulnerable] a customer flagged vulnerable gets one call attempt a day", () => {
    const once = [call(mon(9), "no_answer")];
    const r = check(P, gb(once, { flags: { vulnerable: true } }), { channel: "call", at: mon(15) });
    expect(codes(r)).toEqual(["CAP_DAILY_VULNERABLE"]);
    expect(r.reasons[0]!.source).toContain("FG21/1");
    expect(r.earliestAt).toBe("2026-11-24T08:00:00.000Z");
    expect(check(P, gb(once), { channel: "call", at: mon(15) }).allowed).toBe(true);
  });

  it("[calls-weekly-vulnerable, calls-daily-vulnerable] and three in 7 local days: calls on Tue, Thu and Sat bar the next Mon and Tue; Wed 08:00 is lawful", () => {
    const three = ["2026-11-17", "2026-11-19", "2026-11-21"].map((d) => call(`${d}T10:00:00Z`, "no_answer"));
    const reported = account(LONDON, "GB-ENG", "GBP", {
      contacts: three,
      events: [{ type: "vulnerability_reported", on: "2026-11-01" }],
    });
    const r = check(P, reported, { channel: "call", at: mon(10) });
    expect(codes(r)).toEqual(["CAP_7D_VULNERABLE"]);
    expect(r.earliestAt).toBe("2026-11-24T08:00:00.000Z"); // Tue: the 11-17 call has left the 7 days
    const cleared = account(LONDON, "GB-ENG", "GBP", {
      contacts: three,
      events: [
        { type: "vulnerability_reported", on: "2026-11-01" },
        { type: "vulnerability_cleared", on: "2026-11-22" },
      ],
    });
    expect(check(P, cleared, { channel: "call", at: mon(10) }).allowed).toBe(true);
  });

  it("[after-conversation] no further call on the day of a conversation; the next day from 08:00; a text the same day is allowed", () => {
    const a = gb([call(mon(10), "promise_to_pay", { promise: { amount: "50.00", dueDate: "2026-11-30" } })]);
    const r = check(P, a, { channel: "call", at: mon(16) });
    expect(codes(r)).toEqual(["QUIET_PERIOD"]);
    expect(r.earliestAt).toBe("2026-11-24T08:00:00.000Z");
    expect(check(P, a, { channel: "sms", at: mon(16) }).allowed).toBe(true);
    expect(check(P, gb([call(mon(10), "no_answer")]), { channel: "call", at: mon(16) }).allowed).toBe(true);
  });
});

describe("uk-conc: bank holidays", () => {
  it("[bank-holidays-eng-wls] the Boxing Day substitute (Mon 2026-12-28) holds calls and visits in England; a text that day is allowed", () => {
    const r = check(P, gb(), { channel: "call", at: "2026-12-28T10:00:00Z" });
    expect(codes(r)).toEqual(["REST_DAY"]);
    expect(r.reasons[0]!.source).toContain("Policy choice");
    expect(r.earliestAt).toBe("2026-12-29T08:00:00.000Z");
    expect(check(P, gb(), { channel: "sms", at: "2026-12-28T10:00:00Z" }).allowed).toBe(true);
    expect(check(P, gb(), { channel: "call", at: "2026-04-06T10:00:00+01:00" }).allowed).toBe(false); // Easter Monday
  });

  it("[bank-holidays-sct] St Andrew's Day (Mon 2026-11-30) is a rest day in Scotland only; Easter Monday is not a Scottish bank holiday", () => {
    const r = check(P, gb([], undefined, "GB-SCT"), { channel: "call", at: "2026-11-30T10:00:00Z" });
    expect(codes(r)).toEqual(["REST_DAY"]);
    expect(r.earliestAt).toBe("2026-12-01T08:00:00.000Z");
    expect(check(P, gb(), { channel: "call", at: "2026-11-30T10:00:00Z" }).allowed).toBe(true);
    expect(check(P, gb([], undefined, "GB-SCT"), { channel: "call", at: "2026-04-06T10:00:00+01:00" }).allowed).toBe(
      true,
    );
  });
});

describe("uk-conc: opt-outs and third parties", () => {
  it("[optOut] a customer who asked for no texts gets none; a call is still allowed", () => {
    const a = gb([], { doNotContact: ["sms"] });
    const r = check(P, a, { channel: "sms", at: mon(10) });
    expect(codes(r)).toEqual(["OPTED_OUT"]);
    expect(r.earliestAt).toBeNull();
    expect(check(P, a, { channel: "call", at: mon(10) }).allowed).toBe(true);
  });

  it("[optOutText] texts and e-mails carry the en-GB opt-out sentence; calls and letters do not", () => {
    expect(optOutTextFor(profile(P), "sms", "en-GB")).toBe("Reply STOP to stop these messages.");
    expect(optOutTextFor(profile(P), "email", "en-GB")).toContain("STOP");
    expect(optOutTextFor(profile(P), "call", "en-GB")).toBeNull();
    expect(optOutTextFor(profile(P), "letter", "en-GB")).toBeNull();
  });

  it("[thirdParty] a third party only to trace a customer who is unreachable (10 failed attempts, no conversation in 30 days), never to collect", () => {
    const failed = Array.from({ length: 10 }, (_, i) =>
      call(`2026-10-${String(10 + i).padStart(2, "0")}T10:00:00+01:00`, "no_answer"),
    );
    const opts = { channel: "call" as const, at: mon(10), party: "third_party" as const, purpose: "location" as const };
    expect(check(P, gb(failed), opts).allowed).toBe(true);
    expect(check(P, gb(failed.slice(1)), opts).allowed).toBe(false);
    const reached = gb([...failed, call("2026-11-20T10:00:00Z", "right_party")]);
    const r = check(P, reached, opts);
    expect(codes(r)).toEqual(["THIRD_PARTY_NOT_ALLOWED"]);
    expect(check(P, gb(failed), { ...opts, purpose: "collection" }).earliestAt).toBeNull();
  });
});

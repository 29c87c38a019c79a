// Reg F call frequency (12 CFR 1006.14(b)): worked cases US-CF-* of the compliance research,
// built on the commentary's examples as the CFPB Debt Collection Rule FAQs report them.
import { describe, expect, it } from "vitest";
import { account, check, codes, contact, type Json } from "../helpers.js";

const NY = "America/New_York";
const us = (contacts: Json[] = []) => account(NY, "US-NY", "USD", { contacts });
const call = (at: string, outcome: string, extra: Json = {}) => contact(at, "call", outcome, extra);
const daily = (outcomes: string[]) => outcomes.map((o, i) => call(`2026-11-${17 + i}T10:00:00-05:00`, o));
const P = "us-reg-f";

describe("us-reg-f: call frequency", () => {
  it("[call-frequency-7-in-7] US-CF-1: seven unanswered calls on seven days block an eighth until the first leaves the 7 days (Tue 08:00)", () => {
    const r = check(P, us(daily(Array(7).fill("no_answer"))), { channel: "call", at: "2026-11-23T15:00:00-05:00" });
    expect(codes(r)).toEqual(["CAP_7D"]);
    expect(r.reasons[0]!.source).toContain("1006.14(b)(2)(i)(A)");
    expect(r.earliestAt).toBe("2026-11-24T13:00:00.000Z");
  });

  it("[call-frequency-7-in-7, calls-daily] US-CF-2: seven calls in one day: the day's fourth was already over the daily policy cap; six days later the 7-day count still blocks", () => {
    const burst = [9, 10, 11, 12, 13, 14, 15].map((h) =>
      call(`2026-11-17T${String(h).padStart(2, "0")}:00:00-05:00`, "no_answer"),
    );
    const sameDay = check(P, us(burst), { channel: "call", at: "2026-11-17T16:00:00-05:00" });
    expect(codes(sameDay)).toEqual(["CAP_7D", "CAP_DAILY"]);
    expect(check(P, us(burst.slice(0, 3)), { channel: "call", at: "2026-11-17T16:00:00-05:00" }).earliestAt).toBe(
      "2026-11-18T13:00:00.000Z",
    );
    const later = check(P, us(burst), { channel: "call", at: "2026-11-23T10:00:00-05:00" });
    expect(codes(later)).toEqual(["CAP_7D"]);
    expect(later.earliestAt).toBe("2026-11-24T13:00:00.000Z");
  });

  it("[call-frequency-7-in-7] US-CF-3: busy signals and a number not in service (not connected) do not count", () => {
    const calls = daily(["no_answer", "busy", "no_answer", "undeliverable", "voicemail", "no_answer", "no_answer"]);
    expect(check(P, us(calls), { channel: "call", at: "2026-11-23T15:00:00-05:00" }).allowed).toBe(true);
  });

  it("[call-frequency-7-in-7] US-CF-4: calls that reach voicemail count, message left or not", () => {
    const r = check(P, us(daily(Array(7).fill("voicemail"))), { channel: "call", at: "2026-11-23T15:00:00-05:00" });
    expect(codes(r)).toEqual(["CAP_7D"]);
  });

  it("[call-frequency-7-in-7] a wrong number counts (the cautious reading); inbound calls are not calls placed", () => {
    const wrong = daily(["wrong_number", ...Array(6).fill("no_answer")]);
    expect(codes(check(P, us(wrong), { channel: "call", at: "2026-11-23T15:00:00-05:00" }))).toEqual(["CAP_7D"]);
    const inbound = daily(Array(7).fill("no_answer")).map((c, i) =>
      i === 0 ? { ...c, direction: "inbound", outcome: "no_answer" } : c,
    );
    expect(check(P, us(inbound), { channel: "call", at: "2026-11-23T15:00:00-05:00" }).allowed).toBe(true);
  });

  it("[after-conversation] US-CF-6: a conversation on Fri 11-20 (day 1) blocks calls through Thu 11-26; Fri 11-27 08:00 is lawful", () => {
    const a = us([call("2026-11-20T14:00:00-05:00", "right_party")]);
    const r = check(P, a, { channel: "call", at: "2026-11-25T10:00:00-05:00" });
    expect(codes(r)).toEqual(["QUIET_PERIOD"]);
    expect(r.reasons[0]!.source).toContain("1006.14(b)(2)(i)(B)");
    expect(r.earliestAt).toBe("2026-11-27T13:00:00.000Z");
    expect(check(P, a, { channel: "call", at: "2026-11-27T08:00:00-05:00" }).allowed).toBe(true);
  });

  it("[after-conversation] US-CF-7: a conversation the consumer starts (inbound) starts the period too", () => {
    const a = us([
      call("2026-11-23T11:00:00-05:00", "promise_to_pay", {
        direction: "inbound",
        promise: { amount: "50.00", dueDate: "2026-12-01" },
      }),
    ]);
    const r = check(P, a, { channel: "call", at: "2026-11-25T10:00:00-05:00" });
    expect(codes(r)).toEqual(["QUIET_PERIOD"]);
    expect(r.earliestAt).toBe("2026-11-30T13:00:00.000Z");
  });

  it("[after-conversation] the period is about calls: a letter or an e-mail the next day is allowed", () => {
    const a = us([call("2026-11-23T11:00:00-05:00", "right_party")]);
    expect(check(P, a, { channel: "letter", at: "2026-11-24T10:00:00-05:00" }).allowed).toBe(true);
    expect(check(P, a, { channel: "email", at: "2026-11-24T10:00:00-05:00" }).allowed).toBe(true);
  });
});

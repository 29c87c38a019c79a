import { describe, expect, it } from "vitest";
import { ArrearsError, summarizeContacts } from "../../src/index.js";
import { account, call } from "./fixtures.js";

describe("summarizeContacts: local calendar days", () => {
  it("counts a 23:30Z call as today in Shanghai but yesterday in UTC", () => {
    const contacts = [call("2026-11-22T23:30:00Z")];
    const asOf = "2026-11-23T10:00:00+08:00";
    const sh = summarizeContacts(account({ contacts }), { asOf });
    expect(sh.localDate).toBe("2026-11-23");
    expect(sh.attempts.call.today).toBe(1);
    expect(sh.daysSinceLastAttempt).toBe(0);

    const utc = summarizeContacts(account({ contacts, timeZone: "UTC" }), { asOf });
    expect(utc.localDate).toBe("2026-11-23");
    expect(utc.attempts.call.today).toBe(0);
    expect(utc.attempts.call.last7Days).toBe(1);
    expect(utc.daysSinceLastAttempt).toBe(1);
  });

  it("follows the New York fall-back change (EDT → EST on 2026-11-01)", () => {
    const ny = { timeZone: "America/New_York", currency: "USD" } as const;
    // 04:30Z on Nov 1 is 00:30 EDT on Nov 1 (a fixed EST offset would say 23:30 on Oct 31).
    const contacts = [call("2026-11-01T04:30:00Z", "right_party"), call("2026-11-01T03:59:00Z")];
    const s = summarizeContacts(account({ ...ny, contacts }), { asOf: "2026-11-01T23:30:00-05:00" });
    expect(s.localDate).toBe("2026-11-01");
    expect(s.attempts.call.today).toBe(1);
    expect(s.attempts.call.last7Days).toBe(2);
    expect(s.rightPartyContacts.today).toBe(1);
    expect(s.bestContactHour).toBe(0);
  });

  it("follows the New York spring-forward change (EST → EDT on 2026-03-08)", () => {
    const ny = {
      timeZone: "America/New_York",
      currency: "USD",
      openedOn: "2025-01-01",
      dues: [{ dueDate: "2026-02-15", amount: "100.00" }],
    };
    // 04:30Z on Mar 8 is 23:30 EST on Mar 7 (a fixed EDT offset would say 00:30 on Mar 8).
    // 13:30Z on Mar 8 is 09:30 EDT.
    const contacts = [
      call("2026-03-08T04:30:00Z", "right_party"),
      call("2026-03-08T13:30:00Z", "right_party"),
      call("2026-03-07T14:30:00Z", "right_party"),
    ];
    const s = summarizeContacts(account({ ...ny, contacts }), { asOf: "2026-03-08T12:00:00-04:00" });
    expect(s.attempts.call.today).toBe(1);
    expect(s.rightPartyContacts.today).toBe(1);
    expect(s.rightPartyContacts.last7Days).toBe(3);
    expect(s.daysSinceRightPartyContact).toBe(0);
    // 23:30 EST, 09:30 EDT, 09:30 EST: hour 9 twice.
    expect(s.bestContactHour).toBe(9);
  });

  it("puts every window boundary on the right side (Shanghai, asOf 2026-11-23 10:00 local)", () => {
    const asOf = "2026-11-23T10:00:00+08:00";
    const at = (local: string) => call(`${local}+08:00`);
    const cases: [string, [number, number, number, number]][] = [
      ["2026-11-23T10:00:00", [1, 1, 1, 1]], // exactly asOf counts
      ["2026-11-23T00:00:00", [1, 1, 1, 1]],
      ["2026-11-22T23:59:59", [0, 1, 1, 1]],
      ["2026-11-17T00:00:00", [0, 1, 1, 1]], // 6 days back: inside 7
      ["2026-11-16T23:59:59", [0, 0, 1, 1]], // 7 days back: outside 7
      ["2026-10-25T00:00:00", [0, 0, 1, 1]], // 29 days back
      ["2026-10-24T23:59:59", [0, 0, 0, 1]], // 30 days back
      ["2026-08-26T00:00:00", [0, 0, 0, 1]], // 89 days back
      ["2026-08-25T23:59:59", [0, 0, 0, 0]], // 90 days back
      ["2026-11-23T10:00:01", [0, 0, 0, 0]], // after asOf: ignored
    ];
    for (const [local, expected] of cases) {
      const s = summarizeContacts(account({ contacts: [at(local)] }), { asOf });
      const c = s.attempts.call;
      expect([c.today, c.last7Days, c.last30Days, c.last90Days], local).toEqual(expected);
    }
  });

  it("treats a plain-date asOf as the end of that local day", () => {
    const s = summarizeContacts(
      account({ contacts: [call("2026-11-23T23:59:00+08:00"), call("2026-11-24T00:00:00+08:00")] }),
      { asOf: "2026-11-23" },
    );
    expect(s.asOf).toBe("2026-11-23T15:59:59.999Z");
    expect(s.attempts.call.today).toBe(1);
  });
});

describe("summarizeContacts: classification", () => {
  const asOf = "2026-11-23T20:00:00+08:00";

  it("counts right-party contacts in both directions, and inbound contacts except third parties", () => {
    const contacts = [
      call("2026-11-23T09:00:00+08:00", "right_party"),
      call("2026-11-23T09:10:00+08:00", "refused"),
      call("2026-11-23T09:20:00+08:00", "dispute"),
      call("2026-11-23T09:30:00+08:00", "hardship_reported"),
      call("2026-11-23T09:40:00+08:00", "complaint"),
      call("2026-11-23T09:50:00+08:00", "promise_to_pay", { promise: { amount: "10.00", dueDate: "2026-11-30" } }),
      { at: "2026-11-23T10:00:00+08:00", channel: "sms", direction: "inbound", outcome: "delivered" },
      { at: "2026-11-23T10:10:00+08:00", channel: "call", direction: "inbound", outcome: "third_party" },
      call("2026-11-23T10:20:00+08:00", "third_party"),
      call("2026-11-23T10:30:00+08:00", "voicemail"),
    ] as const;
    const s = summarizeContacts(account({ contacts: [...contacts] }), { asOf });
    expect(s.rightPartyContacts.today).toBe(7);
    expect(s.inbound.today).toBe(2);
    expect(s.attempts.call.today).toBe(8);
    expect(s.attempts.sms.today).toBe(0);
    expect(s.allAttempts.today).toBe(8);
    expect(s.thirdPartyContacts.today).toBe(2);
    expect(s.refusals.last90Days).toBe(1);
    expect(s.disputes.last90Days).toBe(1);
    expect(s.complaints.last90Days).toBe(1);
    // third_party (outbound) and voicemail since the inbound SMS.
    expect(s.consecutiveFailedAttempts).toBe(2);
    expect(s.daysSinceRightPartyContact).toBe(0);
  });

  it("counts failed attempts since the last RPC; `delivered` neither counts nor resets; letters do not count", () => {
    const contacts = [
      call("2026-11-01T10:00:00+08:00", "no_answer"),
      call("2026-11-02T10:00:00+08:00", "right_party"),
      call("2026-11-03T10:00:00+08:00", "busy"),
      { at: "2026-11-04T10:00:00+08:00", channel: "sms", direction: "outbound", outcome: "delivered" },
      { at: "2026-11-05T10:00:00+08:00", channel: "email", direction: "outbound", outcome: "undeliverable" },
      { at: "2026-11-06T10:00:00+08:00", channel: "letter", direction: "outbound", outcome: "undeliverable" },
      { at: "2026-11-07T10:00:00+08:00", channel: "visit", direction: "outbound", outcome: "no_answer" },
    ] as const;
    const s = summarizeContacts(account({ contacts: [...contacts] }), { asOf });
    expect(s.consecutiveFailedAttempts).toBe(3);
    expect(s.daysSinceRightPartyContact).toBe(21);
    expect(s.daysSinceLastAttempt).toBe(16);
    expect(s.daysSinceLastLetter).toBe(17);
    expect(s.daysSinceLastVisit).toBe(16);
    expect(s.unreachable).toBe(false);
  });

  it("is unreachable after 10 failed attempts without RPC in 30 days, not with 9, not with a recent RPC", () => {
    const fails = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        call(`2026-11-${String(10 + i).padStart(2, "0")}T10:00:00+08:00`, "no_answer"),
      );
    expect(summarizeContacts(account({ contacts: fails(10) }), { asOf }).unreachable).toBe(true);
    expect(summarizeContacts(account({ contacts: fails(9) }), { asOf }).unreachable).toBe(false);
    // An RPC 29 days ago before the attempts: still within 30 days → reachable.
    const withRpc = [call("2026-10-25T10:00:00+08:00", "right_party"), ...fails(10)];
    expect(summarizeContacts(account({ contacts: withRpc }), { asOf }).unreachable).toBe(false);
    // ...but 30 days ago it is outside the window (and 10 failures followed it).
    const oldRpc = [call("2026-10-24T10:00:00+08:00", "right_party"), ...fails(10)];
    expect(summarizeContacts(account({ contacts: oldRpc }), { asOf }).unreachable).toBe(true);
    expect(
      summarizeContacts(account({ contacts: fails(9) }), { asOf, unreachable: { failedAttempts: 9 } }).unreachable,
    ).toBe(true);
  });

  it("is unreachable when every phone attempt in 30 days hit a wrong or dead number (at least 3)", () => {
    const bad = [
      call("2026-11-20T10:00:00+08:00", "wrong_number"),
      call("2026-11-21T10:00:00+08:00", "wrong_number"),
      { at: "2026-11-22T10:00:00+08:00", channel: "sms", direction: "outbound", outcome: "undeliverable" },
    ] as const;
    expect(summarizeContacts(account({ contacts: [...bad] }), { asOf }).unreachable).toBe(true);
    expect(summarizeContacts(account({ contacts: bad.slice(0, 2) }), { asOf }).unreachable).toBe(false);
    expect(
      summarizeContacts(account({ contacts: [...bad, call("2026-11-22T11:00:00+08:00", "no_answer")] }), { asOf })
        .unreachable,
    ).toBe(false);
  });

  it("finds the visit notice and the best channel by right-party share", () => {
    const contacts = [
      {
        at: "2026-11-10T10:00:00+08:00",
        channel: "letter",
        direction: "outbound",
        outcome: "delivered",
        purpose: "visit_notice",
      },
      {
        at: "2026-11-12T10:00:00+08:00",
        channel: "letter",
        direction: "outbound",
        outcome: "undeliverable",
        purpose: "visit_notice",
      },
      call("2026-11-15T10:00:00+08:00", "no_answer"),
      call("2026-11-15T11:00:00+08:00", "right_party"), // call: 1 of 2
      { at: "2026-11-16T14:00:00+08:00", channel: "sms", direction: "outbound", outcome: "delivered" },
      { at: "2026-11-16T15:00:00+08:00", channel: "sms", direction: "inbound", outcome: "delivered" },
      { at: "2026-11-17T15:00:00+08:00", channel: "sms", direction: "outbound", outcome: "delivered" }, // sms: 1 of 3
    ] as const;
    const s = summarizeContacts(account({ contacts: [...contacts] }), { asOf });
    expect(s.daysSinceVisitNotice).toBe(13);
    expect(s.daysSinceLastLetter).toBe(11);
    expect(s.bestChannel).toBe("call");
    // Hours 11 and 15 have one RPC each: the earliest wins.
    expect(s.bestContactHour).toBe(11);
  });

  it("breaks best-channel ties in the order call, sms, email, app, letter, visit", () => {
    const contacts = [
      { at: "2026-11-16T15:00:00+08:00", channel: "email", direction: "inbound", outcome: "delivered" },
      { at: "2026-11-16T16:00:00+08:00", channel: "sms", direction: "inbound", outcome: "delivered" },
    ] as const;
    expect(summarizeContacts(account({ contacts: [...contacts] }), { asOf }).bestChannel).toBe("sms");
  });

  it("gives nulls and zeros without history", () => {
    const s = summarizeContacts(account(), { asOf });
    expect(s.daysSinceRightPartyContact).toBeNull();
    expect(s.daysSinceLastAttempt).toBeNull();
    expect(s.daysSinceVisitNotice).toBeNull();
    expect(s.bestChannel).toBeNull();
    expect(s.bestContactHour).toBeNull();
    expect(s.consecutiveFailedAttempts).toBe(0);
    expect(s.unreachable).toBe(false);
    expect(s.allAttempts).toEqual({ today: 0, last7Days: 0, last30Days: 0, last90Days: 0 });
  });

  it("does not depend on the order of the contacts array", () => {
    const contacts = [
      call("2026-11-03T10:00:00+08:00", "busy"),
      call("2026-11-02T10:00:00+08:00", "right_party"),
      call("2026-11-04T10:00:00+08:00", "busy"),
    ];
    const a = summarizeContacts(account({ contacts }), { asOf });
    const b = summarizeContacts(account({ contacts: [...contacts].reverse() }), { asOf });
    expect(a).toEqual(b);
    expect(a.consecutiveFailedAttempts).toBe(2);
  });
});

describe("summarizeContacts: errors", () => {
  it("rejects a bad asOf with INVALID_OPTIONS naming asOf", () => {
    for (const asOf of ["2026-11-23T10:00:00", "yesterday", "2026-02-30"]) {
      try {
        summarizeContacts(account(), { asOf });
        expect.fail("should throw");
      } catch (e) {
        expect(e).toBeInstanceOf(ArrearsError);
        expect((e as ArrearsError).code).toBe("INVALID_OPTIONS");
        expect((e as ArrearsError).issues[0]!.path).toEqual(["asOf"]);
      }
    }
  });

  it("rejects a malformed account with INVALID_ACCOUNT and the field path", () => {
    try {
      summarizeContacts(account({ contacts: [call("yesterday")] }), { asOf: "2026-11-23" });
      expect.fail("should throw");
    } catch (e) {
      expect((e as ArrearsError).code).toBe("INVALID_ACCOUNT");
      expect((e as ArrearsError).issues[0]!.path).toEqual(["contacts", 0, "at"]);
    }
  });
});

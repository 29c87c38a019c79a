import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getGuardrailProfile, guardrailProfiles, prepareContactCheck } from "../../src/guardrails/index.js";
import {
  ArrearsError,
  type ContactCheckResult,
  checkContact,
  loadGuardrailProfile,
  parseAccount,
} from "../../src/index.js";
import { formatInstant as isoUtc, parseInstant } from "../../src/time/index.js";

type Json = Record<string, unknown>;
const regF = getGuardrailProfile("us-reg-f");
const cn = getGuardrailProfile("cn-2026");
const uk = getGuardrailProfile("uk-conc");

function account(timeZone: string, contacts: Json[] = [], borrower: Json = {}): Json {
  return {
    id: "A1",
    product: "revolving",
    currency: "USD",
    openedOn: "2025-01-01",
    timeZone,
    delinquency: { dpd: 40, overdue: "120.00" },
    borrower,
    contacts,
  };
}
const call = (at: string, outcome: string, extra: Json = {}): Json => ({ at, channel: "call", outcome, ...extra });
const codes = (r: ContactCheckResult): string[] => r.reasons.map((x) => x.code);

describe("Reg F call frequency (12 CFR 1006.14(b)(2))", () => {
  const NY = "America/New_York";
  // 7 calls on 7 consecutive days Tue 2026-11-17 … Mon 2026-11-23, 10:00 EST.
  const seven = [17, 18, 19, 20, 21, 22, 23].map((d) =>
    call(`2026-11-${d}T10:00:00-05:00`, d % 2 ? "voicemail" : "no_answer"),
  );

  it("blocks the 8th call within 7 days until the oldest leaves the window, at 08:00 local", () => {
    const r = checkContact(regF, account(NY, seven), { channel: "call", at: "2026-11-23T16:00:00-05:00" });
    expect(r.allowed).toBe(false);
    expect(codes(r)).toEqual(["CAP_7D"]);
    expect(r.reasons[0]!.source).toContain("1006.14(b)(2)");
    expect(r.reasons[0]!.message).toContain("7 counted contacts in the last 7 local days (max 7)");
    // Window for Tue 11-24 is 11-18…11-24: the 11-17 call has left it; 08:00 EST = 13:00Z.
    expect(r.earliestAt).toBe("2026-11-24T13:00:00.000Z");
  });

  it("counts the 7-day window in local days: a late-evening call is day 1 for the whole day", () => {
    const late = [17, 18, 19, 20, 21, 22, 23].map((d) => call(`2026-11-${d}T20:30:00-05:00`, "no_answer"));
    const r = checkContact(regF, account(NY, late), { channel: "call", at: "2026-11-23T20:45:00-05:00" });
    expect(r.earliestAt).toBe("2026-11-24T13:00:00.000Z");
  });

  it("does not count calls that did not connect (busy, out of service), counts voicemail and no answer", () => {
    const withBusy = seven.map((c, i) =>
      i === 0 ? { ...c, outcome: "busy" } : i === 1 ? { ...c, outcome: "undeliverable" } : c,
    );
    expect(
      checkContact(regF, account(NY, withBusy), { channel: "call", at: "2026-11-23T16:00:00-05:00" }).allowed,
    ).toBe(true);
    const inbound = seven.map((c, i) => (i === 0 ? { ...c, direction: "inbound", outcome: "right_party" } : c));
    // an inbound call is not a call placed by the collector, but it is a conversation: quiet period applies instead
    const r = checkContact(regF, account(NY, inbound), { channel: "call", at: "2026-11-23T16:00:00-05:00" });
    expect(codes(r)).toEqual(["QUIET_PERIOD"]);
  });

  it("blocks any call within 7 days after a conversation; the conversation day is day 1", () => {
    const a = account(NY, [call("2026-11-20T14:00:00-05:00", "right_party")]);
    const blocked = checkContact(regF, a, { channel: "call", at: "2026-11-25T20:00:00-05:00" });
    expect(codes(blocked)).toEqual(["QUIET_PERIOD"]);
    expect(blocked.earliestAt).toBe("2026-11-27T13:00:00.000Z"); // Fri 11-27 is day 8, 08:00 EST
    expect(checkContact(regF, a, { channel: "call", at: "2026-11-27T08:00:00-05:00" }).allowed).toBe(true);
    // day 7 is Thanksgiving, a rest day as well (policy): both bounds end together
    const thanksgiving = checkContact(regF, a, { channel: "call", at: "2026-11-26T20:00:00-05:00" });
    expect(codes(thanksgiving)).toEqual(["REST_DAY", "QUIET_PERIOD"]);
    expect(thanksgiving.earliestAt).toBe("2026-11-27T13:00:00.000Z");
    // the quiet period is about calls: an e-mail is fine
    expect(checkContact(regF, a, { channel: "email", at: "2026-11-21T10:00:00-05:00" }).allowed).toBe(true);
  });

  it("reports every rule that blocks, with the latest bound winning", () => {
    const a = account(NY, [...seven, call("2026-11-23T11:00:00-05:00", "refused")]);
    const r = checkContact(regF, a, { channel: "call", at: "2026-11-23T22:00:00-05:00" });
    expect(codes(r)).toEqual(["QUIET_PERIOD", "CAP_7D", "OUTSIDE_WINDOW"]);
    expect(r.earliestAt).toBe("2026-11-30T13:00:00.000Z"); // conversation Mon 11-23 → free from Mon 11-30
  });

  it("ignores contacts recorded after `at`", () => {
    const a = account(NY, [call("2026-11-23T15:00:00-05:00", "right_party")]);
    expect(checkContact(regF, a, { channel: "call", at: "2026-11-23T14:59:59-05:00" }).allowed).toBe(true);
    expect(checkContact(regF, a, { channel: "call", at: "2026-11-23T15:00:00-05:00" }).allowed).toBe(false);
  });
});

describe("contact windows in the borrower's time zone", () => {
  it("Reg F: 21:30 local is blocked until 08:00 local next morning", () => {
    const r = checkContact(regF, account("America/Chicago"), { channel: "call", at: "2026-11-23T21:30:00-06:00" });
    expect(codes(r)).toEqual(["OUTSIDE_WINDOW"]);
    expect(r.reasons[0]!.message).toContain("21:30 local time (America/Chicago)");
    expect(r.earliestAt).toBe("2026-11-24T14:00:00.000Z");
    // the same instant is 19:30 in Los Angeles: fine
    expect(
      checkContact(regF, account("America/Los_Angeles"), { channel: "call", at: "2026-11-23T21:30:00-06:00" }).allowed,
    ).toBe(true);
  });

  it("the window's end is exclusive and its start inclusive", () => {
    const a = account("America/New_York");
    expect(checkContact(regF, a, { channel: "call", at: "2026-11-23T20:59:59-05:00" }).allowed).toBe(true);
    expect(checkContact(regF, a, { channel: "call", at: "2026-11-23T21:00:00-05:00" }).allowed).toBe(false);
    expect(checkContact(regF, a, { channel: "call", at: "2026-11-24T08:00:00-05:00" }).allowed).toBe(true);
  });

  it("cn-2026: 22:30 Shanghai is blocked until 08:00 (00:00Z)", () => {
    const r = checkContact(cn, account("Asia/Shanghai"), { channel: "visit", at: "2026-11-23T22:30:00+08:00" });
    expect(codes(r)).toEqual(["VISIT_NOTICE_REQUIRED", "OUTSIDE_WINDOW"]);
    expect(r.earliestAt).toBeNull(); // no notice on record
    const c = checkContact(cn, account("Asia/Shanghai"), { channel: "call", at: "2026-11-23T22:30:00+08:00" });
    expect(c.earliestAt).toBe("2026-11-24T00:00:00.000Z");
    expect(
      checkContact(cn, account("Asia/Shanghai"), { channel: "call", at: "2026-11-23T21:59:00+08:00" }).allowed,
    ).toBe(true);
  });

  it("DST spring forward (New York, 2026-03-08): 08:00 EDT is 12:00Z", () => {
    const a = account("America/New_York");
    // 01:30 EST, before the gap
    const r = checkContact(regF, a, { channel: "call", at: "2026-03-08T06:30:00Z" });
    expect(r.earliestAt).toBe("2026-03-08T12:00:00.000Z");
    // 21:30 EST the evening before: still next 08:00 EDT
    expect(checkContact(regF, a, { channel: "sms", at: "2026-03-08T02:30:00Z" }).earliestAt).toBe(
      "2026-03-08T12:00:00.000Z",
    );
    expect(checkContact(regF, a, { channel: "call", at: "2026-03-08T11:59:59Z" }).allowed).toBe(false);
    expect(checkContact(regF, a, { channel: "call", at: "2026-03-08T12:00:00Z" }).allowed).toBe(true);
    // 21:00 EDT = 01:00Z next day
    expect(checkContact(regF, a, { channel: "call", at: "2026-03-09T00:59:00Z" }).allowed).toBe(true);
    expect(checkContact(regF, a, { channel: "call", at: "2026-03-09T01:00:00Z" }).allowed).toBe(false);
  });

  it("DST fall back (New York, 2026-11-01): 08:00 EST is 13:00Z, the repeated hour is handled", () => {
    const a = account("America/New_York");
    expect(checkContact(regF, a, { channel: "call", at: "2026-11-01T05:30:00Z" }).earliestAt).toBe(
      "2026-11-01T13:00:00.000Z",
    ); // 01:30 EDT
    expect(checkContact(regF, a, { channel: "call", at: "2026-11-01T06:30:00Z" }).earliestAt).toBe(
      "2026-11-01T13:00:00.000Z",
    ); // 01:30 EST
    expect(checkContact(regF, a, { channel: "call", at: "2026-11-01T12:59:00Z" }).allowed).toBe(false);
    expect(checkContact(regF, a, { channel: "call", at: "2026-11-01T13:00:00Z" }).allowed).toBe(true);
  });

  it("a 7-day cap across the fall-back day still ends at local midnight + window", () => {
    const calls = [26, 27, 28, 29, 30, 31].map((d) => call(`2026-10-${d}T10:00:00-04:00`, "no_answer"));
    calls.push(call("2026-11-01T10:00:00-05:00", "no_answer"));
    const r = checkContact(regF, account("America/New_York", calls), {
      channel: "call",
      at: "2026-11-01T12:00:00-05:00",
    });
    expect(codes(r)).toEqual(["CAP_7D"]);
    expect(r.earliestAt).toBe("2026-11-02T13:00:00.000Z");
  });
});

describe("cn-2026 daily caps", () => {
  const SH = "Asia/Shanghai";
  it("blocks the 7th unanswered dial of a day; answered calls and other days do not count", () => {
    const six = [9, 10, 11, 12, 13, 14].map((h) =>
      call(`2026-11-23T${String(h).padStart(2, "0")}:00:00+08:00`, h % 2 ? "busy" : "no_answer"),
    );
    const r = checkContact(cn, account(SH, six), { channel: "call", at: "2026-11-23T15:00:00+08:00" });
    expect(codes(r)).toEqual(["CAP_UNANSWERED_DAILY"]);
    expect(r.earliestAt).toBe("2026-11-24T00:00:00.000Z");
    const five = six.slice(1);
    expect(
      checkContact(cn, account(SH, [...five, call("2026-11-23T14:30:00+08:00", "wrong_number")]), {
        channel: "call",
        at: "2026-11-23T15:00:00+08:00",
      }).allowed,
    ).toBe(true);
  });

  it("blocks a 4th conversation in a day", () => {
    const three = [
      call("2026-11-23T09:00:00+08:00", "right_party"),
      call("2026-11-23T10:00:00+08:00", "hardship_reported"),
      call("2026-11-23T11:00:00+08:00", "refused"),
    ];
    const r = checkContact(cn, account(SH, three), { channel: "call", at: "2026-11-23T16:00:00+08:00" });
    expect(codes(r)).toEqual(["CAP_CONVERSATIONS_DAILY"]);
    expect(r.earliestAt).toBe("2026-11-24T00:00:00.000Z");
    expect(
      checkContact(cn, account(SH, three.slice(1)), { channel: "call", at: "2026-11-23T16:00:00+08:00" }).allowed,
    ).toBe(true);
  });

  it("third parties only when the borrower is unreachable, and not before the last conversation leaves 30 days", () => {
    const failed = Array.from({ length: 10 }, (_, i) =>
      call(`2026-11-${String(10 + i).padStart(2, "0")}T10:00:00+08:00`, "no_answer"),
    );
    const conv = call("2026-11-01T10:00:00+08:00", "right_party");
    const r = checkContact(cn, account(SH, [conv, ...failed]), {
      channel: "call",
      at: "2026-11-23T10:00:00+08:00",
      thirdParty: true,
      purpose: "skip_trace",
    });
    expect(codes(r)).toEqual(["THIRD_PARTY_NOT_ALLOWED"]);
    expect(r.earliestAt).toBe("2026-12-01T00:00:00.000Z"); // 11-01 is day 1 of 30 → free 12-01, 08:00 local
    expect(
      checkContact(cn, account(SH, failed), {
        channel: "call",
        at: "2026-11-23T10:00:00+08:00",
        thirdParty: true,
        purpose: "skip_trace",
      }).allowed,
    ).toBe(true);
    expect(
      checkContact(cn, account(SH, failed.slice(1)), {
        channel: "call",
        at: "2026-11-23T10:00:00+08:00",
        thirdParty: true,
        purpose: "skip_trace",
      }).earliestAt,
    ).toBeNull();
  });
});

describe("uk-conc visits, breathing space and vulnerability", () => {
  const LN = "Europe/London";
  it("a visit needs a visit_notice letter 7 days before", () => {
    const r = checkContact(uk, account(LN), { channel: "visit", at: "2026-11-24T10:00:00Z" });
    expect(codes(r)).toEqual(["VISIT_NOTICE_REQUIRED"]);
    expect(r.reasons[0]!.source).toContain("CONC 7.9.12R");
    expect(r.earliestAt).toBeNull();
    // a returned letter is not notice; a reminder letter is not notice
    const returned = {
      at: "2026-11-01T10:00:00Z",
      channel: "letter",
      outcome: "undeliverable",
      purpose: "visit_notice",
    };
    const reminder = { at: "2026-11-01T10:00:00Z", channel: "letter", outcome: "delivered", purpose: "reminder" };
    expect(
      checkContact(uk, account(LN, [returned, reminder]), { channel: "visit", at: "2026-11-24T10:00:00Z" }).allowed,
    ).toBe(false);
    // a notice older than its 30-day validity is spent
    const old = { at: "2026-10-01T10:00:00Z", channel: "letter", outcome: "delivered", purpose: "visit_notice" };
    expect(
      checkContact(uk, account(LN, [old]), { channel: "visit", at: "2026-11-24T10:00:00Z" }).earliestAt,
    ).toBeNull();
    const fresh = { at: "2026-11-16T18:00:00Z", channel: "letter", outcome: "delivered", purpose: "visit_notice" };
    expect(checkContact(uk, account(LN, [fresh]), { channel: "visit", at: "2026-11-23T09:00:00Z" }).allowed).toBe(true);
    expect(checkContact(uk, account(LN, [fresh]), { channel: "visit", at: "2026-11-22T19:00:00Z" }).earliestAt).toBe(
      "2026-11-23T09:00:00.000Z",
    );
  });

  it("no contact during breathing space; earliestAt is the morning after it ends", () => {
    const a = account(LN, [], { flags: { breathingSpaceFrom: "2026-11-10", breathingSpaceUntil: "2027-01-08" } });
    for (const channel of ["call", "sms", "email", "app"] as const) {
      const r = checkContact(uk, a, { channel, at: "2026-11-24T10:00:00Z" });
      expect(codes(r)).toEqual(["BREATHING_SPACE"]);
      expect(r.earliestAt).toBe("2027-01-09T08:00:00.000Z");
    }
    // before it starts: allowed
    expect(checkContact(uk, a, { channel: "call", at: "2026-11-09T10:00:00Z" }).allowed).toBe(true);
    // a letter with no purpose waits; one stating the account (purpose other) does not
    expect(checkContact(uk, a, { channel: "letter", at: "2026-11-24T10:00:00Z" }).earliestAt).toBe(
      "2027-01-09T00:00:00.000Z",
    );
    expect(checkContact(uk, a, { channel: "letter", at: "2026-11-24T10:00:00Z", purpose: "other" }).allowed).toBe(true);
  });

  it("vulnerable customers: no visits and one call a day, three in seven days", () => {
    const v = { flags: { vulnerable: true } };
    const calls = ["2026-11-20T10:00:00Z", "2026-11-21T10:00:00Z", "2026-11-23T10:00:00Z"].map((at) =>
      call(at, "no_answer"),
    );
    const r = checkContact(uk, account(LN, calls, v), { channel: "call", at: "2026-11-24T10:00:00Z" });
    expect(codes(r)).toEqual(["CAP_7D_VULNERABLE"]);
    expect(r.earliestAt).toBe("2026-11-27T08:00:00.000Z"); // the 11-20 call leaves the 7 days on 11-27
    expect(checkContact(uk, account(LN, calls), { channel: "call", at: "2026-11-24T10:00:00Z" }).allowed).toBe(true);
    expect(codes(checkContact(uk, account(LN, [], v), { channel: "visit", at: "2026-11-24T10:00:00Z" }))).toContain(
      "HOLD_VULNERABLE_NO_VISIT",
    );
  });
});

describe("holds and opt-outs", () => {
  const NY = "America/New_York";
  const at = "2026-11-24T10:00:00-05:00";
  it("opt-outs are honoured on every profile and never expire", () => {
    for (const p of [regF, cn, uk]) {
      const r = checkContact(p, account(NY, [], { doNotContact: ["sms", "email"] }), { channel: "sms", at });
      expect(codes(r)).toEqual(["OPTED_OUT"]);
      expect(r.earliestAt).toBeNull();
      expect(checkContact(p, account(NY, [], { doNotContact: ["sms"] }), { channel: "call", at }).allowed).toBe(true);
    }
  });

  it("holds block the channels the profile lists", () => {
    for (const flag of ["deceased", "bankrupt", "legalHold"]) {
      for (const p of [regF, cn, uk]) {
        const r = checkContact(p, account(NY, [], { flags: { [flag]: true } }), { channel: "call", at });
        expect(r.allowed).toBe(false);
        expect(r.earliestAt).toBeNull();
        expect(r.reasons[0]!.code).toMatch(/^HOLD_/);
      }
    }
    const ceased = account(NY, [], { flags: { ceaseContact: true } });
    expect(codes(checkContact(regF, ceased, { channel: "email", at }))).toEqual(["HOLD_CEASE_CONTACT"]);
    expect(checkContact(uk, ceased, { channel: "letter", at }).allowed).toBe(true);
    expect(checkContact(cn, ceased, { channel: "email", at }).allowed).toBe(true);
    const disputed = account(NY, [], { flags: { disputed: true } });
    expect(checkContact(regF, disputed, { channel: "letter", at, purpose: "collection" }).allowed).toBe(false);
    expect(checkContact(regF, disputed, { channel: "letter", at, purpose: "validation_notice" }).allowed).toBe(true);
  });
});

describe("inputs", () => {
  it("accepts raw JSON or a compiled profile, raw or parsed accounts, with identical results", () => {
    const raw = account("America/New_York", [call("2026-11-20T14:00:00-05:00", "right_party")]);
    const opts = { channel: "call", at: "2026-11-23T10:00:00-05:00" } as const;
    const a = checkContact(guardrailProfiles["us-reg-f"], raw, opts);
    const b = checkContact(regF, parseAccount(raw), opts);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("rejects bad options, accounts and profiles with ArrearsError and the path", () => {
    const a = account("America/New_York");
    const err = (f: () => unknown): ArrearsError => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ArrearsError);
        return e as ArrearsError;
      }
      throw new Error("did not throw");
    };
    let e = err(() => checkContact(regF, a, { channel: "fax" as never, at: "2026-11-23T10:00:00Z" }));
    expect(e.code).toBe("INVALID_OPTIONS");
    expect(e.issues[0]!.path).toEqual(["channel"]);
    e = err(() => checkContact(regF, a, { channel: "call", at: "2026-11-23 10:00" }));
    expect(e.issues[0]).toMatchObject({ path: ["at"], received: "2026-11-23 10:00" });
    e = err(() =>
      checkContact(regF, { ...a, timeZone: "Mars/Olympus" }, { channel: "call", at: "2026-11-23T10:00:00Z" }),
    );
    expect(e.code).toBe("INVALID_ACCOUNT");
    expect(e.issues[0]!.path).toEqual(["timeZone"]);
    e = err(() => checkContact({ id: "x" }, a, { channel: "call", at: "2026-11-23T10:00:00Z" }));
    expect(e.code).toBe("INVALID_GUARDRAIL_PROFILE");
    e = err(() => prepareContactCheck(regF, parseAccount(a), Date.UTC(2026, 10, 23))("call", Number.NaN));
    expect(e.code).toBe("INVALID_INPUT");
  });

  it("prepareContactCheck gives the same answers as checkContact for every channel", () => {
    const raw = account("Asia/Shanghai", [
      call("2026-11-23T09:00:00+08:00", "right_party"),
      call("2026-11-23T10:00:00+08:00", "right_party"),
      { at: "2026-11-22T09:00:00+08:00", channel: "letter", outcome: "delivered", purpose: "visit_notice" },
    ]);
    const parsed = parseAccount(raw);
    const at = "2026-11-23T21:00:00+08:00";
    const check = prepareContactCheck(cn, parsed, parseInstant(at));
    for (const channel of ["call", "sms", "email", "letter", "visit", "app"] as const) {
      expect(check(channel, parseInstant(at))).toEqual(checkContact(cn, parsed, { channel, at }));
    }
  });
});

// ---------- properties ----------

const ZONES = [
  "America/New_York",
  "Asia/Shanghai",
  "Europe/London",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "UTC",
  "America/Santiago",
];
const OUTCOMES = [
  "no_answer",
  "busy",
  "voicemail",
  "right_party",
  "third_party",
  "wrong_number",
  "refused",
  "delivered",
  "undeliverable",
  "promise_to_pay",
  "dispute",
  "hardship_reported",
  "complaint",
];
const PURPOSES = [
  "reminder",
  "collection",
  "validation_notice",
  "visit_notice",
  "hardship_offer",
  "skip_trace",
  "other",
];
const CHANNELS = ["call", "sms", "email", "letter", "visit", "app"] as const;
const OFFSETS = ["Z", "+08:00", "-05:00", "+05:30"];
// Around DST changes in several zones, and an ordinary day.
const BASES = [
  "2026-03-08T06:00:00Z",
  "2026-11-01T05:00:00Z",
  "2026-03-29T00:30:00Z",
  "2026-10-25T00:30:00Z",
  "2026-04-05T15:00:00Z",
  "2026-09-06T04:00:00Z",
  "2026-06-15T12:00:00Z",
].map(parseInstant);
const DAY = 86_400_000;

function iso(ms: number, off: string): string {
  if (off === "Z") return new Date(ms).toISOString();
  const sign = off[0] === "-" ? -1 : 1;
  const mins = sign * (+off.slice(1, 3) * 60 + +off.slice(4, 6));
  return new Date(ms + mins * 60_000).toISOString().replace("Z", off);
}
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

// A custom profile exercising hour-based periods, split and weekday windows, and a window in a DST gap.
const custom = loadGuardrailProfile({
  ...(JSON.parse(JSON.stringify(guardrailProfiles["us-reg-f"])) as Json),
  id: "custom-test",
  windows: [
    {
      id: "am",
      code: "OUTSIDE_WINDOW",
      channels: ["call"],
      days: [1, 2, 3, 4, 5],
      start: "09:00",
      end: "12:00",
      source: "test",
    },
    {
      id: "pm",
      code: "OUTSIDE_WINDOW",
      channels: ["call"],
      days: [1, 2, 3, 4, 5],
      start: "13:30",
      end: "18:00",
      source: "test",
    },
    { id: "gap", code: "OUTSIDE_WINDOW", channels: ["sms"], start: "02:15", end: "02:45", source: "test" },
    {
      id: "weekend-visits",
      code: "OUTSIDE_WINDOW",
      channels: ["visit"],
      days: [6, 7],
      start: "10:00",
      end: "16:00",
      source: "test",
    },
  ],
  caps: [
    {
      id: "sms-24h",
      code: "CAP_24H",
      channels: ["sms", "app"],
      max: 2,
      period: { hours: 24 },
      count: { channels: ["sms", "app"] },
      source: "test",
    },
    {
      id: "any-3d",
      code: "CAP_3D",
      channels: ["call", "email"],
      max: 4,
      period: { localDays: 3 },
      count: { channels: ["call", "email", "sms"], directions: ["outbound"] },
      source: "test",
    },
  ],
  quietPeriods: [
    {
      id: "q",
      code: "QUIET",
      channels: ["email", "call"],
      period: { hours: 36 },
      after: { channels: ["email", "call"], outcomes: ["complaint", "refused"] },
      source: "test",
    },
  ],
  notices: [
    {
      id: "n",
      code: "NOTICE",
      channels: ["visit"],
      notice: { channel: "letter", purpose: "visit_notice" },
      minDays: 2,
      validDays: 10,
      source: "test",
    },
  ],
  tests: [],
});
const PROFILES = [regF, cn, uk, custom];

const scenario = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    base: fc.constantFrom(...BASES),
    atShift: fc.integer({ min: 0, max: 2 * DAY }),
    contacts: fc.array(
      fc.record({
        before: fc.integer({ min: -3 * DAY, max: 40 * DAY }), // negative: recorded after `at`
        channel: fc.constantFrom(...CHANNELS),
        outcome: fc.constantFrom(...OUTCOMES),
        inbound: fc.boolean(),
        purpose: fc.option(fc.constantFrom(...PURPOSES), { nil: undefined }),
        off: fc.constantFrom(...OFFSETS),
      }),
      { maxLength: 60 },
    ),
    flags: fc.record({
      vulnerable: fc.boolean(),
      complaintOpen: fc.constantFrom(false, false, false, false, false, true),
    }),
    flagHold: fc.constantFrom(
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      "ceaseContact",
      "disputed",
      "complaintOpen",
      "legalHold",
    ),
    breathing: fc.option(fc.tuple(fc.integer({ min: -30, max: 20 }), fc.integer({ min: 0, max: 70 })), {
      nil: undefined,
    }),
    doNotContact: fc.constantFrom<string[]>([], [], [], [], ["sms"], ["visit", "email"]),
    // Conflicting location information: windows must hold in every zone.
    otherTimeZones: fc.constantFrom<string[]>([], [], [], [], ["America/Los_Angeles"], ["Asia/Kolkata", "UTC"]),
    profile: fc.integer({ min: 0, max: PROFILES.length - 1 }),
    channel: fc.constantFrom(...CHANNELS),
    purpose: fc.option(fc.constantFrom(...PURPOSES), { nil: undefined }),
    thirdParty: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
    frac: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((s) => {
    const atMs = s.base + s.atShift;
    const flags: Json = { vulnerable: s.flags.vulnerable, complaintOpen: s.flags.complaintOpen };
    if (s.flagHold) flags[s.flagHold] = true;
    if (s.breathing) {
      flags.breathingSpaceFrom = isoDate(atMs + s.breathing[0] * DAY);
      flags.breathingSpaceUntil = isoDate(atMs + (s.breathing[0] + s.breathing[1]) * DAY);
    }
    const contacts = s.contacts.map((c) => {
      const ms = atMs - c.before;
      const out: Json = {
        at: iso(ms, c.off),
        channel: c.channel,
        outcome: c.outcome,
        direction: c.inbound ? "inbound" : "outbound",
      };
      if (c.purpose) out.purpose = c.purpose;
      if (c.outcome === "promise_to_pay") out.promise = { amount: "50.00", dueDate: "2027-06-30" };
      return out;
    });
    // A dispute is verified the day after most of the time: the lifecycle is exercised, and the
    // holds it opens do not crowd out the interesting cases.
    const dispute = s.contacts.find((c) => c.outcome === "dispute");
    const events =
      dispute && s.frac < 0.8 ? [{ type: "verification_sent", on: isoDate(atMs - dispute.before + DAY) }] : [];
    const acc = {
      ...account(s.zone, contacts, { flags, doNotContact: s.doNotContact, otherTimeZones: s.otherTimeZones }),
      openedOn: "2025-06-01",
      events,
    };
    return { ...s, atMs, acc, at: iso(atMs, "Z") };
  });

describe("properties", () => {
  it("isoUtc formats exactly like Date#toISOString", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 2.6e14 }), (ms) => {
        expect(isoUtc(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
    expect(isoUtc(0)).toBe("1970-01-01T00:00:00.000Z");
    expect(isoUtc(253_402_300_799_999)).toBe("9999-12-31T23:59:59.999Z");
  });

  it("a blocked contact is allowed at its earliestAt, and not at any instant before it", () => {
    const seen = { allowed: 0, never: 0, later: 0 };
    const runs = Number(process.env.GUARDRAIL_RUNS ?? 600);
    fc.assert(
      fc.property(scenario, (s) => {
        const profile = PROFILES[s.profile]!;
        const opts = {
          channel: s.channel,
          at: s.at,
          ...(s.purpose ? { purpose: s.purpose as never } : {}),
          thirdParty: s.thirdParty,
        };
        const r = checkContact(profile, s.acc, opts);
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
        if (r.allowed) {
          seen.allowed++;
          expect(r.reasons).toEqual([]);
          expect(r.earliestAt).toBe(new Date(s.atMs).toISOString());
          return;
        }
        expect(r.reasons.length).toBeGreaterThan(0);
        for (const x of r.reasons) {
          expect(typeof x.code).toBe("string");
          expect(x.source.length).toBeGreaterThan(0);
        }
        if (r.earliestAt === null) {
          seen.never++;
          return;
        }
        seen.later++;
        const e = parseInstant(r.earliestAt);
        expect(e).toBeGreaterThan(s.atMs);
        const again = checkContact(profile, s.acc, { ...opts, at: r.earliestAt });
        expect(again.allowed, `${JSON.stringify(again.reasons)} at ${r.earliestAt}`).toBe(true);
        const between = s.atMs + Math.floor(s.frac * (e - s.atMs - 1));
        expect(checkContact(profile, s.acc, { ...opts, at: new Date(between).toISOString() }).allowed).toBe(false);
      }),
      { numRuns: runs },
    );
    // the generator must exercise all three outcomes, mostly the interesting one
    expect(seen.later).toBeGreaterThan(runs * 0.15);
    expect(seen.allowed).toBeGreaterThan(runs * 0.05);
    expect(seen.never).toBeGreaterThan(runs * 0.03);
  });

  it("never throws for valid accounts, is deterministic, and the prepared check agrees", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const parsed = parseAccount(s.acc);
        const profile = PROFILES[s.profile]!;
        const check = prepareContactCheck(profile, parsed, s.atMs);
        for (const channel of CHANNELS) {
          const a = check(channel, s.atMs, { purpose: s.purpose, party: s.thirdParty ? "third_party" : "borrower" });
          const b = checkContact(profile, s.acc, {
            channel,
            at: s.at,
            ...(s.purpose ? { purpose: s.purpose as never } : {}),
            thirdParty: s.thirdParty,
          });
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        }
      }),
      { numRuns: 150 },
    );
  });
});

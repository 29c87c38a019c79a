// Profile features added for issue #11: holds and notices limited to purposes, a notice by any
// of several channels, rest days per subdivision, windows in every zone the borrower may be in,
// and limitation periods that a late payment does not revive.
import { describe, expect, it } from "vitest";
import { guardrailProfiles } from "../../src/guardrails/index.js";
import { limitationStatus } from "../../src/guardrails/limitation.js";
import { ArrearsError, checkContact, loadGuardrailProfile, parseAccount } from "../../src/index.js";
import { prepareAccount } from "../../src/model/index.js";
import { resolveAsOf } from "../../src/time/index.js";

type Json = Record<string, unknown>;
const base = (): Json => JSON.parse(JSON.stringify(guardrailProfiles["us-reg-f"])) as Json;
const profile = (extra: Json) => loadGuardrailProfile({ ...base(), id: "ext-test", tests: [], ...extra });
const account = (extra: Json = {}, borrower: Json = {}): Json => ({
  id: "E1",
  product: "installment",
  currency: "USD",
  openedOn: "2025-01-01",
  timeZone: "America/New_York",
  jurisdiction: "US-NY",
  delinquency: { dpd: 40, overdue: "120.00" },
  borrower,
  ...extra,
});
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);
const AT = "2026-11-23T10:00:00-05:00";

describe("holds limited to purposes", () => {
  const p = profile({
    holds: [
      {
        id: "vulnerable-no-visit-notice",
        flag: "vulnerable",
        code: "HOLD_VULNERABLE",
        channels: ["letter", "sms"],
        purposes: ["visit_notice"],
        source: "test",
      },
    ],
  });
  const vulnerable = account({}, { flags: { vulnerable: true } });

  it("holds only the listed purposes on the listed channels", () => {
    expect(codes(checkContact(p, vulnerable, { channel: "letter", at: AT, purpose: "visit_notice" }))).toEqual([
      "HOLD_VULNERABLE",
    ]);
    expect(checkContact(p, vulnerable, { channel: "letter", at: AT, purpose: "collection" }).allowed).toBe(true);
    expect(checkContact(p, vulnerable, { channel: "letter", at: AT }).allowed).toBe(true);
    expect(checkContact(p, vulnerable, { channel: "call", at: AT, purpose: "visit_notice" }).allowed).toBe(true);
    expect(checkContact(p, account(), { channel: "letter", at: AT, purpose: "visit_notice" }).allowed).toBe(true);
  });
});

describe("notices limited to purposes, by any of several channels", () => {
  const p = profile({
    notices: [
      {
        id: "default-notice",
        code: "DEFAULT_NOTICE_REQUIRED",
        channels: ["letter", "call"],
        purposes: ["letter_of_claim"],
        notice: { channels: ["letter", "email"], purpose: "default_notice" },
        minDays: 14,
        source: "test",
      },
    ],
  });
  const withNotice = (channel: string, outcome = "delivered") =>
    account({
      contacts: [{ at: "2026-11-02T12:00:00-05:00", channel, outcome, purpose: "default_notice" }],
    });

  it("only contacts for the listed purposes need the notice", () => {
    const r = checkContact(p, account(), { channel: "letter", at: AT, purpose: "letter_of_claim" });
    expect(codes(r)).toEqual(["DEFAULT_NOTICE_REQUIRED"]);
    expect(r.earliestAt).toBeNull();
    expect(checkContact(p, account(), { channel: "letter", at: AT, purpose: "collection" }).allowed).toBe(true);
    expect(checkContact(p, account(), { channel: "letter", at: AT }).allowed).toBe(true);
  });

  it("a notice by any listed channel counts from its day + minDays; a returned one does not", () => {
    for (const ch of ["letter", "email"]) {
      const early = checkContact(p, withNotice(ch), {
        channel: "letter",
        at: "2026-11-15T10:00:00-05:00",
        purpose: "letter_of_claim",
      });
      expect(early.allowed).toBe(false);
      expect(early.earliestAt).toBe("2026-11-16T05:00:00.000Z"); // 11-02 + 14 days, local midnight
      expect(checkContact(p, withNotice(ch), { channel: "letter", at: AT, purpose: "letter_of_claim" }).allowed).toBe(
        true,
      );
    }
    expect(checkContact(p, withNotice("sms"), { channel: "letter", at: AT, purpose: "letter_of_claim" }).allowed).toBe(
      false,
    );
    expect(
      checkContact(p, withNotice("letter", "undeliverable"), { channel: "letter", at: AT, purpose: "letter_of_claim" })
        .allowed,
    ).toBe(false);
  });

  it("rejects a notice with both or neither of channel and channels, with the path", () => {
    for (const notice of [
      { channel: "letter", channels: ["letter"], purpose: "default_notice" },
      { purpose: "default_notice" },
    ]) {
      try {
        profile({
          notices: [{ id: "n", code: "N", channels: ["letter"], notice, minDays: 1, source: "test" }],
        });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ArrearsError);
        expect((e as ArrearsError).issues.map((i) => i.path.join("."))).toContain("notices.0.notice");
      }
    }
  });
});

describe("rest days per subdivision", () => {
  const p = profile({
    jurisdictions: ["GB"],
    calendars: {
      "eng-bank-holidays": { source: "test", dates: ["2026-08-31"] },
      "sct-bank-holidays": { source: "test", dates: ["2026-08-03"] },
    },
    restDays: [
      {
        id: "eng",
        code: "REST_DAY",
        channels: ["call"],
        calendar: "eng-bank-holidays",
        jurisdictions: ["GB-ENG", "GB-WLS"],
        source: "test",
      },
      {
        id: "sct",
        code: "REST_DAY",
        channels: ["call"],
        calendar: "sct-bank-holidays",
        jurisdictions: ["GB-SCT"],
        source: "test",
      },
    ],
  });
  const gb = (jurisdiction: string | undefined) => {
    const a = account({ timeZone: "Europe/London", currency: "GBP" });
    if (jurisdiction === undefined) delete a.jurisdiction;
    else a.jurisdiction = jurisdiction;
    return a;
  };
  const engHoliday = "2026-08-31T10:00:00+01:00";
  const sctHoliday = "2026-08-03T10:00:00+01:00";

  it("applies each calendar only in its subdivisions", () => {
    expect(codes(checkContact(p, gb("GB-ENG"), { channel: "call", at: engHoliday }))).toEqual(["REST_DAY"]);
    expect(checkContact(p, gb("GB-ENG"), { channel: "call", at: sctHoliday }).allowed).toBe(true);
    expect(codes(checkContact(p, gb("GB-SCT"), { channel: "call", at: sctHoliday }))).toEqual(["REST_DAY"]);
    expect(checkContact(p, gb("GB-SCT"), { channel: "call", at: engHoliday }).allowed).toBe(true);
    expect(checkContact(p, gb("GB-SCT"), { channel: "call", at: sctHoliday }).earliestAt).toBe(
      "2026-08-04T07:00:00.000Z",
    ); // the next day at 08:00 BST
  });

  it("an account without a jurisdiction gets every calendar (the cautious reading)", () => {
    expect(checkContact(p, gb(undefined), { channel: "call", at: engHoliday }).allowed).toBe(false);
    expect(checkContact(p, gb(undefined), { channel: "call", at: sctHoliday }).allowed).toBe(false);
  });
});

describe("windows in every zone the borrower may be in (Reg F commentary to 1006.6(b)(1)(i))", () => {
  const p = loadGuardrailProfile(guardrailProfiles["us-reg-f"]);
  // Postal address in Los Angeles, phone number with a New York area code.
  const both = account({ timeZone: "America/Los_Angeles" }, { otherTimeZones: ["America/New_York"] });

  it("07:30 in Los Angeles (10:30 in New York) waits for 08:00 in Los Angeles", () => {
    const r = checkContact(p, both, { channel: "call", at: "2026-11-23T07:30:00-08:00" });
    expect(codes(r)).toEqual(["OUTSIDE_WINDOW"]);
    expect(r.reasons[0]!.message).toContain("07:30 local time (America/Los_Angeles)");
    expect(r.earliestAt).toBe("2026-11-23T16:00:00.000Z");
  });

  it("18:30 in Los Angeles is 21:30 in New York: blocked until 08:00 Los Angeles the next day", () => {
    const r = checkContact(p, both, { channel: "call", at: "2026-11-23T18:30:00-08:00" });
    expect(codes(r)).toEqual(["OUTSIDE_WINDOW"]);
    expect(r.reasons[0]!.message).toContain("21:30 in America/New_York");
    expect(r.reasons[0]!.message).not.toContain("local time (America/Los_Angeles)");
    expect(r.earliestAt).toBe("2026-11-24T16:00:00.000Z");
  });

  it("noon in Los Angeles is fine in both; without the second zone 18:30 is fine", () => {
    expect(checkContact(p, both, { channel: "call", at: "2026-11-23T12:00:00-08:00" }).allowed).toBe(true);
    const one = account({ timeZone: "America/Los_Angeles" });
    expect(checkContact(p, one, { channel: "call", at: "2026-11-23T18:30:00-08:00" }).allowed).toBe(true);
  });

  it("zones far apart: only the overlap of the windows is lawful (18:30–21:00 Los Angeles = 08:00–10:30 Kolkata)", () => {
    const apart = account({ timeZone: "America/Los_Angeles" }, { otherTimeZones: ["Asia/Kolkata"] });
    const r = checkContact(p, apart, { channel: "call", at: "2026-11-23T12:00:00-08:00" });
    expect(r.allowed).toBe(false);
    expect(r.earliestAt).toBe("2026-11-24T02:30:00.000Z");
    expect(checkContact(p, apart, { channel: "call", at: "2026-11-23T20:59:00-08:00" }).allowed).toBe(true);
    expect(checkContact(p, apart, { channel: "call", at: "2026-11-23T21:00:00-08:00" }).allowed).toBe(false);
    // letters are not bound to hours
    expect(checkContact(p, apart, { channel: "letter", at: "2026-11-23T12:00:00-08:00" }).allowed).toBe(true);
  });
});

describe("limitation: a payment after the period has run does not revive it", () => {
  const rule = (restartedByPayment: boolean) =>
    loadGuardrailProfile({
      ...base(),
      id: "lim-test",
      jurisdictions: ["GB"],
      tests: [],
      limitation: [
        {
          id: "six-years",
          code: "TIME_BARRED",
          years: 6,
          restartedByPayment,
          restartedByAcknowledgment: true,
          source: "test",
        },
      ],
    });
  const status = (payments: { date: string; amount: string }[], events: Json[] = [], restarts = true) => {
    const a = parseAccount({
      id: "L1",
      product: "installment",
      currency: "GBP",
      openedOn: "2019-01-01",
      timeZone: "Europe/London",
      jurisdiction: "GB-ENG",
      dues: [{ dueDate: "2020-10-31", amount: "100.00" }],
      payments,
      events,
    });
    const asOf = resolveAsOf("2026-11-23", "Europe/London");
    const dpd = asOf.day - Math.floor(Date.parse("2020-10-31") / 86_400_000);
    return limitationStatus([rule(restarts)], prepareAccount(a), asOf, "GB-ENG", dpd)!;
  };

  it("counts from the default; barred six years on (Limitation Act 1980 s.5)", () => {
    const s = status([]);
    expect(s.countedFrom).toBe("default");
    expect(s.endsOn).toBe("2026-10-31");
    expect(s.timeBarred).toBe(true);
  });

  it("a part payment while the period runs restarts it (s.29(5)); one after it has run does not (s.29(7))", () => {
    const before = status([{ date: "2025-01-10", amount: "10.00" }]);
    expect([before.countedFrom, before.endsOn, before.timeBarred]).toEqual(["payment", "2031-01-09", false]);
    const after = status([{ date: "2026-11-15", amount: "10.00" }]);
    expect([after.countedFrom, after.endsOn, after.timeBarred]).toEqual(["default", "2026-10-31", true]);
    // a payment before expiry, then one after the restarted period ran: the later one cannot revive
    const chain = status([{ date: "2025-01-10", amount: "10.00" }]);
    expect(chain.endsOn).toBe("2031-01-09");
    const ack = status([], [{ type: "debt_acknowledged", on: "2026-11-01" }]);
    expect([ack.countedFrom, ack.timeBarred]).toEqual(["default", true]);
    const ackInTime = status([], [{ type: "debt_acknowledged", on: "2026-10-30" }]);
    expect([ackInTime.countedFrom, ackInTime.endsOn]).toEqual(["acknowledgment", "2032-10-29"]);
  });

  it("a rule that payments do not restart ignores them", () => {
    const s = status([{ date: "2025-01-10", amount: "10.00" }], [], false);
    expect([s.countedFrom, s.timeBarred]).toEqual(["default", true]);
  });
});

// China: hours, daily caps, third parties and contact persons, visits and holidays: worked
// cases CN-* of the compliance research.
import { describe, expect, it } from "vitest";
import { account, check, codes, contact, type Json } from "../helpers.js";

const P = "cn-2026";
const cn = (contacts: Json[] = [], borrower?: Json, events?: Json[]) =>
  account("Asia/Shanghai", "CN", "CNY", { contacts, ...(borrower ? { borrower } : {}), ...(events ? { events } : {}) });
const call = (at: string, outcome: string, extra: Json = {}) => contact(at, "call", outcome, extra);
const hour = (h: number) => `2026-11-23T${String(h).padStart(2, "0")}:00:00+08:00`;

describe("cn-2026: hours and daily caps", () => {
  it("[no-night-collection] no call, SMS or visit 22:00–08:00; letters are not time-bound", () => {
    const r = check(P, cn(), { channel: "call", at: "2026-11-23T22:30:00+08:00" });
    expect(codes(r)).toEqual(["OUTSIDE_WINDOW"]);
    expect(r.earliestAt).toBe("2026-11-24T00:00:00.000Z");
    expect(check(P, cn(), { channel: "sms", at: "2026-11-23T07:59:00+08:00" }).earliestAt).toBe(
      "2026-11-23T00:00:00.000Z",
    );
    expect(check(P, cn(), { channel: "letter", at: "2026-11-23T23:00:00+08:00" }).allowed).toBe(true);
  });

  it("[unanswered-dials-daily] CN-1: six unanswered dials in a day block a seventh until 08:00 tomorrow; an SMS is still allowed", () => {
    const six = [9, 10, 11, 12, 13, 14].map((h) => call(hour(h), h % 2 ? "busy" : "no_answer"));
    const r = check(P, cn(six), { channel: "call", at: hour(15) });
    expect(codes(r)).toEqual(["CAP_UNANSWERED_DAILY"]);
    expect(r.earliestAt).toBe("2026-11-24T00:00:00.000Z");
    expect(check(P, cn(six), { channel: "sms", at: hour(15) }).allowed).toBe(true);
    expect(check(P, cn(six.slice(1)), { channel: "call", at: hour(15) }).allowed).toBe(true);
  });

  it("[conversations-daily] CN-4: three outbound conversations block a fourth; the debtor's own call does not count", () => {
    const three = [9, 10, 11].map((h) => call(hour(h), "right_party"));
    expect(codes(check(P, cn(three), { channel: "call", at: hour(16) }))).toEqual(["CAP_CONVERSATIONS_DAILY"]);
    const inbound = [...three.slice(0, 2), call(hour(12), "right_party", { direction: "inbound" })];
    expect(check(P, cn(inbound), { channel: "call", at: hour(16) }).allowed).toBe(true);
  });

  it("[public-holidays] CN-12: Spring Festival (02-15 to 02-23) holds calls and visits; the adjusted working Saturday 02-14 is ordinary", () => {
    const r = check(P, cn(), { channel: "call", at: "2026-02-16T10:00:00+08:00" });
    expect(codes(r)).toEqual(["REST_DAY"]);
    expect(r.reasons[0]!.source).toContain("Policy choice");
    expect(r.earliestAt).toBe("2026-02-24T00:00:00.000Z");
    expect(check(P, cn(), { channel: "call", at: "2026-02-14T10:00:00+08:00" }).allowed).toBe(true);
    expect(check(P, cn(), { channel: "sms", at: "2026-10-01T10:00:00+08:00" }).allowed).toBe(true);
    expect(check(P, cn(), { channel: "call", at: "2026-10-07T10:00:00+08:00" }).earliestAt).toBe(
      "2026-10-08T00:00:00.000Z",
    );
  });
});

describe("cn-2026: third parties and contact persons", () => {
  const failed = Array.from({ length: 10 }, (_, i) =>
    call(`2026-10-${String(10 + i).padStart(2, "0")}T10:00:00+08:00`, "no_answer"),
  );

  it("[thirdParty] CN-6: an unrelated third party is not contacted while the debtor is reachable, and never to collect", () => {
    const reached = cn([call("2026-11-20T10:00:00+08:00", "right_party")]);
    const r = check(P, reached, { channel: "call", at: hour(10), party: "third_party", purpose: "skip_trace" });
    expect(codes(r)).toEqual(["THIRD_PARTY_NOT_ALLOWED"]);
    expect(
      codes(check(P, cn(failed), { channel: "call", at: hour(10), party: "third_party", purpose: "collection" })),
    ).toEqual(["THIRD_PARTY_NOT_ALLOWED"]);
  });

  it("[thirdParty] CN-7/CN-8 (policy): three consecutive failures are not yet 'unreachable' under the profile's stricter rule; ten failures and 30 days without a conversation are", () => {
    const three = cn(failed.slice(7));
    expect(check(P, three, { channel: "call", at: hour(10), party: "third_party", purpose: "location" }).allowed).toBe(
      false,
    );
    const r = check(P, cn(failed), { channel: "call", at: hour(10), party: "third_party", purpose: "location" });
    expect(r.allowed).toBe(true);
  });

  it("[emergencyContacts, third-party-disclosure] a contact person: only when the debtor is unreachable, once a week, never told of the debt; a refusal stops contact for good", () => {
    const named = { emergencyContacts: [{ id: "S", relationship: "spouse" }] };
    const opts = {
      channel: "call" as const,
      at: hour(10),
      party: "emergency_contact" as const,
      partyId: "S",
      purpose: "location" as const,
    };
    expect(check(P, cn([call("2026-11-20T10:00:00+08:00", "right_party")], named), opts).allowed).toBe(false);
    const ok = check(P, cn(failed, named), opts);
    expect(ok.allowed).toBe(true);
    expect(ok.requirements.map((x) => x.code)).toContain("NO_DISCLOSURE");
    const asked = call("2026-11-20T10:00:00+08:00", "third_party", { party: "emergency_contact", partyId: "S" });
    const weekly = check(P, cn([...failed, asked], named), opts);
    expect(codes(weekly)).toEqual(["CONTACT_PERSON_NOT_ALLOWED"]);
    expect(weekly.earliestAt).toBe("2026-11-27T00:00:00.000Z");
    const refused = { ...asked, outcome: "refused" };
    expect(check(P, cn([...failed, refused], named), opts).earliestAt).toBeNull();
    expect(check(P, cn(failed, named), { ...opts, purpose: "collection" }).allowed).toBe(false);
  });
});

describe("cn-2026: visits", () => {
  it("[visit-notice] a visit is announced by letter or SMS at least a day before (30 days valid); a call that reached nobody is no notice", () => {
    const at = hour(10);
    expect(check(P, cn(), { channel: "visit", at }).earliestAt).toBeNull();
    for (const ch of ["letter", "sms"]) {
      const n = contact("2026-11-22T10:00:00+08:00", ch, "delivered", { purpose: "visit_notice" });
      expect(check(P, cn([n]), { channel: "visit", at }).allowed, ch).toBe(true);
    }
    const today = contact("2026-11-23T09:00:00+08:00", "sms", "delivered", { purpose: "visit_notice" });
    expect(check(P, cn([today]), { channel: "visit", at }).earliestAt).toBe("2026-11-24T00:00:00.000Z");
    const stale = contact("2026-10-20T10:00:00+08:00", "letter", "delivered", { purpose: "visit_notice" });
    expect(check(P, cn([stale]), { channel: "visit", at }).allowed).toBe(false);
    const unanswered = call("2026-11-22T10:00:00+08:00", "no_answer", { purpose: "visit_notice" });
    expect(check(P, cn([unanswered]), { channel: "visit", at }).allowed).toBe(false);
  });

  it("[visit-notice] an appointment agreed by phone (预约) allows the visit within an hour of the agreed time", () => {
    const agreed = call("2026-11-21T10:00:00+08:00", "right_party", {
      purpose: "visit_appointment",
      appointment: { at: "2026-11-23T15:00:00+08:00", kind: "visit" },
    });
    expect(check(P, cn([agreed]), { channel: "visit", at: "2026-11-23T15:45:00+08:00" }).allowed).toBe(true);
    const early = check(P, cn([agreed]), { channel: "visit", at: "2026-11-23T10:00:00+08:00" });
    expect(early.earliestAt).toBe("2026-11-23T06:00:00.000Z"); // 14:00 local
  });

  it("[visit-staff-recording, collector-identification] CN-9/CN-10: two collectors with ID, full audio and video recording go with every visit", () => {
    const r = check(P, cn(), { channel: "visit", at: hour(10) });
    const codesOf = r.requirements.map((x) => x.code);
    expect(codesOf).toEqual(expect.arrayContaining(["VISIT_TWO_STAFF_RECORDED", "COLLECTOR_ID"]));
    expect(r.requirements.find((x) => x.code === "VISIT_TWO_STAFF_RECORDED")!.text).toContain("two collectors");
  });

  it("[vulnerable-no-visit, vulnerable-no-visit-notice, calls-daily-vulnerable] policy: a seriously ill debtor gets no visit, no visit notice, and at most one call attempt a day", () => {
    const ill = { flags: { vulnerable: true } };
    expect(codes(check(P, cn([], ill), { channel: "visit", at: hour(10) }))).toContain("HOLD_VULNERABLE_NO_VISIT");
    expect(codes(check(P, cn([], ill), { channel: "letter", at: hour(10), purpose: "visit_notice" }))).toEqual([
      "HOLD_VULNERABLE_NO_VISIT",
    ]);
    expect(check(P, cn([], ill), { channel: "letter", at: hour(10), purpose: "collection" }).allowed).toBe(true);
    const once = [call(hour(9), "no_answer")];
    expect(codes(check(P, cn(once, ill), { channel: "call", at: hour(15) }))).toEqual(["CAP_DAILY_VULNERABLE"]);
    expect(check(P, cn(once), { channel: "call", at: hour(15) }).allowed).toBe(true);
    const reported = cn(once, undefined, [{ type: "vulnerability_reported", on: "2026-11-20" }]);
    expect(check(P, reported, { channel: "call", at: hour(15) }).allowed).toBe(false);
  });
});

// UK notices before a step (CONC 7.9.12R visit notice, CCA s.87 default notice, ss.86B–86D
// arrears notices), what goes with a contact (CONC 7.3, 7.9, 7.15) and limitation or
// prescription: worked cases UK-VIS-*, UK-DN-*, UK-NOSIA-*, UK-LIM-* of the compliance research.
import { describe, expect, it } from "vitest";
import { account, check, codes, contact, type Json, limitation, required } from "../helpers.js";

const P = "uk-conc";
const gb = (contacts: Json[] = [], jurisdiction = "GB-ENG") =>
  account("Europe/London", jurisdiction, "GBP", { contacts });
const letter = (day: string, purpose: string, outcome = "delivered") =>
  contact(`${day}T10:00:00Z`, "letter", outcome, { purpose });
const at = "2026-11-23T10:00:00Z";

describe("uk-conc: notices", () => {
  it("[visit-notice] UK-VIS-1: a visit-purpose letter of 2026-11-20 allows the first visit from 11-27 (policy: 7 days), at 09:00", () => {
    const a = gb([letter("2026-11-20", "visit_notice")]);
    const r = check(P, a, { channel: "visit", at: "2026-11-25T10:00:00Z" });
    expect(codes(r)).toEqual(["VISIT_NOTICE_REQUIRED"]);
    expect(r.reasons[0]!.source).toContain("CONC 7.9.12R");
    expect(r.earliestAt).toBe("2026-11-27T09:00:00.000Z");
    expect(check(P, a, { channel: "visit", at: "2026-11-27T09:00:00Z" }).allowed).toBe(true);
  });

  it("[visit-notice] no notice on record: no visit and no earliest instant; a notice older than 7 + 30 days is stale; a returned letter is no notice", () => {
    expect(check(P, gb(), { channel: "visit", at }).earliestAt).toBeNull();
    expect(check(P, gb([letter("2026-10-10", "visit_notice")]), { channel: "visit", at }).allowed).toBe(false);
    expect(check(P, gb([letter("2026-10-20", "visit_notice")]), { channel: "visit", at }).allowed).toBe(true);
    expect(
      check(P, gb([letter("2026-11-10", "visit_notice", "undeliverable")]), { channel: "visit", at }).allowed,
    ).toBe(false);
  });

  it("[default-notice] UK-DN-1: a default notice sent 11-21 (served 11-23, 2 days' post) allows a letter of claim from 12-07, the 14th day after service", () => {
    const notices = [letter("2026-10-01", "arrears_notice"), letter("2026-11-21", "default_notice")];
    const r = check(P, gb(notices), { channel: "letter", at: "2026-12-06T10:00:00Z", purpose: "letter_of_claim" });
    expect(codes(r)).toEqual(["DEFAULT_NOTICE_REQUIRED"]);
    expect(r.reasons[0]!.source).toContain("s.87(1)");
    expect(r.earliestAt).toBe("2026-12-07T00:00:00.000Z");
    expect(
      check(P, gb(notices), { channel: "letter", at: "2026-12-07T09:00:00Z", purpose: "final_notice" }).allowed,
    ).toBe(true);
  });

  it("[default-notice] without any default notice, a final notice or letter of claim is not sent; an ordinary collection letter is", () => {
    const a = gb([letter("2026-10-01", "arrears_notice")]);
    const r = check(P, a, { channel: "letter", at, purpose: "final_notice" });
    expect(codes(r)).toEqual(["DEFAULT_NOTICE_REQUIRED"]);
    expect(r.earliestAt).toBeNull();
    expect(check(P, a, { channel: "letter", at, purpose: "collection" }).allowed).toBe(true);
  });

  it("[arrears-notice] s.86D: no enforcement while the arrears notices are not kept up: a letter of claim needs one in the last six months (183 days)", () => {
    const dn = letter("2026-11-01", "default_notice");
    const stale = check(P, gb([letter("2026-04-01", "arrears_notice"), dn]), {
      channel: "letter",
      at,
      purpose: "letter_of_claim",
    });
    expect(codes(stale)).toEqual(["ARREARS_NOTICE_REQUIRED"]);
    expect(stale.reasons[0]!.source).toContain("86D");
    expect(codes(check(P, gb([dn]), { channel: "letter", at, purpose: "letter_of_claim" }))).toEqual([
      "ARREARS_NOTICE_REQUIRED",
    ]);
    expect(
      check(P, gb([letter("2026-06-01", "arrears_notice"), dn]), { channel: "letter", at, purpose: "letter_of_claim" })
        .allowed,
    ).toBe(true);
  });
});

describe("uk-conc: what goes with a contact", () => {
  it("[no-pressure] CONC 7.3.10R: collection contacts, arrangements and demands carry the no-pressure rule; a statement does not", () => {
    for (const purpose of ["collection", "reminder", "final_notice", "arrangement", "letter_of_claim"] as const)
      expect(required(check(P, gb(), { channel: "letter", at, purpose })), purpose).toContain("NO_PRESSURE");
    expect(required(check(P, gb(), { channel: "letter", at, purpose: "other" }))).not.toContain("NO_PRESSURE");
  });

  it("[debt-advice-signposting] letters, calls, e-mails and visits about the debt signpost free debt advice; a reminder text does not", () => {
    const r = check(P, gb(), { channel: "letter", at, purpose: "arrears_notice" });
    expect(r.requirements.find((x) => x.code === "DEBT_ADVICE")!.text).toContain("MoneyHelper");
    expect(required(check(P, gb(), { channel: "call", at, purpose: "collection" }))).toContain("DEBT_ADVICE");
    expect(required(check(P, gb(), { channel: "sms", at, purpose: "collection" }))).not.toContain("DEBT_ADVICE");
  });

  it("[forbearance, identify-customer] a collection call carries forbearance and identifying the customer before discussing the debt", () => {
    const call = required(check(P, gb(), { channel: "call", at, purpose: "collection" }));
    expect(call).toEqual(expect.arrayContaining(["FORBEARANCE", "IDENTIFY_CUSTOMER"]));
    const text = required(check(P, gb(), { channel: "sms", at, purpose: "collection" }));
    expect(text).not.toContain("FORBEARANCE");
    expect(text).not.toContain("IDENTIFY_CUSTOMER");
  });

  it("[visit-conduct] a visit comes with its conduct rules (explain the purpose, no entry without consent, leave if vulnerable)", () => {
    const r = check(P, gb([letter("2026-11-10", "visit_notice")]), { channel: "visit", at, purpose: "collection" });
    expect(r.allowed).toBe(true);
    expect(r.requirements.find((x) => x.code === "VISIT_CONDUCT")!.text).toContain("leave");
  });

  it("[arrears-notice-contents] UK-NOSIA-1/2: an arrears notice is in the prescribed form, within 14 days of the trigger, then at most every six months (s.86B) or with the statement (s.86C)", () => {
    const r = check(P, gb(), { channel: "letter", at, purpose: "arrears_notice" });
    const n = r.requirements.find((x) => x.code === "ARREARS_NOTICE_CONTENTS")!;
    expect(n.text).toContain("within 14 days");
    expect(n.source).toContain("86C(2)");
    expect(required(check(P, gb(), { channel: "letter", at, purpose: "collection" }))).not.toContain(
      "ARREARS_NOTICE_CONTENTS",
    );
  });

  it("[statute-barred] collection contacts, final notices and letters of claim carry the CONC 7.15 rule; a hardship offer does not", () => {
    for (const purpose of ["collection", "final_notice", "letter_of_claim"] as const)
      expect(required(check(P, gb(), { channel: "letter", at, purpose })), purpose).toContain("STATUTE_BARRED");
    expect(required(check(P, gb(), { channel: "letter", at, purpose: "hardship_offer" }))).not.toContain(
      "STATUTE_BARRED",
    );
  });
});

describe("uk-conc: limitation and prescription", () => {
  const debt = (
    jurisdiction: string,
    dueDate: string,
    payments: { date: string; amount: string }[] = [],
    events: Json[] = [],
  ) =>
    account("Europe/London", jurisdiction, "GBP", {
      events,
      extra: { delinquency: undefined, dues: [{ dueDate, amount: "500.00" }], payments, openedOn: "2019-01-01" },
    });
  const asOf = "2026-11-23";

  it("[eng-wls-6-years] UK-LIM-1: England, cause of action 2020-11-01: the 6 years ran on 2026-11-01 (Limitation Act 1980 s.5)", () => {
    const s = limitation([P], debt("GB-ENG", "2020-11-01"), asOf)!;
    expect([s.rule, s.endsOn, s.timeBarred, s.countedFrom]).toEqual([
      "uk-conc:eng-wls-6-years",
      "2026-11-01",
      true,
      "default",
    ]);
    expect(s.source).toContain("s.29(5)");
  });

  it("[eng-wls-6-years] UK-LIM-2: a payment after expiry (2026-11-15) does not revive it (s.29(7)); one while it runs, or a written acknowledgment, restarts it", () => {
    const after = limitation([P], debt("GB-ENG", "2020-11-01", [{ date: "2026-11-15", amount: "10.00" }]), asOf)!;
    expect([after.timeBarred, after.countedFrom]).toEqual([true, "default"]);
    const paid = limitation([P], debt("GB-WLS", "2020-11-01", [{ date: "2024-01-10", amount: "10.00" }]), asOf)!;
    expect([paid.endsOn, paid.timeBarred, paid.countedFrom]).toEqual(["2030-01-09", false, "payment"]);
    const ack = limitation(
      [P],
      debt("GB-ENG", "2020-11-01", [], [{ type: "debt_acknowledged", on: "2025-02-01" }]),
      asOf,
    )!;
    expect([ack.timeBarred, ack.countedFrom]).toEqual([false, "acknowledgment"]);
  });

  it("[sct-5-year-prescription] UK-LIM-3: Scotland, due 2021-09-01 with no relevant acknowledgment: prescribed after 5 years (1973 Act s.6)", () => {
    const s = limitation([P], debt("GB-SCT", "2021-09-01"), asOf)!;
    expect([s.rule, s.endsOn, s.timeBarred]).toEqual(["uk-conc:sct-5-year-prescription", "2026-09-01", true]);
    const ni = limitation([P], debt("GB-NIR", "2021-09-01"), asOf);
    expect(ni).toBeNull(); // the profile states it has no Northern Ireland rule
  });
});

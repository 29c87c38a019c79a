// Limitation periods per state as data (12 CFR 1006.26(b): no suit or threat of suit on a
// time-barred debt): worked cases US-S-* of the compliance research.
import { describe, expect, it } from "vitest";
import { account, limitation } from "../helpers.js";

const asOf = "2026-11-23";
const debt = (jurisdiction: string, dueDate: string, payments: { date: string; amount: string }[] = []) =>
  account("America/New_York", jurisdiction, "USD", {
    extra: { delinquency: undefined, dues: [{ dueDate, amount: "500.00" }], payments, openedOn: "2019-01-01" },
  });
const P = ["us-reg-f"];

describe("us-reg-f: limitation", () => {
  it("[us-ny] US-S-1: a New York consumer credit debt in default since 2022-10-15 is time-barred after 3 years (CPLR 214-i)", () => {
    const s = limitation(P, debt("US-NY", "2022-10-15"), asOf)!;
    expect([s.rule, s.endsOn, s.timeBarred, s.countedFrom]).toEqual(["us-reg-f:us-ny", "2025-10-15", true, "default"]);
    expect(s.source).toContain("CPLR 214-i");
  });

  it("[us-ny] US-S-2: a payment after expiry does not revive a New York debt, nor does one before it restart the period", () => {
    const after = limitation(P, debt("US-NY", "2022-10-15", [{ date: "2026-01-10", amount: "10.00" }]), asOf)!;
    expect([after.timeBarred, after.countedFrom]).toEqual([true, "default"]);
    const before = limitation(P, debt("US-NY", "2022-10-15", [{ date: "2024-01-10", amount: "10.00" }]), asOf)!;
    expect([before.timeBarred, before.countedFrom]).toEqual([true, "default"]);
  });

  it("[us-tx] US-S-3: Texas, 4 years from 2022-03-01; a payment after expiry changes nothing (Fin. Code 392.307)", () => {
    const s = limitation(P, debt("US-TX", "2022-03-01", [{ date: "2026-05-01", amount: "10.00" }]), asOf)!;
    expect([s.rule, s.endsOn, s.timeBarred]).toEqual(["us-reg-f:us-tx", "2026-03-01", true]);
  });

  it("[us-il] US-S-4: Illinois credit card, the shorter 5-year (unwritten contract) period: barred on 2026-06-01", () => {
    const s = limitation(P, debt("US-IL", "2021-05-31"), asOf)!;
    expect([s.rule, s.endsOn, s.timeBarred]).toEqual(["us-reg-f:us-il", "2026-05-31", true]);
  });

  it("[us-ca, us-pa, us-fl, us-ma, us-nj, us-dc] each state's period, counted from the day after the oldest unpaid due", () => {
    const want: Record<string, [string, boolean]> = {
      "US-CA": ["2025-01-15", true],
      "US-PA": ["2025-01-15", true],
      "US-FL": ["2026-01-15", true],
      "US-MA": ["2027-01-15", false],
      "US-NJ": ["2027-01-15", false],
      "US-DC": ["2024-01-15", true],
    };
    for (const [j, [endsOn, barred]] of Object.entries(want)) {
      const s = limitation(P, debt(j, "2021-01-15"), asOf)!;
      expect([s.rule, s.endsOn, s.timeBarred], j).toEqual([`us-reg-f:${j.toLowerCase()}`, endsOn, barred]);
    }
  });

  it("[us-default] a state without its own rule (Ohio) gets the conservative 3 years; the state rule wins over it", () => {
    const oh = limitation(P, debt("US-OH", "2023-06-01"), asOf)!;
    expect([oh.rule, oh.endsOn, oh.timeBarred]).toEqual(["us-reg-f:us-default", "2026-06-01", true]);
    const ma = limitation(P, debt("US-MA", "2023-06-01"), asOf)!;
    expect([ma.rule, ma.timeBarred]).toEqual(["us-reg-f:us-ma", false]);
  });
});

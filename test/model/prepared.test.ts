import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Account, parseAccount } from "../../src/index.js";
import {
  CHANNELS,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  CONTACT_TRAIT,
  contactTraits,
  prepareAccount,
  purposeCode,
  TRAITS_TABLE,
  traitsOf,
} from "../../src/model/index.js";
import { parseInstant, parseIsoDate } from "../../src/time/index.js";
import { account, call } from "../contacts/fixtures.js";
import { accountArb } from "../facts/arbitrary.js";

/** The contacts' columns as a plain stable sort of row objects would give them. */
function referenceContacts(a: Account) {
  const rows = a.contacts.map((x, i) => ({ x, i, ms: parseInstant(x.at) })).sort((p, q) => p.ms - q.ms || p.i - q.i);
  const anyPartyId = a.contacts.some((x) => x.partyId !== undefined);
  return {
    ms: rows.map((r) => r.ms),
    index: rows.map((r) => r.i),
    channel: rows.map((r) => CHANNELS.indexOf(r.x.channel)),
    outcome: rows.map((r) => CONTACT_OUTCOMES.indexOf(r.x.outcome)),
    inbound: rows.map((r) => (r.x.direction === "inbound" ? 1 : 0)),
    purpose: rows.map((r) => purposeCode(r.x.purpose)),
    traits: rows.map((r) => contactTraits(r.x.channel, r.x.direction === "inbound", r.x.outcome, r.x.purpose)),
    partyId: anyPartyId ? rows.map((r) => r.x.partyId ?? null) : [],
    promises: rows
      .filter((r) => r.x.promise)
      .map((r) => ({
        index: r.i,
        ms: r.ms,
        dueDay: parseIsoDate(r.x.promise!.dueDate),
        dueDate: r.x.promise!.dueDate,
      })),
    appointments: rows
      .filter((r) => r.x.appointment)
      .map((r) => ({ at: parseInstant(r.x.appointment!.at), madeAt: r.ms, kind: r.x.appointment!.kind })),
  };
}

describe("the prepared view of an account", () => {
  const a = parseAccount(
    account({
      contacts: [
        call("2026-11-03T10:00:00+08:00", "busy"),
        { at: "2026-11-01T10:00:00+08:00", channel: "sms", direction: "inbound", outcome: "delivered" },
        call("2026-11-02T10:00:00+08:00", "right_party"),
        call("2026-11-02T10:00:00+08:00", "no_answer"), // same instant: keeps input order
      ],
      payments: [
        { date: "2026-10-20", amount: "5.00" },
        { date: "2026-10-10", amount: "7.50" },
      ],
    }),
  );

  it("sorts contacts by time (stable) with enum indices and traits", () => {
    const c = prepareAccount(a).contacts;
    expect([...c.index]).toEqual([1, 2, 3, 0]);
    expect([...c.channel].map((i) => CHANNELS[i])).toEqual(["sms", "call", "call", "call"]);
    expect([...c.outcome].map((i) => CONTACT_OUTCOMES[i])).toEqual(["delivered", "right_party", "no_answer", "busy"]);
    expect([...c.inbound]).toEqual([1, 0, 0, 0]);
    expect(c.traits[1]! & CONTACT_TRAIT.RPC).toBe(CONTACT_TRAIT.RPC);
    expect(c.traits[2]! & CONTACT_TRAIT.FAILED).toBe(CONTACT_TRAIT.FAILED);
    expect(c.ms[0]).toBe(Date.UTC(2026, 10, 1, 2));
  });

  it("sorts payments by date in minor units and caches per parsed account", () => {
    const p = prepareAccount(a);
    expect(p.payments.amount).toEqual([750, 500]);
    expect(prepareAccount(a)).toBe(p);
  });

  it("derives its trait table from the schema enums: every combination, by the one definition", () => {
    expect(TRAITS_TABLE.length).toBe(CHANNELS.length * CONTACT_OUTCOMES.length * 4);
    CHANNELS.forEach((ch, ci) =>
      CONTACT_OUTCOMES.forEach((o, oi) => {
        for (const inbound of [0, 1])
          for (const purpose of [undefined, ...CONTACT_PURPOSES]) {
            const notice = purposeCode(purpose) === purposeCode("visit_notice") ? 1 : 0;
            expect(traitsOf(ci, oi, inbound, notice)).toBe(contactTraits(ch, inbound === 1, o, purpose));
          }
      }),
    );
  });

  it("keeps every enum within the 31 values a 32-bit mask can hold", () => {
    expect(CHANNELS.length).toBeLessThanOrEqual(31);
    expect(CONTACT_OUTCOMES.length).toBeLessThanOrEqual(31);
    expect(CONTACT_PURPOSES.length + 1).toBeLessThanOrEqual(31);
  });

  it("property: contacts in time order (ties in input order), every column, promise and appointment as a plain sort gives them", () => {
    const withTies = accountArb.chain((g) =>
      fc
        .record({
          copies: fc.nat(2),
          shuffle: fc.boolean(),
          appointments: fc.array(fc.nat(200), { maxLength: 4 }),
        })
        .map(({ copies, shuffle, appointments }) => {
          const contacts = g.account.contacts as unknown as Record<string, unknown>[];
          // Copies of the contacts make ties; up to 180 contacts takes the large-list sort too.
          let all = contacts.concat(...Array.from({ length: copies }, () => contacts.map((c) => ({ ...c }))));
          if (shuffle) all = all.filter((_, i) => i % 2 === 0).concat(all.filter((_, i) => i % 2 === 1));
          all = all.map((c, i) =>
            appointments.includes(i) ? { ...c, appointment: { at: c.at, kind: i % 2 ? "call" : "visit" } } : c,
          );
          return { ...g.account, contacts: all };
        }),
    );
    fc.assert(
      fc.property(withTies, (input) => {
        const a = parseAccount(input);
        const p = prepareAccount(a);
        const want = referenceContacts(a);
        const c = p.contacts;
        expect(c.length).toBe(a.contacts.length);
        expect([...c.ms]).toEqual(want.ms);
        expect([...c.index]).toEqual(want.index);
        expect([...c.channel]).toEqual(want.channel);
        expect([...c.outcome]).toEqual(want.outcome);
        expect([...c.inbound]).toEqual(want.inbound);
        expect([...c.purpose]).toEqual(want.purpose);
        expect([...c.traits]).toEqual(want.traits);
        expect([...c.partyId]).toEqual(want.partyId);
        expect(p.promises.map(({ index, ms, dueDay, dueDate }) => ({ index, ms, dueDay, dueDate }))).toEqual(
          want.promises,
        );
        expect(p.appointments).toEqual(want.appointments);
        // Payments by date, same-day ones in input order.
        const pay = a.payments
          .map((x, i) => ({ day: parseIsoDate(x.date), i }))
          .sort((q, r) => q.day - r.day || q.i - r.i);
        expect(p.payments.day).toEqual(pay.map((x) => x.day));
      }),
      { numRuns: 150 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summarizeContacts } from "../../src/index.js";
import { RPC_OUTCOMES } from "../../src/model/index.js";
import { localDay, localMinuteOfDay, parseInstant, parseIsoDate, startOfLocalDay } from "../../src/time/index.js";
import { accountArb } from "../facts/arbitrary.js";

const WINDOWS = [1, 7, 30, 90] as const;

describe("summarizeContacts against a direct per-contact reference", () => {
  it("property: window counts, days since and best hour match a slow tz lookup per contact", () => {
    fc.assert(
      fc.property(accountArb, ({ account, asOf }) => {
        const zone = account.timeZone;
        const asOfMs = asOf.length === 10 ? startOfLocalDay(parseIsoDate(asOf) + 1, zone) - 1 : parseInstant(asOf);
        const today = localDay(asOfMs, zone);
        const contacts = (account.contacts ?? []).filter((c) => parseInstant(c.at) <= asOfMs);
        const ageOf = (at: string) => Math.max(0, today - localDay(parseInstant(at), zone));
        const isRpc = (c: (typeof contacts)[number]) =>
          (RPC_OUTCOMES as readonly string[]).includes(c.outcome) ||
          (c.direction === "inbound" && c.outcome !== "third_party" && c.outcome !== "wrong_number");
        const s = summarizeContacts(account, { asOf });
        for (const ch of ["call", "sms", "email", "letter", "visit", "app"] as const) {
          const got = s.attempts[ch];
          const want = WINDOWS.map(
            (w) => contacts.filter((c) => c.channel === ch && c.direction !== "inbound" && ageOf(c.at) < w).length,
          );
          expect([got.today, got.last7Days, got.last30Days, got.last90Days], ch).toEqual(want);
        }
        const rpc = contacts.filter(isRpc);
        expect([
          s.rightPartyContacts.today,
          s.rightPartyContacts.last7Days,
          s.rightPartyContacts.last30Days,
          s.rightPartyContacts.last90Days,
        ]).toEqual(WINDOWS.map((w) => rpc.filter((c) => ageOf(c.at) < w).length));
        const lastRpc = rpc.reduce<number | null>(
          (m, c) => (m === null || parseInstant(c.at) > m ? parseInstant(c.at) : m),
          null,
        );
        expect(s.daysSinceRightPartyContact).toBe(
          lastRpc === null ? null : Math.max(0, today - localDay(lastRpc, zone)),
        );
        const hours = new Array<number>(24).fill(0);
        for (const c of rpc)
          if (ageOf(c.at) < 90) hours[Math.floor(localMinuteOfDay(parseInstant(c.at), zone) / 60)]!++;
        const most = Math.max(...hours);
        expect(s.bestContactHour).toBe(most === 0 ? null : hours.indexOf(most));
      }),
      { numRuns: 150 },
    );
  });
});

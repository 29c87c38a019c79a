/**
 * The scenario book (issue #12): every scenario of cn.ts, us.ts and gb.ts decided with every
 * shipped policy. Two tests per scenario: its fixture (the account is valid and its facts are
 * what the story says) and its decision (what a collections manager and compliance officer
 * expect). A failing decision prints what was decided, by which rule, what was blocked and
 * which rules fired.
 *
 * KNOWN_FAILING lists the decisions the shipped policies do not get right yet, each with why.
 * They run as `it.fails`, so the suite is green while they fail and goes red as soon as one
 * passes: then take it off the list. Fixtures are never on the list.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderScenariosDoc } from "../../docs/gen-scenarios.js";
import { parseAccount } from "../../src/index.js";
import {
  BOOK,
  decideScenario,
  decisionProblems,
  explainDecision,
  factMatches,
  fixtureFacts,
  hasMessageLines,
  isKnownFact,
  SCENARIOS,
  showExpectation,
} from "./book.js";

/** Why the offer scenarios that need a channel other than the post still fail. */
const OFFER_CHANNEL =
  "offers go by letter only (hardship-offer-letter); no app or e-mail channel for a borrower who cannot receive post";
/**
 * Scenarios whose decision (key: the id) or messages (key: `<id> messages`) the shipped policies
 * and templates do not get right yet, with why. They run as `it.fails`: take one off as soon as it
 * passes, or the suite fails. "template" marks message lines waiting for the template rewrite.
 */
const KNOWN_FAILING: Readonly<Record<string, string>> = {
  "CN-EARLY-02 messages": "template: pre-due-reminder does not exist yet",
  "CN-CALL-04":
    "no same-day conversation cap in cn-default: after three conversations today (the last a refusal) sms-reminder still texts the borrower",
  "CN-ARR-02 messages": "template: the call script does not acknowledge the ¥700 paid or state the ¥800 shortfall",
  "CN-ARR-03":
    "a broken plan resumes the ladder at the contract bucket (M6): arrange_visit with a visit notice the same day as the arrangement_broken letter, instead of a call inviting a new plan first",
  "CN-ARR-03 messages":
    "template: the arrangement_broken letter is the generic formal letter (no plan end date 2026-11-10, no new-plan invitation)",
  "CN-HARD-01 messages": "template: the deferral letter does not state the resume date",
  "CN-HARD-02 messages": "template: the deferral letter does not state the resume date",
  "CN-HARD-03 messages": "template: the installment letter does not show the instalment amounts and first date",
  "CN-HARD-05": OFFER_CHANNEL,
  "CN-HARD-06 messages": "template: no condolence line, no resume date in the deferral letter",
  "CN-HARD-07 messages": "template: the settlement letter does not mention 个性化分期",
  "CN-VISIT-01 messages":
    "template: the visit notice names no two collectors and says 多次尝试与您联系未果 after a conversation",
  "CN-VISIT-02 messages": "template: visitor-brief does not exist yet (the visit has no brief for the collectors)",
  "CN-VISIT-03b": "cn-2026 has no visit window (visits allowed 08:00–22:00 like calls): a visit at 21:45 on request",
  "CN-VISIT-04":
    "no rule confirms a plan agreed at a visit in writing: the arrangement is monitored but no letter goes",
  "US-PTP-02 messages": "template: the call script does not acknowledge the $300 paid",
  "US-FINAL-01 messages": "template: final-notice does not exist yet (no charge-off date, no agency line)",
  "US-HARD-01 messages": "template: the deferral letter does not state the resume date",
  "US-HARD-02": OFFER_CHANNEL,
  "US-HARD-03 messages": "template: the installment letter does not show 12 × $400 and the first date",
  "US-SETTLE-01 messages": "template: the settlement letter has no 1099-C line",
  "US-HOLD-02": "hold-cease-contact (US) has no exit: no legal_review or placement_review alongside at 90+ days",
  "US-SOL-01 messages": "template: the recovery letter does not say the debt is too old to sue on",
  "GB-HARD-01 messages": "template: the offer letter does not state the £180 payment and review dates",
  "GB-HARD-02 messages": "template: the deferral letter does not state the resume date",
  "GB-HARD-03":
    "an income-and-expenditure deficit is not read: calls continue instead of hardship_review with a debt-advice signpost",
  "GB-SETTLE-01b":
    "gb-default has no offer_settlement action, so a customer's own written request to settle cannot be answered (CONC 7.3.10R allows it)",
  "GB-BS-02":
    "default-notice fires the day after a breathing space ends (with a visit notice alongside); no post-moratorium wait",
};

describe("the scenario book", () => {
  it("has at least 60 scenarios with unique ids, in CN, US and GB", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    for (const [j, list] of Object.entries(BOOK)) {
      expect(list.length, j).toBeGreaterThan(0);
      for (const s of list) expect(s.id.startsWith(`${j}-`), s.id).toBe(true);
    }
  });

  it("lists as known failing only scenarios that exist, each with a reason", () => {
    const ids = new Set(SCENARIOS.flatMap((s) => (hasMessageLines(s) ? [s.id, `${s.id} messages`] : [s.id])));
    for (const [id, reason] of Object.entries(KNOWN_FAILING)) {
      expect(ids.has(id), `KNOWN_FAILING names ${id}, which is not a scenario`).toBe(true);
      expect(reason.length, id).toBeGreaterThan(10);
    }
  });
});

for (const [jurisdiction, list] of Object.entries(BOOK)) {
  describe(`${jurisdiction} fixtures`, () => {
    for (const s of list) {
      const known = Object.keys(s.facts).filter(isKnownFact);
      const pending = Object.keys(s.facts).filter((k) => !isKnownFact(k));
      it(`${s.id} fixture: a valid account with ${known.join(", ") || "no facts yet"}`, () => {
        expect(() => parseAccount(s.account), `${s.id}: the account must be valid`).not.toThrow();
        const facts = fixtureFacts(s);
        for (const k of known)
          expect(
            factMatches(facts[k], s.facts[k]!),
            `${s.id} fixture: ${k} is ${JSON.stringify(facts[k])}, the story needs ${showExpectation(s.facts[k]!)}`,
          ).toBe(true);
      });
      for (const k of pending)
        it.todo(`${s.id} fixture: ${k} = ${showExpectation(s.facts[k]!)} (fact not in the catalogue yet)`);
    }
  });

  describe(`${jurisdiction} decisions`, () => {
    for (const s of list) {
      const test = Object.hasOwn(KNOWN_FAILING, s.id) ? it.fails : it;
      test(`${s.id} — ${s.story}`, () => {
        const d = decideScenario(s);
        expect(decisionProblems(s, d), explainDecision(s, d)).toEqual([]);
      });
      if (!hasMessageLines(s)) continue;
      const key = `${s.id} messages`;
      const messages = Object.hasOwn(KNOWN_FAILING, key) ? it.fails : it;
      messages(`${key}: the key lines of the rendered messages`, () => {
        const d = decideScenario(s);
        expect(decisionProblems(s, d, "messages"), explainDecision(s, d)).toEqual([]);
      });
    }
  });
}

describe("docs/scenarios.md", () => {
  it("is up to date with the book and the shipped policies (regenerate: npx tsx docs/gen-scenarios.ts)", () => {
    const onDisk = readFileSync(new URL("../../docs/scenarios.md", import.meta.url), "utf8");
    expect(onDisk).toBe(renderScenariosDoc());
  });
});

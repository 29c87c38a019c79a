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
  isKnownFact,
  SCENARIOS,
  showExpectation,
} from "./book.js";

/**
 * Scenarios whose decision the shipped policies do not get right yet, with why (run as
 * `it.fails`: take a scenario off as soon as it passes, or the suite fails).
 */
const NO_GB = "no gb-default policy ships yet: GB accounts are not decided (NO_POLICY_FOR_JURISDICTION)";
const KNOWN_FAILING: Readonly<Record<string, string>> = {
  "CN-EARLY-01": "cn-default sends the early SMS at DPD ≤ 5 whatever the risk; no in_grace_low_risk wait (P3)",
  "CN-EARLY-01b": "the sms-reminder template does not state the due date",
  "CN-EARLY-02": "no send_pre_due_reminder action: every DPD-0 account gets no_action",
  "CN-CALL-01": "call rules pass no stage param (first)",
  "CN-CALL-03":
    "call-borrower stops proposing calls after 2 dials a day, so the cap never shows in blocked; a letter is chosen instead of the follow-up SMS",
  "CN-CALL-03b": "as CN-CALL-03",
  "CN-CALL-04":
    "calls are not proposed after 2 dials, so CAP_CONVERSATIONS_DAILY never shows; a formal letter is sent instead of no_action[daily_conversation_limit]",
  "XCN-LETTER-01": "the formal letter is a fallback (priority 35 < call 40), never alongside the call",
  "CN-PTP-02":
    "any pending promise is activePromise: a ¥1 promise due in 60 days gives await_promise (P1 not modelled)",
  "CN-PTP-03": "no broken_promise stage and the call script does not cite the missed promise",
  "CN-ARR-01":
    "arrangements are not read: the contract DPD (187) sends a visit notice to a borrower on a plan that is on track",
  "CN-ARR-02": "arrangements are not read (visit notice from the contract DPD); no arrangement_check stage",
  "CN-ARR-03": "arrangements are not read (visit notice); no arrangement_broken letter",
  "CN-ARR-04": "a settled account gets no_action[current], not [settled]",
  "CN-HARD-01": "the deferral letter does not state the resume date (2027-02-15)",
  "CN-HARD-02":
    "offer-deferral excludes unemployment (and without fees no waiver fires): a collection call instead of a payment holiday",
  "CN-HARD-03":
    "the installment offer is not sized by min(instalment, 35% income): 12 × ¥1,666.67 is not what the letter says",
  "CN-HARD-04": "an unaffordable installment offer is sent instead of hardship_review (P6)",
  "CN-HARD-05": "offers go by letter only (not app/e-mail), without the resume date or the waived ¥59.60",
  "CN-HARD-06": "the deferral letter has no condolence line and no resume date",
  "CN-HARD-07": "the settlement letter does not mention 个性化分期 as the alternative",
  "CN-UNREACH-01": "skip_trace alone: no letter to the registered address alongside",
  "CN-UNREACH-02": "no third_party_message to the emergency contact; skip_trace every day",
  "CN-UNREACH-02b": "no follow-up letter alongside the skip trace",
  "CN-VISIT-01":
    "no arrange_visit (appointment) step: a bare visit notice (which says 我们多次尝试与您联系未果 after a conversation)",
  "CN-VISIT-02": "an agreed appointment is not used: a new visit notice instead of home_visit at 14:00",
  "CN-VISIT-03": "a visit notice at 21:45 instead of rearranging from 09:00",
  "CN-VISIT-03b": "as CN-VISIT-03",
  "CN-VISIT-04": "await_promise suppresses the letter confirming the agreed plan (no alongside)",
  "CN-VULN-01": "no vulnerable path: offer_settlement fires for a borrower under chemotherapy",
  "CN-HOLD-01": "hold-cease-contact returns hold; cn-2026 allows letters, so a follow-up letter is expected",
  "CN-LEGAL-01": "no send_final_notice alongside legal_review",
  "CN-CO-01": "legal-review (priority 70) outranks write-off at M7+; no agency_placement or skip_trace alongside",
  "CN-HOLIDAY-01": "cn-2026 has no holiday calendar: a call on Chinese New Year's day",
  "CN-JURIS-01": "the not-applicable message names the jurisdiction mismatch only, not the currency (CNY ≠ USD)",
  "US-EARLY-01": "no send_pre_due_reminder action: every DPD-0 account gets no_action",
  "US-EARLY-02": "us-default sends the early SMS at DPD 1–5 whatever the risk (P3)",
  "US-CALL-01": "call rules pass no stage param (first)",
  "US-TZ-02b": "borrower.otherTimeZones is not read by the guardrails: a call at 21:30 in New York",
  "US-REGF-01": "an SMS (priority 30) is chosen; the oracle wants the e-mail reminder after seven calls",
  "US-REGF-03": "a formal letter is chosen instead of an e-mail or SMS during the quiet period",
  "US-PTP-02": "no follow_up stage; the call script does not acknowledge the $300 paid",
  "US-LETTER-01": "formal letters carry no stage param (first)",
  "US-FINAL-01": "a home-visit notice for a US card at DPD 150 instead of a final notice before charge-off",
  "US-HARD-01": "offer-deferral excludes unemployment: a fee waiver instead of a payment holiday",
  "US-HARD-02": "offers go by letter only, without the resume date",
  "US-HARD-03": "the installment offer is not capped at the contract instalment: 6 × $800 instead of 12 × $400",
  "US-SETTLE-01": "the settlement letter has no 1099-C line",
  "US-NOVISIT-01": "visit-eligible sends a home-visit notice for a US unsecured loan (P12: placement_review)",
  "US-UNREACH-01": "skip_trace alone: no letter to the last known address alongside",
  "US-HOLD-01b": "the ladder sends a charged-off account to write_off_review again instead of resuming collection",
  "US-HOLD-02": "no legal_review alongside the cease hold",
  "US-ATTY-01": "no attorney hold rule: a visit notice goes to a represented borrower",
  "US-SCRA-01": "no servicemember_review: legal_review for an active-duty servicemember",
  "US-SOL-01": "no limitation period in us-reg-f and no recovery ladder: write_off_review for a time-barred NY debt",
  "US-HOLIDAY-01": "us-reg-f has no holiday calendar: a call on Thanksgiving",
  "US-CO-01": "no agency_placement alongside the write-off review",
  "US-CO-02": "no agency_recall or placement_review: write_off_review for an expired placement",
  "US-CO-03": "arrangements are not read: write_off_review for a recovery plan on track",
  "GB-EARLY-01": NO_GB,
  "GB-CALL-01": NO_GB,
  "GB-CALL-01b": NO_GB,
  "GB-CALL-01c": NO_GB,
  "GB-NOSIA-01": NO_GB,
  "GB-PTP-01": NO_GB,
  "GB-CEASE-01": NO_GB,
  "GB-HARD-01": NO_GB,
  "GB-HARD-02": NO_GB,
  "GB-HARD-03": NO_GB,
  "GB-SETTLE-01": NO_GB,
  "GB-SETTLE-01b": NO_GB,
  "GB-VULN-01": NO_GB,
  "GB-BS-01": NO_GB,
  "GB-BS-02": NO_GB,
  "GB-MHCM-01": NO_GB,
  "GB-MHCM-01b": NO_GB,
  "GB-COMPLAINT-01": NO_GB,
  "GB-VISIT-01": NO_GB,
  "GB-VISIT-01b": NO_GB,
  "GB-VISIT-01c": NO_GB,
  "GB-UNREACH-01": NO_GB,
  "GB-DN-01": NO_GB,
  "GB-LEGAL-01": NO_GB,
  "GB-LEGAL-01b": NO_GB,
  "GB-DECEASED-01": NO_GB,
  "GB-ARR-01": NO_GB,
  "GB-CO-01": NO_GB,
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
    const ids = new Set(SCENARIOS.map((s) => s.id));
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
    }
  });
}

describe("docs/scenarios.md", () => {
  it("is up to date with the book and the shipped policies (regenerate: npx tsx docs/gen-scenarios.ts)", () => {
    const onDisk = readFileSync(new URL("../../docs/scenarios.md", import.meta.url), "utf8");
    expect(onDisk).toBe(renderScenariosDoc());
  });
});

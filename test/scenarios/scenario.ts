/**
 * The shape of one scenario of the book (issue #12): a realistic account, the instant it is
 * decided at, the facts its story relies on, and what an experienced collections manager and
 * compliance officer expect the decision to be. Written from /work/notes/scenario-oracle.md in
 * the action vocabulary of the shipped policies (see docs/scenarios.md); never a restatement of
 * what the current policy happens to do.
 */
import type { AccountInput, Channel, DecideOptions } from "../../src/index.js";

export type Jurisdiction = "CN" | "US" | "GB";

/** A fact value as `deriveFacts` gives it. */
export type FactValue = number | boolean | string | null;

/** An exact fact value, or a bound for a number. */
export type FactExpectation = FactValue | { readonly atLeast: number } | { readonly atMost: number };

/** A message line: a substring, or a pattern. */
export type Line = string | RegExp;

/** Lines the rendered message (`body` and `subject`) must and must not contain. */
export interface Lines {
  readonly must?: readonly Line[];
  readonly mustNot?: readonly Line[];
}

/** An expected action: only the fields given are checked. */
export interface ActionSpec {
  readonly type: string;
  /** `null` for an action that contacts no one. */
  readonly channel?: Channel | null;
  /** A subset of `action.params` (`stage`, `reason` …). */
  readonly params?: Readonly<Record<string, unknown>>;
  readonly party?: "borrower" | "emergency_contact" | "third_party";
  /** `"now"` (= the scenario's asOf) or an ISO instant with offset; compared as instants. */
  readonly earliestAt?: "now" | string;
  /** The best time to make the contact (ISO instant with offset). */
  readonly suggestedAt?: string;
  readonly message?: Lines;
}

/** A candidate the guardrails (or opt-outs and holds) must have blocked. */
export interface BlockedSpec {
  readonly type: string;
  /** Reason codes that must all be among the blocked entry's reasons. */
  readonly codes?: readonly string[];
  /** When it next becomes lawful (ISO instant with offset), or null for never. */
  readonly earliestAt?: string | null;
}

/** A hold the decision must report. */
export interface HoldSpec {
  readonly status: string;
  readonly reviewOn?: string | null;
}

/** What the decision must be. */
export interface Expectation {
  /** The deciding policy's id; default the jurisdiction's (`cn-default`, `us-default`, `gb-default`). */
  readonly policy?: string | null;
  /** A `notApplicable.code` the decision must carry (then nothing else about policy is checked) … */
  readonly notApplicable?: string;
  /** … and what its message must name. */
  readonly notApplicableMentions?: readonly Line[];
  /** The primary action; absent when the oracle leaves it open and only the other checks matter. */
  readonly action?: ActionSpec;
  /** Alternatives the oracle accepts as equally right (e.g. `no_action` with a given reason). */
  readonly or?: readonly ActionSpec[];
  /** Actions that must go alongside the primary one: a type, or a spec checked like the primary. */
  readonly alongside?: readonly (string | ActionSpec)[];
  readonly blocked?: readonly BlockedSpec[];
  /**
   * Contacts put off until a later instant: each is either the primary action with that
   * `earliestAt` or blocked until then (with those codes), whichever the policy's
   * `maxDelayHours` makes it.
   */
  readonly deferred?: readonly BlockedSpec[];
  /** Lines every rendered message of the decision (primary and alongside) must and must not contain. */
  readonly messages?: Lines;
  /** Action types that must be neither the primary action nor alongside it. */
  readonly never?: readonly string[];
  readonly holds?: readonly HoldSpec[];
}

/** One scenario of the book. */
export interface Scenario {
  /** `CN-VISIT-02`; a variant adds a letter (`CN-VISIT-01b`). */
  readonly id: string;
  /** The account's story in one sentence. */
  readonly story: string;
  /** The evaluation instant (ISO with offset). */
  readonly asOf: string;
  /** The account JSON (valid for `parseAccount`). */
  readonly account: AccountInput;
  /**
   * The 1–3 facts the story relies on, checked on their own so a broken fixture is told apart
   * from a wrong decision. A fact not in the catalogue yet is reported as a todo until it exists.
   */
  readonly facts: Readonly<Record<string, FactExpectation>>;
  readonly expect: Expectation;
  /** Why this is the right answer: the rule or prudent default (P1–P16 of the oracle). */
  readonly why: string;
  /** Where it comes from: regulation, guideline, seed article. */
  readonly source: string;
  /** Facts, fields, actions or templates the scenario needs that do not exist yet in the library. */
  readonly needs?: readonly string[];
  /** Decide with this shipped policy alone instead of every shipped policy routed by jurisdiction. */
  readonly policyId?: string;
  /** Extra decide options (never `asOf`: that is the scenario's). */
  readonly options?: Omit<DecideOptions, "asOf">;
}

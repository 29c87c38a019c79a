import type { Facts } from "../facts/catalog.js";
import type { ContactRequirement } from "../guardrails/check.js";
import type { LimitationStatus } from "../guardrails/limitation.js";
import type { AccountWarning, AmountsByComponent } from "../model/index.js";
import type { Channel } from "../model/schema.js";
import type { TraceEntry } from "../rules/index.js";
import type { ScoreResult } from "../scoring/index.js";

export type { ContactRequirement, LimitationStatus, TraceEntry };

/** A blocked candidate: an action the rules wanted that a guardrail (or opt-out/hold) forbade. */
export interface BlockedAction {
  type: string;
  rule: string;
  reasons: { code: string; message: string; source?: string }[];
  /** When this action next becomes lawful, if ever (ISO instant). */
  earliestAt: string | null;
  /** It was to go alongside the primary action. */
  alongside?: true;
}

/** The recommended action. */
export interface DecidedAction {
  type: string;
  channel: Channel | null;
  /** Who it addresses: the borrower, an emergency contact or another third party. */
  party: "borrower" | "emergency_contact" | "third_party";
  /** For party `emergency_contact`: which one (an `id` of `borrower.emergencyContacts`), chosen in the borrower's order among those the guardrails allow. */
  partyId?: string;
  /** Name of the rule whose event chose it. */
  rule: string;
  /** Earliest lawful instant at or after `asOf` (ISO, UTC). */
  earliestAt: string;
  /**
   * For a call or SMS: the best lawful time within a day of `earliestAt` (never before it), from
   * the hours this borrower answers (see the `contactTimePrior` option).
   */
  suggestedAt?: string;
  /** Whether the action contacts someone. */
  contact: boolean;
  params: Record<string, unknown>;
  /** What the contact must come with under the applicable profiles (recording, two staff, disclosures). */
  requirements?: ContactRequirement[];
  /** Actions that go with this one (a notice beside a call), each checked against the guardrails. */
  alongside?: DecidedAction[];
  offer?: unknown;
  message?: unknown;
  template?: string;
}

/** A hold or status in force at `asOf`: why, since when, what ends it and when to look again. */
export interface DecisionHold {
  status: string;
  /** First day (ISO date); null when only a flag says so. */
  since: string | null;
  /** What opened it: `event:dispute_received`, `contact:dispute`, `flag:ceaseContact`. */
  openedBy: string;
  /** What ends it: an event, a date, or the lender clearing a flag. */
  endsWith: string;
  /** The first day it no longer holds, when known (a breathing space's end + 1); null while waiting for an event. */
  reviewOn: string | null;
}

/** Why a policy did not decide an account. */
export type NotApplicableCode =
  | "JURISDICTION_UNKNOWN"
  | "JURISDICTION_MISMATCH"
  | "CURRENCY_MISMATCH"
  | "NO_GUARDRAILS"
  | "NO_POLICY_FOR_JURISDICTION";

/** A policy (or router) that does not apply to the account, with the reason. */
export interface NotApplicable {
  code: NotApplicableCode;
  message: string;
}

/** What `decide` returns. Plain JSON: `JSON.stringify` gives the same bytes for the same input. */
export interface Decision {
  accountId: string;
  asOf: string;
  /** The policy that decided (null when a router found none for the account). */
  policy: { id: string; version: string } | null;
  variant?: string;
  /** The account's jurisdiction (null when it has none). */
  jurisdiction: string | null;
  /** Set when no policy applies to the account: nothing was decided, and this says why. */
  notApplicable?: NotApplicable;
  /** The guardrail profiles applied (those of the policy covering the jurisdiction), in order. */
  guardrails: { id: string; version: string }[];
  /** Facts the rules read (empty when not applicable). */
  facts: Facts;
  /** Exact amounts (decimal strings) for offers and messages; facts carry rounded numbers. */
  amounts: {
    currency: string;
    overdue: AmountsByComponent;
    outstanding: AmountsByComponent;
    oldestUnpaidDueDate: string | null;
  };
  /** Scores (null when not applicable). */
  scores: { risk: ScoreResult; hardship: ScoreResult; segment: string | null; priority: number } | null;
  /**
   * The recommended action. When not applicable: the policy's fallback (a router's: its first
   * policy's), never a contact, with rule `(not applicable)`.
   */
  action: DecidedAction;
  blocked: BlockedAction[];
  /** Holds and statuses in force at `asOf`, most binding first. */
  holds: DecisionHold[];
  /** The limitation period of the jurisdiction, when a profile sets one and the account is in arrears. */
  limitation: LimitationStatus | null;
  /** True when every contact candidate was blocked; `nextContactAt` says when contact is next lawful. */
  allContactsBlocked: boolean;
  nextContactAt: string | null;
  trace: TraceEntry[];
  /**
   * The contacts and payments lenient parsing set aside (`decide(…, { lenient: true })`, or an
   * account from `parseAccount(…, { lenient: true })`), by their path in the input. Absent when none.
   */
  warnings?: AccountWarning[];
}

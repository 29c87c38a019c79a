import type { Facts } from "../facts/catalog.js";
import type { AmountsByComponent } from "../model/index.js";
import type { Channel } from "../model/schema.js";
import type { TraceEntry } from "../rules/index.js";
import type { ScoreResult } from "../scoring/index.js";

export type { TraceEntry };

/** A blocked candidate: an action the rules wanted that a guardrail (or opt-out/hold) forbade. */
export interface BlockedAction {
  type: string;
  rule: string;
  reasons: { code: string; message: string; source?: string }[];
  /** When this action next becomes lawful, if ever (ISO instant). */
  earliestAt: string | null;
}

/** The recommended action. */
export interface DecidedAction {
  type: string;
  channel: Channel | null;
  /** Name of the rule whose event chose it. */
  rule: string;
  /** Earliest lawful instant at or after `asOf` (ISO, UTC). */
  earliestAt: string;
  /** Whether the action contacts the borrower. */
  contact: boolean;
  params: Record<string, unknown>;
  offer?: unknown;
  message?: unknown;
  template?: string;
}

/** What `decide` returns. Plain JSON: `JSON.stringify` gives the same bytes for the same input. */
export interface Decision {
  accountId: string;
  asOf: string;
  policy: { id: string; version: string };
  variant?: string;
  facts: Facts;
  /** Exact amounts (decimal strings) for offers and messages; facts carry rounded numbers. */
  amounts: {
    currency: string;
    overdue: AmountsByComponent;
    outstanding: AmountsByComponent;
    oldestUnpaidDueDate: string | null;
  };
  scores: { risk: ScoreResult; hardship: ScoreResult; segment: string | null; priority: number };
  action: DecidedAction;
  blocked: BlockedAction[];
  /** True when every contact candidate was blocked; `nextContactAt` says when contact is next lawful. */
  allContactsBlocked: boolean;
  nextContactAt: string | null;
  trace: TraceEntry[];
}

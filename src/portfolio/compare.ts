import * as z from "zod";
import { decide } from "../decision/decide.js";
import type { Decision } from "../decision/decision.js";
import { ArrearsError, ownField, readInput } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import { safeParseAccount } from "../model/account.js";
import { InstantSchema } from "../model/schema.js";
import type { PolicyLike } from "./batch.js";

/** Options of {@link comparePolicies}. */
export interface ComparePoliciesOptions {
  /** Evaluation instant for both policies (ISO with offset). */
  asOf: string;
  /** Account ids kept per cell of the matrix, first come first kept (default 3). */
  examplesPerCell?: number;
}

/** One cell of the transition matrix: accounts whose action went from `from` (A) to `to` (B). */
interface TransitionCell {
  from: string;
  to: string;
  count: number;
  /** Up to `examplesPerCell` account ids, in input order. */
  examples: string[];
}

/** What {@link comparePolicies} returns. */
export interface PolicyComparison {
  policies: { a: { id: string; version: string } | null; b: { id: string; version: string } | null };
  /** Accounts decided under both policies. */
  total: number;
  /** Accounts whose action type differs between A and B. */
  changed: number;
  /** `changed / total` (0 when nothing was decided). */
  changedShare: number;
  /** Every action seen under A or B, in name order (rows and columns of `counts`). */
  actions: string[];
  /** `counts[i][j]`: accounts with action `actions[i]` under A and `actions[j]` under B. */
  counts: number[][];
  /** Non-empty cells, most frequent first. */
  cells: TransitionCell[];
  /** Per action: accounts with it under A and under B. */
  byAction: { action: string; a: number; b: number }[];
  /** Accounts that could not be decided (invalid), with their ids when known. */
  errors: { count: number; examples: { accountId: string | null; index: number; message: string }[] };
}

const OptionsSchema = z.strictObject({
  asOf: InstantSchema,
  examplesPerCell: z.number().int().min(0).max(1000).optional(),
});

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function isIterable(x: unknown): x is Iterable<unknown> {
  try {
    return typeof x === "object" && x !== null && typeof (x as Iterable<unknown>)[Symbol.iterator] === "function";
  } catch {
    return false; // a getter or proxy trap that throws
  }
}

/**
 * What would change if policy B replaced policy A: decides every account under both (each
 * account parsed once) and returns the action transition matrix with counts and example ids
 * per cell, the totals and the share of accounts whose action changes. Single pass over
 * `accounts` (any iterable); memory grows with distinct actions, not accounts.
 *
 * @throws {ArrearsError} `INVALID_OPTIONS` for a bad `asOf` or `examplesPerCell`.
 *
 * @example
 * const diff = comparePolicies(current, proposed, accounts, { asOf: "2026-11-23T10:00:00+08:00" });
 * diff.changedShare; // 0.12
 * diff.cells[0];     // { from: "send_sms", to: "call_borrower", count: 240, examples: ["A7", "A19", "A33"] }
 */
export function comparePolicies(
  a: PolicyLike,
  b: PolicyLike,
  accounts: Iterable<unknown>,
  options: ComparePoliciesOptions,
): PolicyComparison {
  const o = parseOptions(OptionsSchema, options, "comparePolicies options");
  const keep = o.examplesPerCell ?? 3;
  const opts = { asOf: o.asOf };
  const cells = new Map<string, TransitionCell>();
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  const errorExamples: PolicyComparison["errors"]["examples"] = [];
  let errors = 0;
  let total = 0;
  let changed = 0;
  let pa: PolicyComparison["policies"]["a"] = null;
  let pb: PolicyComparison["policies"]["b"] = null;
  let index = -1;

  if (!isIterable(accounts))
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: ["accounts"], message: "expected an iterable of accounts", received: accounts }],
      "comparePolicies",
    );
  // The caller's iterable is read through readInput: a getter or a proxy in it ends the
  // comparison with an ArrearsError, never the caller's exception.
  const iterator = readInput("INVALID_INPUT", "comparePolicies accounts", () => accounts[Symbol.iterator]());
  for (;;) {
    const step = readInput("INVALID_INPUT", "comparePolicies accounts", () => iterator.next());
    if (step.done) break;
    const input: unknown = step.value;
    index++;
    let da: Decision, db: Decision;
    try {
      // An account that cannot even be read (a getter, a proxy) is an error entry like any other.
      const parsed = readInput("INVALID_ACCOUNT", "account", () => safeParseAccount(input));
      if (!parsed.success) throw parsed.error;
      da = decide(a, parsed.data, opts);
      db = decide(b, parsed.data, opts);
    } catch (e) {
      if (!(e instanceof ArrearsError)) throw e;
      errors++;
      if (errorExamples.length < 10) {
        const id = ownField(input, "id");
        errorExamples.push({
          accountId: typeof id === "string" && id.length <= 128 ? id : null,
          index,
          message: e.message,
        });
      }
      continue;
    }
    pa ??= da.policy;
    pb ??= db.policy;
    total++;
    const from = da.action.type;
    const to = db.action.type;
    if (from !== to) changed++;
    countA.set(from, (countA.get(from) ?? 0) + 1);
    countB.set(to, (countB.get(to) ?? 0) + 1);
    const key = from + "\u0000" + to;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { from, to, count: 0, examples: [] }));
    cell.count++;
    if (cell.examples.length < keep) cell.examples.push(da.accountId);
  }

  const actions = [...new Set([...countA.keys(), ...countB.keys()])].sort(byName);
  const pos = new Map(actions.map((x, i) => [x, i]));
  const counts = actions.map(() => actions.map(() => 0));
  for (const c of cells.values()) counts[pos.get(c.from)!]![pos.get(c.to)!] = c.count;
  return {
    policies: { a: pa, b: pb },
    total,
    changed,
    changedShare: total === 0 ? 0 : changed / total,
    actions,
    counts,
    cells: [...cells.values()].sort((x, y) => y.count - x.count || byName(x.from, y.from) || byName(x.to, y.to)),
    byAction: actions.map((x) => ({ action: x, a: countA.get(x) ?? 0, b: countB.get(x) ?? 0 })),
    errors: { count: errors, examples: errorExamples },
  };
}

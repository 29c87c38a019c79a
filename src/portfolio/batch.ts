import { type DecideOptions, decide } from "../decision/decide.js";
import type { Decision } from "../decision/decision.js";
import { DecideOptionsSchema } from "../decision/options.js";
import {
  ArrearsError,
  type ArrearsErrorCode,
  type ArrearsIssue,
  asArrearsError,
  ownField,
  readInput,
} from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import { parseTransient } from "../model/account.js";

/** A compiled policy, as `decide` takes it. */
export type PolicyLike = Parameters<typeof decide>[0];

/** What a batch yields for an account it could not decide (the batch goes on). */
export interface DecisionError {
  /** The account's `id` when it had a string one, else null. */
  accountId: string | null;
  /** 0-based position of the account in the input. */
  index: number;
  error: { code: ArrearsErrorCode; message: string; issues: ArrearsIssue[] };
}

/** One item of a batch: a decision or an error entry. */
export type BatchItem = Decision | DecisionError;

/** Options of {@link decideMany}: those of `decide` (one `asOf` for the whole batch). */
export type DecideManyOptions = DecideOptions;

/**
 * True when a batch item is an error entry rather than a decision.
 *
 * @example
 * for (const item of decideMany(policy, accounts, { asOf })) if (isDecisionError(item)) log(item.error.message);
 */
export function isDecisionError(item: BatchItem): item is DecisionError {
  // Read as data: a getter or proxy on a hand-made item runs no code here.
  return ownField(item, "error") !== undefined && ownField(item, "action") === undefined;
}

/** @internal validates batch options once, before the first account: the same as `decide`'s. */
export function checkBatchOptions(options: unknown, fn: string): void {
  parseOptions(DecideOptionsSchema, options, `${fn} options`);
}

/**
 * One account → decision or error entry (what `decideMany` and each worker of `arrears/parallel`
 * run). Whatever goes wrong with one account becomes its error entry (an unexpected failure as
 * `INTERNAL`, with no data from the account) and the batch goes on. @internal
 */
export function decideOne(policy: PolicyLike, input: unknown, index: number, options: DecideOptions): BatchItem {
  try {
    const parsed = readInput("INVALID_ACCOUNT", "account", () => parseTransient(input, options.lenient === true));
    if (!parsed.success) return errorEntry(input, index, parsed.error);
    return decide(policy, parsed.data, options);
  } catch (e) {
    return errorEntry(input, index, asArrearsError(e));
  }
}

function errorEntry(input: unknown, index: number, e: ArrearsError): DecisionError {
  const id = ownField(input, "id"); // no getter runs, a revoked proxy gives undefined
  return {
    accountId: typeof id === "string" && id.length <= 128 ? id : null,
    index,
    error: { code: e.code, message: e.message, issues: e.issues },
  };
}

// A source whose Symbol.iterator getter or proxy trap throws is no source (INVALID_INPUT).
function isAsyncIterable(x: unknown): x is AsyncIterable<unknown> {
  try {
    return (
      typeof x === "object" && x !== null && typeof (x as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function"
    );
  } catch {
    return false;
  }
}
function isIterable(x: unknown): x is Iterable<unknown> {
  try {
    return typeof x === "object" && x !== null && typeof (x as Iterable<unknown>)[Symbol.iterator] === "function";
  } catch {
    return false;
  }
}

/**
 * Decides a stream of accounts lazily: one decision (or error entry) per account, in input
 * order, holding nothing between items, so memory stays flat for millions of accounts. An
 * invalid account yields `{accountId, index, error: {code, message, issues}}` and the batch goes on.
 *
 * A sync iterable (array, generator) gives a sync generator; an async iterable (a stream of
 * parsed CSV or JSON lines) gives an async generator.
 *
 * @throws {ArrearsError} `INVALID_OPTIONS` at once (not lazily) when `asOf` is missing or malformed.
 *
 * @example
 * for (const d of decideMany(policy, accounts, { asOf: "2026-11-23T10:00:00+08:00" })) {
 *   if (isDecisionError(d)) console.warn(d.accountId, d.error.message);
 *   else queue.push(d);
 * }
 */
export function decideMany(
  policy: PolicyLike,
  accounts: Iterable<unknown>,
  options: DecideManyOptions,
): Generator<BatchItem, void, undefined>;
export function decideMany(
  policy: PolicyLike,
  accounts: AsyncIterable<unknown>,
  options: DecideManyOptions,
): AsyncGenerator<BatchItem, void, undefined>;
export function decideMany(
  policy: PolicyLike,
  accounts: Iterable<unknown> | AsyncIterable<unknown>,
  options: DecideManyOptions,
): Generator<BatchItem, void, undefined> | AsyncGenerator<BatchItem, void, undefined> {
  checkBatchOptions(options, "decideMany");
  if (isIterable(accounts)) return syncBatch(policy, accounts, options);
  if (isAsyncIterable(accounts)) return asyncBatch(policy, accounts, options);
  throw new ArrearsError(
    "INVALID_INPUT",
    [{ path: ["accounts"], message: "expected an iterable or async iterable of accounts", received: accounts }],
    "decideMany",
  );
}

/**
 * Like {@link decideMany}, always as an async generator (accepts sync or async sources).
 *
 * @example
 * for await (const d of decideManyAsync(policy, readJsonLines(file), { asOf })) write(d);
 */
export function decideManyAsync(
  policy: PolicyLike,
  accounts: Iterable<unknown> | AsyncIterable<unknown>,
  options: DecideManyOptions,
): AsyncGenerator<BatchItem, void, undefined> {
  checkBatchOptions(options, "decideManyAsync");
  if (!isIterable(accounts) && !isAsyncIterable(accounts))
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: ["accounts"], message: "expected an iterable or async iterable of accounts", received: accounts }],
      "decideManyAsync",
    );
  return asyncBatch(policy, accounts, options);
}

function* syncBatch(
  policy: PolicyLike,
  accounts: Iterable<unknown>,
  options: DecideOptions,
): Generator<BatchItem, void, undefined> {
  let i = 0;
  for (const a of accounts) yield decideOne(policy, a, i++, options);
}

async function* asyncBatch(
  policy: PolicyLike,
  accounts: Iterable<unknown> | AsyncIterable<unknown>,
  options: DecideOptions,
): AsyncGenerator<BatchItem, void, undefined> {
  let i = 0;
  for await (const a of accounts) yield decideOne(policy, a, i++, options);
}

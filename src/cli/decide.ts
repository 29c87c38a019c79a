/** `arrears decide` (a stream of decisions) and `arrears diff` (what changes between two policies). */
import type { Decision, PolicyRouter } from "../decision/index.js";
import { type ChunkResult, decideRecord, type RecordError, runChunk } from "../parallel/chunk.js";
import { openPool } from "../parallel/pool.js";
import {
  type BatchItem,
  comparePolicies,
  isDecisionError,
  type PolicyComparison,
  type PortfolioSummary,
  summarizePortfolio,
} from "../portfolio/index.js";
import { portfolioSummarizer } from "../portfolio/summary.js";
import type { Policy } from "../rules/index.js";
import { asOfOption, countOption, EXIT, formatOption, parse } from "./args.js";
import {
  type AccountRecord,
  inputFormatOf,
  loadPolicyArg,
  policyName,
  policyOrShipped,
  policySourceArg,
  readAccounts,
  readAccountsSync,
  readJsonLinesBlocks,
  readJsonLinesRaw,
  shardOption,
  UsageError,
} from "./inputs.js";
import { type CliIo, print, writeLent, writeLine, writeText } from "./io.js";
import { table, truncate, wrap } from "./text.js";

export const DECIDE_USAGE = `usage: arrears decide [<policy>] <accounts> --as-of <instant|now> [options]

Decides every account of a file (accounts.jsonl: one account JSON per line; accounts.csv: the flat
layout of examples/data/accounts.csv; accounts.json: an array; - : JSON Lines on standard input),
streaming: one JSON line per account on stdout, a decision or {"accountId", "index", "line",
"error": {code, message, issues}} for an account that could not be decided. The policy is a JSON
file or a shipped id (us-default, cn-default, gb-default); without one, each account is decided by
the shipped policy of its jurisdiction (a decision with notApplicable when none covers it).

  --as-of <instant>        evaluation instant with offset (2026-11-23T10:00:00+08:00); "now" reads
                           the clock. Required: the same input and --as-of give the same output
  --format jsonl|table     decisions as JSON Lines (default) or a summary: accounts by action and
                           bucket, exposure, blocked contacts, errors (fits 100 columns)
  --input-format <f>       jsonl, csv or json (default: from the extension)
  --trace all              trace every rule (default: the rules that fired)
  --no-render              leave out rendered messages
  --lenient                set invalid contacts and payments aside (and keep a contact logged as a
                           promise without its promise) instead of rejecting the account; each
                           decision lists what was set aside in "warnings"
  --threads <n>            decide on n worker threads (default 1: this thread); the output is the
                           same, in the same order, for any n
  --shard <k>/<n>          decide only the records whose index is k modulo n (0 <= k < n): run n
                           processes, one per core, with 0/n … n-1/n; their outputs interleaved
                           line by line in shard order are this command's output without --shard
                           (paste -d '\\n' out0 out1 … | sed '/^$/d')
  --quiet                  no progress or summary on stderr

exit 0: every account decided · 1: invalid policy or file · 2: bad usage · 3: some accounts
could not be decided (their error lines say why)`;

export const DIFF_USAGE = `usage: arrears diff <policyA> <policyB> <accounts> --as-of <instant|now> [options]

Decides every account under both policies and reports what would change if B replaced A: the
action transition matrix with example accounts per cell, counts per action, the share changed.

  --as-of <instant>      evaluation instant with offset, or now (required)
  --format json|table    the comparison as one JSON line (default) or a readable summary
  --input-format <f>     jsonl, csv or json (default: from the extension)
  --examples <n>         example account ids kept per transition (default 3)
  --quiet                no progress on stderr

exit 0 · 1: invalid policy or file · 2: bad usage · 3: some accounts could not be decided`;

/** A decision, or the error entry of an account that could not be read or decided. */
type Item = BatchItem | RecordError;

interface Options {
  asOf: string;
  trace?: "fired" | "all";
  render?: boolean;
  lenient?: true;
}

// The same function as the workers of --threads run, so that any number of threads gives the
// same bytes.
function decideAccountRecord(policy: Policy | PolicyRouter, rec: AccountRecord, options: Options): Item {
  return "error" in rec
    ? decideRecord(policy, null, rec.index, rec.line, rec.error, options)
    : decideRecord(policy, rec.value, rec.index, rec.line, null, options);
}

/** A chunk's item positions in order, each with whether it is an error entry (known by position). */
function eachItem(c: ChunkResult, f: (i: number, bad: boolean) => void): void {
  let e = 0;
  for (let i = 0; i < c.count; i++) {
    const bad = c.errors[e] === i;
    if (bad) e++;
    f(i, bad);
  }
}

/** Progress on stderr, at most every 2 s, for runs long enough to need it. */
class Progress {
  private readonly start: number;
  private last: number;
  n = 0;
  errors = 0;
  constructor(
    private readonly io: CliIo,
    private readonly quiet: boolean,
    /** Whether errors are known while reading (decide) or only at the end (diff: the comparison counts them). */
    private readonly countsErrors = true,
  ) {
    this.start = this.last = io.now();
  }
  tick(error: boolean): void {
    this.n++;
    if (error) this.errors++;
    if (this.quiet || (this.n & 1023) !== 0) return;
    const t = this.io.now();
    if (t - this.last < 2000) return;
    this.last = t;
    this.io.stderr.write(`arrears: ${this.line(t)}\n`);
  }
  /** A chunk's items, in order. */
  chunk(c: ChunkResult): void {
    eachItem(c, (_, bad) => this.tick(bad));
  }
  private line(t: number): string {
    const rate = Math.round(this.n / Math.max((t - this.start) / 1000, 0.001));
    const errors = this.countsErrors ? `, ${this.errors.toLocaleString("en-US")} error(s)` : "";
    return `${this.n.toLocaleString("en-US")} accounts${errors}, ${rate.toLocaleString("en-US")}/s`;
  }
  done(what: string): void {
    if (this.quiet) return;
    const t = this.io.now();
    this.io.stderr.write(`arrears: ${what} ${this.line(t)} in ${((t - this.start) / 1000).toFixed(1)} s\n`);
  }
}

const DECIDE_OPTIONS = {
  "as-of": { type: "string" },
  format: { type: "string" },
  "input-format": { type: "string" },
  trace: { type: "string" },
  "no-render": { type: "boolean" },
  lenient: { type: "boolean" },
  threads: { type: "string" },
  shard: { type: "string" },
  quiet: { type: "boolean" },
} as const;

export async function decide(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, DECIDE_OPTIONS, { min: 1, max: 2, usage: DECIDE_USAGE });
  const format = formatOption(values.format, ["jsonl", "table"] as const);
  const asOf = asOfOption(values["as-of"], () => io.now());
  if (values.trace !== undefined && values.trace !== "all" && values.trace !== "fired")
    throw new UsageError("--trace: expected all or fired");
  const options: Options = {
    asOf,
    ...(values.trace === "all" ? { trace: "all" as const } : {}),
    ...(values["no-render"] ? { render: false } : {}),
    ...(values.lenient ? { lenient: true as const } : {}),
  };
  const threads = values.threads === undefined ? 1 : countOption("threads", values.threads, 1, 256);
  if (threads < 1) throw new UsageError("--threads: expected an integer from 1 to 256");
  const shard = shardOption(values.shard);
  const path = positionals.at(-1)!;
  const inputFormat = inputFormatOf(path, values["input-format"]);
  const policyArg = positionals.length === 2 ? positionals[0] : undefined;
  // With --threads the workers start first: they load the policy while this thread loads it too
  // (to report a bad one, and to name it in the summary), instead of after it.
  const pool = threads > 1 ? await openPool(policySourceArg(policyArg), { threads }, true) : undefined;
  let policy: Policy | PolicyRouter;
  try {
    policy = policyOrShipped(policyArg);
  } catch (e) {
    await pool?.destroy();
    throw e;
  }
  const progress = new Progress(io, values.quiet === true);
  const errors: Item[] = [];
  let withWarnings = 0;

  if (pool !== undefined) {
    // Chunks of records to the workers, answers in input order: for jsonl, blocks of UTF-8 JSON
    // Lines that go to stdout as they are (the workers serialise and encode); objects for the
    // summary.
    const summary = format === "table" ? portfolioSummarizer() : undefined;
    try {
      // A JSON Lines file goes to the workers as blocks of bytes (they split and parse the lines:
      // this thread only finds line ends); other files as records, read as with one thread;
      // standard input (JSON Lines out only, as with one thread) as text.
      // JSON Lines come lent from the pool's shared memory: each block is written before the next.
      const out = summary === undefined ? "jsonl" : "items";
      const lend = out === "jsonl";
      const chunks =
        inputFormat === "jsonl" && path !== "-"
          ? pool.blocks(readJsonLinesBlocks(path, shard), options, out, lend)
          : pool.chunks(
              path !== "-" || summary !== undefined
                ? readAccountsSync(path, inputFormat, shard)
                : inputFormat === "jsonl"
                  ? readJsonLinesRaw(path, io.stdin, shard)
                  : readAccounts(path, inputFormat, io.stdin, shard),
              options,
              out,
              lend,
            );
      for await (const chunk of chunks) {
        progress.chunk(chunk);
        if (summary === undefined) await writeLent(io.stdout, chunk.jsonl!);
        else {
          eachItem(chunk, (i, bad) => {
            const item = chunk.items[i] as Item;
            if (!bad && (item as Decision).warnings !== undefined) withWarnings++;
            if (bad && errors.length < 10) errors.push(item);
            summary.add(item);
          });
        }
      }
    } finally {
      await pool.destroy();
    }
    progress.done("decided");
    if (summary === undefined) return progress.errors > 0 ? EXIT.partial : EXIT.ok;
    const s = summary.result();
    print(io.stdout, summaryLines(policy, asOf, s, errors, withWarnings, io.columns ?? 100));
    return s.errors > 0 ? EXIT.partial : EXIT.ok;
  }

  if (format === "jsonl" && inputFormat === "jsonl" && path !== "-") {
    // The workers' code on this thread: blocks of bytes in, UTF-8 JSON Lines out, one write per
    // block (a write per line cost ~20 µs of system time per account). The file is read
    // synchronously: an asynchronous read waits for a libuv thread, which on a machine whose cores
    // all decide (--shard) left each process idle a fifth of the time.
    for (const block of readJsonLinesBlocks(path, shard)) {
      const chunk = runChunk(policy, { batch: 0, base: 0, accounts: [], options, out: "jsonl", block }, options);
      progress.chunk(chunk);
      await writeText(io.stdout, chunk.jsonl!);
    }
    progress.done("decided");
    return progress.errors > 0 ? EXIT.partial : EXIT.ok;
  }

  if (format === "jsonl") {
    const records =
      path === "-" ? readAccounts(path, inputFormat, io.stdin, shard) : readAccountsSync(path, inputFormat, shard);
    for await (const rec of records) {
      const item = decideAccountRecord(policy, rec, options);
      progress.tick(isDecisionError(item));
      await writeLine(io.stdout, JSON.stringify(item));
    }
    progress.done("decided");
    return progress.errors > 0 ? EXIT.partial : EXIT.ok;
  }

  function* items(): Generator<BatchItem> {
    for (const rec of readAccountsSync(path, inputFormat, shard)) {
      const item = decideAccountRecord(policy, rec, options);
      const bad = isDecisionError(item);
      if (!bad && item.warnings !== undefined) withWarnings++;
      progress.tick(bad);
      if (bad && errors.length < 10) errors.push(item);
      yield item;
    }
  }
  const summary = summarizePortfolio(items());
  progress.done("decided");
  print(io.stdout, summaryLines(policy, asOf, summary, errors, withWarnings, io.columns ?? 100));
  return summary.errors > 0 ? EXIT.partial : EXIT.ok;
}

function summaryLines(
  policy: Policy | PolicyRouter,
  asOf: string,
  s: PortfolioSummary,
  errors: readonly Item[],
  withWarnings: number,
  width: number,
): string[] {
  const n = (x: number): string => x.toLocaleString("en-US");
  const out = [
    ...wrap(
      `policy ${policyName(policy)}, asOf ${asOf}: ${n(s.decisions + s.errors)} accounts, ${n(s.decisions - s.notApplicable.count)} decided, ${n(s.notApplicable.count)} not applicable, ${n(s.errors)} error(s)`,
      width,
    ),
    "",
    "accounts by action × bucket",
    ...table(
      [
        ["action", ...s.buckets, "total"],
        ...s.actions.map((a, j) => [a, ...s.buckets.map((_, i) => s.counts[i]![j]!), s.byAction[j]!.count]),
        ["total", ...s.byBucket.map((b) => b.count), s.total.count],
      ],
      width,
    ),
    "",
    "exposure",
    ...Object.entries(s.total.exposure).map(([c, e]) => `  ${c}: overdue ${e.overdue}, outstanding ${e.outstanding}`),
  ];
  if (s.byPolicy.length > 1) {
    out.push("", "accounts by policy");
    for (const r of s.byPolicy) out.push(`  ${r.policy}: ${n(r.count)}`);
  }
  if (s.notApplicable.count > 0) {
    out.push("", "not applicable (no policy covers the jurisdiction and currency)");
    for (const r of s.notApplicable.byCode) out.push(`  ${r.code}: ${n(r.count)}`);
  }
  if (withWarnings > 0)
    out.push("", `lenient: ${n(withWarnings)} account(s) decided with contacts, payments or promises set aside`);
  if (s.blocked.decisions > 0) {
    out.push(
      "",
      ...wrap(
        `blocked: ${n(s.blocked.decisions)} decision(s) had a candidate blocked, ${n(s.blocked.allContactsBlocked)} had every contact blocked`,
        width,
      ),
    );
    for (const r of s.blocked.byReason) out.push(`  ${r.code}: ${n(r.count)} (${n(r.decisions)} accounts)`);
  }
  if (s.errors > 0) {
    out.push(
      "",
      `errors: ${Object.entries(s.errorsByCode)
        .map(([c, k]) => `${c} ${n(k)}`)
        .join(", ")}`,
    );
    for (const e of errors)
      if (isDecisionError(e))
        out.push(
          truncate(
            `  ${"line" in e && e.line !== undefined ? `line ${e.line}` : `#${e.index}`}${e.accountId ? ` (${e.accountId})` : ""}: ${e.error.message}`,
            width,
          ),
        );
    if (s.errors > errors.length) out.push(`  … and ${n(s.errors - errors.length)} more`);
  }
  return out;
}

const DIFF_OPTIONS = {
  "as-of": { type: "string" },
  format: { type: "string" },
  "input-format": { type: "string" },
  examples: { type: "string" },
  quiet: { type: "boolean" },
} as const;

export async function diff(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, DIFF_OPTIONS, { min: 3, max: 3, usage: DIFF_USAGE });
  const format = formatOption(values.format, ["json", "table"] as const);
  const asOf = asOfOption(values["as-of"], () => io.now());
  const examplesPerCell = countOption("examples", values.examples, 3, 1000);
  const path = positionals[2]!;
  const inputFormat = inputFormatOf(path, values["input-format"]);
  const a = loadPolicyArg(positionals[0]!);
  const b = loadPolicyArg(positionals[1]!);
  const progress = new Progress(io, values.quiet === true, false);
  // Unreadable records go in as null (an invalid account: counted as an error at its index) and
  // get their own message back afterwards.
  const unreadable = new Map<number, string>();
  function* accounts(): Generator<unknown> {
    for (const rec of readAccountsSync(path, inputFormat)) {
      progress.tick(false);
      if ("error" in rec) {
        if (unreadable.size < 1000)
          unreadable.set(rec.index, rec.line > 0 ? `line ${rec.line}: ${rec.error}` : rec.error);
        yield null;
      } else yield rec.value;
    }
  }
  const cmp = comparePolicies(a, b, accounts(), { asOf, examplesPerCell });
  for (const e of cmp.errors.examples) {
    const m = unreadable.get(e.index);
    if (m !== undefined) e.message = m;
  }
  progress.done("compared");
  print(io.stdout, format === "json" ? JSON.stringify(cmp) : diffLines(a, b, asOf, cmp, io.columns ?? 100));
  return cmp.errors.count > 0 ? EXIT.partial : EXIT.ok;
}

function diffLines(a: Policy, b: Policy, asOf: string, c: PolicyComparison, width: number): string[] {
  const n = (x: number): string => x.toLocaleString("en-US");
  const name = (p: Policy): string => `${p.meta.id}@${p.meta.version}`;
  const out = [
    ...wrap(
      `A ${name(a)} → B ${name(b)}, asOf ${asOf}: ${n(c.total)} accounts decided under both; ${n(c.changed)} change action (${(c.changedShare * 100).toFixed(2)}%); ${n(c.errors.count)} error(s)`,
      width,
    ),
    "",
    "accounts per action",
    ...table(
      [
        ["action", "A", "B", "B - A"],
        ...c.byAction.map((x) => [x.action, x.a, x.b, x.b > x.a ? `+${n(x.b - x.a)}` : n(x.b - x.a)]),
      ],
      width,
    ),
  ];
  const changes = c.cells.filter((x) => x.from !== x.to);
  if (changes.length > 0) {
    const rows = changes.map((x) => [x.from, x.to, x.count, x.examples.join(", ")] as (string | number)[]);
    const fixed =
      Math.max(4, ...changes.map((x) => x.from.length)) + Math.max(2, ...changes.map((x) => x.to.length)) + 20;
    for (const r of rows) r[3] = truncate(String(r[3]), Math.max(10, width - fixed));
    out.push(
      "",
      "changes (most frequent first)",
      ...table([["from (A)", "to (B)", "accounts", "examples"], ...rows], width),
    );
  }
  if (c.errors.count > 0) {
    out.push("", `errors: ${n(c.errors.count)}`);
    for (const e of c.errors.examples)
      out.push(truncate(`  #${e.index}${e.accountId ? ` (${e.accountId})` : ""}: ${e.message}`, width));
  }
  return out;
}

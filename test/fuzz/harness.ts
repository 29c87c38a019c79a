/**
 * The checks every fuzz case runs under: only ArrearsError may escape, each call within a time
 * budget, the built-in prototypes unchanged, the input not mutated. Results are tallied per
 * function; failures are grouped by signature (function, error, first stack frame) with the
 * first case that showed each, so a report stays short and every line is reproducible.
 */
import { internalCause } from "../../src/errors/index.js";
import { ArrearsError } from "../../src/index.js";
import { isOpaque, isSentinel } from "./fuzz.js";

/** What identifies a case for a re-run: `FUZZ_SEED=<seed> FUZZ_ONLY=<target>:<index>`. */
export interface CaseId {
  target: string;
  index: number;
  /** Printable description of the input (base, mutations). */
  shape: string;
}

export type FailureKind = "throw" | "foreign-throw" | "slow" | "prototype" | "mutated-input" | "harness";

export interface Failure {
  kind: FailureKind;
  fn: string;
  /** Grouping key: kind, function, error name and message pattern, first stack frame. */
  signature: string;
  count: number;
  first: CaseId & { error: string; stack?: string };
}

interface FnStats {
  calls: number;
  returned: number;
  codes: Map<string, number>;
  slowest: { ms: number; id?: CaseId };
  overBudget: number;
}

// ---------------------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------------------

const PROTOTYPES: [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
  ["Number.prototype", Number.prototype],
  ["Boolean.prototype", Boolean.prototype],
  ["Symbol.prototype", Symbol.prototype],
  ["Map.prototype", Map.prototype],
  ["Set.prototype", Set.prototype],
  ["Promise.prototype", Promise.prototype],
  ["Error.prototype", Error.prototype],
  ["RegExp.prototype", RegExp.prototype],
  ["Date.prototype", Date.prototype],
  ["Object", Object],
  ["Array", Array],
  ["JSON", JSON],
];

type ProtoSnapshot = unknown[];

function protoSnapshot(): ProtoSnapshot {
  const out: unknown[] = [];
  for (const [name, p] of PROTOTYPES) {
    out.push(name, Object.getPrototypeOf(p), Object.isExtensible(p));
    for (const k of Reflect.ownKeys(p)) {
      const d = Object.getOwnPropertyDescriptor(p, k)!;
      out.push(k, d.value, d.get, d.set, d.writable, d.enumerable, d.configurable);
    }
  }
  return out;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** The built-ins' own properties now against the start of the run; names what differs. */
function protoDiff(before: ProtoSnapshot): string | null {
  const now = protoSnapshot();
  if (sameList(before, now)) return null;
  for (const [name, p] of PROTOTYPES) {
    const keys = Reflect.ownKeys(p).map(String);
    const original = PROTO_KEYS.get(name)!;
    const added = keys.filter((k) => !original.includes(k));
    const removed = original.filter((k) => !keys.includes(k));
    if (added.length || removed.length) return `${name}: added [${added}] removed [${removed}]`;
  }
  return "a built-in property changed value";
}

const PROTO_KEYS = new Map(PROTOTYPES.map(([n, p]) => [n, Reflect.ownKeys(p).map(String)]));

/** Puts back what a case added to or changed on a built-in, so one failure does not cascade. */
function restorePrototypes(original: Map<object, PropertyDescriptorMap>): void {
  for (const [, p] of PROTOTYPES) {
    const want = original.get(p)!;
    for (const k of Reflect.ownKeys(p)) if (!Object.hasOwn(want, k)) Reflect.deleteProperty(p, k);
    for (const k of Reflect.ownKeys(want)) {
      const d = (want as Record<PropertyKey, PropertyDescriptor>)[k]!;
      try {
        Object.defineProperty(p, k, d);
      } catch {
        /* non-configurable: cannot be restored; the next cases report it again */
      }
    }
  }
}

const ORIGINAL_DESCRIPTORS = new Map<object, PropertyDescriptorMap>(
  PROTOTYPES.map(([, p]) => [p, Object.getOwnPropertyDescriptors(p)]),
);

// Larger inputs (100,000-deep nesting, 12,000 duplicated contacts) are not compared: a walk of
// them costs more than the case. Counted in the report.
const MAX_SNAPSHOT_NODES = 30_000;

/**
 * A structural snapshot of a value: every reachable object's prototype and own properties (data
 * values by identity, accessors by their functions), without calling getters. Objects a proxy
 * or trap guards are recorded by identity only when reading them throws. Returns null when the
 * value is too large to compare.
 */
export function deepSnapshot(value: unknown): unknown[] | null {
  const seen = new Set<object>();
  const out: unknown[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    seen.add(v);
    if (seen.size > MAX_SNAPSHOT_NODES) return null;
    out.push(v);
    // Compiled objects and hostile values made by the fuzz: compared by identity only.
    if (isOpaque(v)) continue;
    let keys: (string | symbol)[];
    try {
      out.push(Object.getPrototypeOf(v), Object.isExtensible(v));
      keys = Reflect.ownKeys(v);
    } catch {
      out.push("<unreadable>");
      continue;
    }
    out.push(keys.length);
    for (const k of keys) {
      let d: PropertyDescriptor | undefined;
      try {
        d = Object.getOwnPropertyDescriptor(v, k);
      } catch {
        out.push(k, "<unreadable>");
        continue;
      }
      if (!d) continue;
      const x = d.value;
      out.push(k, x, d.get, d.set, d.writable);
      if (typeof x === "object" && x !== null) stack.push(x);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The collector
// ---------------------------------------------------------------------------------------------

export interface HarnessOptions {
  /** Per-call time budget (ms). */
  budgetMs: number;
  /** Print failures as they happen. */
  verbose?: boolean;
  /** Print every case as it starts (to find a case that hangs). */
  trace?: boolean;
}

/**
 * Functions whose work grows with their input by design get a larger budget (× the per-call
 * one): the batch functions decide up to 12,000 accounts a mutation can make (≤ 250 µs each),
 * and checkPolicy is a static analysis of every pair of rules (≈ 0.5–2 s on the shipped ladders),
 * run by policy authors and `arrears check`, never per account.
 */
const BUDGET_SCALE: Record<string, number> = {
  decideMany: 12,
  decideManyAsync: 12,
  comparePolicies: 24, // two decisions per account
  summarizePortfolio: 12,
  rollRates: 12,
  checkPolicy: 12,
};

export class Harness {
  readonly fns = new Map<string, FnStats>();
  readonly failures = new Map<string, Failure>();
  readonly targets = new Map<string, { cases: number; valid: number }>();
  /** INTERNAL errors' causes by signature (they are ArrearsErrors, but they are bugs). */
  readonly internal = new Map<string, { count: number; first: CaseId & { fn: string; cause: string } }>();
  private readonly protos = protoSnapshot();
  /** Cases whose input was too large to snapshot (not checked for mutation). */
  uncompared = 0;
  /** Slow calls that were under budget when run again (GC pauses, cold caches); failures all the same. */
  flakySlow = 0;
  current: CaseId = { target: "", index: -1, shape: "" };
  private inputSnapshot: unknown[] | null = null;
  private inputs: unknown[] = [];
  private calledInCase: string[] = [];

  constructor(readonly options: HarnessOptions) {}

  /** Starts a case: remembers its inputs to check, after every call, that they are unchanged. */
  begin(id: CaseId, inputs: unknown[]): void {
    this.current = id;
    if (this.options.trace) console.log(`case ${id.target}:${id.index} ${id.shape}`);
    this.inputs = inputs;
    this.inputSnapshot = deepSnapshot(inputs);
    if (!this.inputSnapshot) this.uncompared++;
    const t = this.targets.get(id.target) ?? { cases: 0, valid: 0 };
    t.cases++;
    this.targets.set(id.target, t);
  }

  /** Counts a case whose mutated input was still valid (reached the pipeline). */
  markValid(): void {
    this.targets.get(this.current.target)!.valid++;
  }

  private stats(fn: string): FnStats {
    let s = this.fns.get(fn);
    if (!s) {
      s = { calls: 0, returned: 0, codes: new Map(), slowest: { ms: 0 }, overBudget: 0 };
      this.fns.set(fn, s);
    }
    return s;
  }

  /**
   * Runs one call under every check. Returns the value, or `undefined` when it threw (any
   * ArrearsError is fine: the input was bad).
   */
  call<T>(fn: string, run: () => T, passthrough = false): { ok: true; value: T } | { ok: false; error: unknown } {
    const s = this.stats(fn);
    s.calls++;
    let result: { ok: true; value: T } | { ok: false; error: unknown };
    const t0 = performance.now();
    try {
      result = { ok: true, value: run() };
    } catch (e) {
      result = { ok: false, error: e };
    }
    const ms = performance.now() - t0;
    if (this.options.trace && ms > 1_000) console.log(`  ${fn} took ${Math.round(ms)} ms`);
    const budget = this.options.budgetMs * (BUDGET_SCALE[fn] ?? 1);
    if (ms > budget) {
      // Once more: a GC pause is not a finding; a call that is slow twice is.
      const t1 = performance.now();
      try {
        run();
      } catch {
        /* classified from the first run */
      }
      const again = performance.now() - t1;
      // Slow only the first time is still slow (a cold cache an attacker can keep cold); the
      // time of the second run tells a GC pause or a cold cache from an input that is slow.
      if (again <= budget) this.flakySlow++;
      s.overBudget++;
      this.fail(
        "slow",
        fn,
        `${fn} over ${budget} ms${again <= budget ? " (first run only)" : ""}`,
        `${Math.round(ms)} ms, again ${Math.round(again)} ms`,
      );
    }
    if (ms > s.slowest.ms) s.slowest = { ms, id: { ...this.current } };
    this.afterCall(fn, result, passthrough);
    return result;
  }

  /** The async form of {@link call} (for async generators). */
  async callAsync<T>(
    fn: string,
    run: () => Promise<T>,
    passthrough = false,
  ): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    const s = this.stats(fn);
    s.calls++;
    let result: { ok: true; value: T } | { ok: false; error: unknown };
    const t0 = performance.now();
    try {
      result = { ok: true, value: await run() };
    } catch (e) {
      result = { ok: false, error: e };
    }
    const ms = performance.now() - t0;
    const budget = this.options.budgetMs * (BUDGET_SCALE[fn] ?? 1);
    if (ms > budget) {
      s.overBudget++;
      this.fail("slow", fn, `${fn} over ${budget} ms`, `${Math.round(ms)} ms`);
    }
    if (ms > s.slowest.ms) s.slowest = { ms, id: { ...this.current } };
    this.afterCall(fn, result, passthrough);
    return result;
  }

  private afterCall(
    fn: string,
    result: { ok: true; value: unknown } | { ok: false; error: unknown },
    passthrough = false,
  ): void {
    const s = this.stats(fn);
    if (result.ok) s.returned++;
    else {
      const e = result.error;
      if (e instanceof ArrearsError) {
        s.codes.set(e.code, (s.codes.get(e.code) ?? 0) + 1);
        if (e.code === "INTERNAL") this.noteInternal(fn, e);
        else {
          // An input that could not be read (readInput): fine when the input's own code threw
          // or a proxy refused; anything else is a bug of ours dressed as bad input.
          const cause = internalCause(e);
          if (cause !== undefined && !isReadFailure(cause))
            this.fail("throw", fn, `masked as ${e.code}: ${signatureOf(cause)}`, describeError(cause), cause);
        }
        // The error itself must be safe to use: serialisable, with a bounded message.
        try {
          const json = JSON.stringify(e);
          if (json.length > 200_000 || e.message.length > 5_000)
            this.fail("throw", fn, "ArrearsError too large", `${json.length} chars of JSON`);
        } catch (x) {
          this.fail("throw", fn, "ArrearsError not serialisable", describeError(x), x);
        }
      } else if (isSentinel(e)) {
        // Functions that consume the caller's iterable let its own exceptions through, unchanged.
        if (!passthrough) {
          const what = (e as Error).message.replace(/^fuzz sentinel: (\w+).*$/, "$1");
          this.fail("foreign-throw", fn, `input's own exception escaped (${what})`, describeError(e), e);
        }
      } else {
        this.fail("throw", fn, signatureOf(e), describeError(e), e);
      }
    }
    const diff = protoDiff(this.protos);
    if (diff) {
      this.fail("prototype", fn, diff, diff);
      restorePrototypes(ORIGINAL_DESCRIPTORS);
    }
    this.calledInCase.push(fn);
    // Comparing after every call costs a walk of the input per call: done when tracing one
    // case; otherwise once per case, in `end`.
    if (this.options.trace) this.checkInputs(fn);
  }

  private checkInputs(fn: string): void {
    if (!this.inputSnapshot) return;
    const now = deepSnapshot(this.inputs);
    if (now && !sameList(this.inputSnapshot, now)) {
      this.fail("mutated-input", fn, `${fn} mutated its input`, "input changed");
      this.inputSnapshot = now;
    }
  }

  /** Ends a case: the inputs must be as they were when it began. */
  end(): void {
    const calls = [...new Set(this.calledInCase)].join(", ");
    this.calledInCase = [];
    this.checkInputs(`one of: ${calls}`);
    this.inputSnapshot = null;
    this.inputs = [];
  }

  private noteInternal(fn: string, e: ArrearsError): void {
    const cause = internalCauseOf(e);
    const sig = `${fn} | ${signatureOf(cause)}`;
    const known = this.internal.get(sig);
    if (known) known.count++;
    else {
      this.internal.set(sig, { count: 1, first: { ...this.current, fn, cause: describeError(cause) } });
      if (this.options.verbose) console.log(`INTERNAL ${sig}\n  ${this.current.target}:${this.current.index}`);
    }
  }

  fail(kind: FailureKind, fn: string, what: string, detail: string, error?: unknown): void {
    const signature = `${kind} | ${fn} | ${what}`;
    const known = this.failures.get(signature);
    if (known) {
      known.count++;
      return;
    }
    const stack = error instanceof Error ? error.stack?.split("\n").slice(0, 8).join("\n") : undefined;
    this.failures.set(signature, {
      kind,
      fn,
      signature,
      count: 1,
      first: { ...this.current, error: detail, ...(stack ? { stack } : {}) },
    });
    if (this.options.verbose) console.log(`FAIL ${signature}\n  ${this.current.target}:${this.current.index}`);
  }

  /** Failures of every kind, most frequent first. */
  failureList(): Failure[] {
    return [...this.failures.values()].sort((a, b) => b.count - a.count);
  }

  totalFailures(): number {
    let n = 0;
    for (const f of this.failures.values()) n += f.count;
    return n;
  }

  /** The summary: counts per target and function, the slowest call of each, failures. */
  report(seed: number): string {
    const lines: string[] = [];
    lines.push(`fuzz seed ${seed} (re-run one case: FUZZ_SEED=${seed} FUZZ_ONLY=<target>:<index> npm run fuzz)`);
    lines.push("", "target                cases    still valid");
    for (const [t, s] of this.targets)
      lines.push(`${t.padEnd(20)} ${String(s.cases).padStart(7)}  ${String(s.valid).padStart(7)}`);
    lines.push(
      "",
      "function                      calls  returned  ArrearsError codes                                  slowest",
    );
    const fns = [...this.fns.entries()].sort((a, b) => a[0].localeCompare(b[0]));
    for (const [fn, s] of fns) {
      const codes = [...s.codes.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([c, n]) => `${c}:${n}`)
        .join(" ");
      const slow = s.slowest.id ? `${s.slowest.ms.toFixed(1)} ms (${s.slowest.id.target}:${s.slowest.id.index})` : "-";
      lines.push(
        `${fn.padEnd(28)} ${String(s.calls).padStart(7)} ${String(s.returned).padStart(8)}  ${codes.slice(0, 50).padEnd(50)}  ${slow}`,
      );
    }
    const calls = fns.reduce((n, [, s]) => n + s.calls, 0);
    lines.push(
      "",
      `calls: ${calls}; slow calls under budget when re-run: ${this.flakySlow}; inputs too large to check for mutation: ${this.uncompared}`,
    );
    if (this.internal.size > 0) {
      lines.push("", "INTERNAL errors (clean ArrearsErrors, but each is a bug behind them):");
      for (const [sig, i] of this.internal)
        lines.push(
          `  ${i.count}× ${sig}`,
          `     first: ${i.first.target}:${i.first.index} ${i.first.shape.slice(0, 300)}`,
          `     cause: ${i.first.cause}`,
        );
    }
    const fails = this.failureList();
    lines.push("", `failures: ${this.totalFailures()} in ${fails.length} signatures`);
    for (const f of fails)
      lines.push(
        `  ${f.count}× ${f.signature}`,
        `     first: ${f.first.target}:${f.first.index} ${f.first.shape.slice(0, 400)}`,
        `     error: ${f.first.error}`,
        ...(f.first.stack
          ? f.first.stack
              .split("\n")
              .slice(1, 5)
              .map((l) => `     ${l.trim()}`)
          : []),
      );
    return lines.join("\n");
  }
}

/** A failure to read hostile input: its own exception, a proxy refusing, nesting too deep. */
function isReadFailure(e: unknown): boolean {
  if (isSentinel(e)) return true;
  if (e instanceof TypeError) return /proxy/.test(e.message);
  return e instanceof RangeError && /call stack/.test(e.message);
}

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message.slice(0, 300)}`;
  try {
    return `${typeof e}: ${String(e).slice(0, 200)}`;
  } catch {
    return typeof e;
  }
}

/** Error name, message with numbers and quoted parts blanked, and the first stack frame in src. */
function signatureOf(e: unknown): string {
  if (!(e instanceof Error)) return `non-Error ${typeof e}`;
  const message = e.message
    .slice(0, 120)
    .replace(/"[^"]*"|'[^']*'/g, "…")
    .replace(/\d+/g, "N");
  const frame = e.stack
    ?.split("\n")
    .find((l) => l.includes("/src/"))
    ?.replace(/^.*\/src\//, "src/")
    .replace(/\)$/, "");
  return `${e.name}: ${message}${frame ? ` @ ${frame}` : ""}`;
}

/** The cause behind an INTERNAL error (kept by asArrearsError for debugging, never serialised). */
function internalCauseOf(e: ArrearsError): unknown {
  return internalCause(e);
}

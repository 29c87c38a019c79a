import { type ConditionNode, ConditionValidator } from "../conditions/index.js";
import type { CompareNode, Scalar } from "../conditions/tree.js";
import type { BucketScheme } from "../delinquency/index.js";
import { FACTS, type FactDefinition } from "../facts/catalog.js";
import type { GuardrailProfile } from "../guardrails/index.js";
import type { Policy } from "./load.js";

/**
 * Static checks of a loaded policy: what `loadPolicy` accepts but a policy author almost surely
 * did not mean. Pure: the policy, the fact catalogue, the shipped bucket schemes, scorecards and
 * guardrail profiles, and (optionally) the templates and test coverage the caller passes.
 *
 * The rule analysis reads each rule's conditions as sets of fact values: every comparison of a
 * fact with a literal is exact (intervals for numbers, value sets for strings and booleans, `null`
 * where a fact may be null), `all`/`any`/`not` and shared conditions are expanded, and the
 * relations between facts that the library itself guarantees are respected (`bucket`,
 * `bucketIndex`, `chargeOffDue` and `inGrace` follow `dpd` through the bucket scheme; `onHold` and
 * `holdReason` follow the hold statuses; `hardshipKind` is set exactly when `hardshipReported`).
 * Comparisons of two facts are taken as "could be anything". So a finding that a rule never fires
 * or never decides is proven; a rule the analysis cannot prove dead is not reported.
 */

/** How bad a finding is: `error` breaks decisions, `warning` is almost surely a mistake, `info` is worth a look. */
export type PolicyFindingSeverity = "error" | "warning" | "info";

/** What {@link checkPolicy} can find. */
export type PolicyFindingCode =
  /** The rule's conditions can never all hold. */
  | "RULE_NEVER_FIRES"
  /** Whenever the rule fires, a rule evaluated before it is chosen instead: it never decides. */
  | "RULE_SHADOWED"
  /** An action of the catalogue that no rule emits and that is not the fallback. */
  | "ACTION_UNUSED"
  /** A shared condition that no rule (or other shared condition) references. */
  | "CONDITION_UNUSED"
  /** A delinquency bucket in which no rule that looks at delinquency can decide. */
  | "BUCKET_UNCOVERED"
  /** A contact action can be decided while a hold (dispute, bankruptcy, attorney, …) applies. */
  | "CONTACT_DURING_HOLD"
  /** A reference (guardrail profile, scorecard, template) that `decide` cannot resolve. */
  | "UNKNOWN_REFERENCE"
  /** A template whose channel differs from its action's. */
  | "TEMPLATE_CHANNEL"
  /** A hardship-offer action (purpose `hardship_offer`) decided by a rule that makes no offer. */
  | "OFFER_MISSING"
  /** The policy has no embedded tests. */
  | "NO_TESTS"
  /** No embedded test covers the rule. */
  | "RULE_UNTESTED"
  /** The analysis gave up on a rule (too many cases to expand); nothing is claimed about it. */
  | "ANALYSIS_SKIPPED";

/** One finding of {@link checkPolicy}: where in the policy file, and what. */
export interface PolicyFinding {
  code: PolicyFindingCode;
  severity: PolicyFindingSeverity;
  /** JSON path in the policy file (`["rules", 3]`). */
  path: (string | number)[];
  message: string;
}

/** What {@link checkPolicy} needs to know of a message template (a loaded `MessageTemplate` fits). */
interface TemplateSummary {
  readonly channel: string;
  /** Catalogue variables the template uses (`offer.payoff`, …). */
  readonly variables: readonly string[];
}

/**
 * What the policy's references resolved to (`loadPolicy` resolves them at load; the decision
 * layer's `checkPolicy` passes them). @internal
 */
export interface ResolvedReferences {
  bucketScheme: BucketScheme;
  /** The guardrail profiles that apply in every jurisdiction of the policy. */
  profiles: readonly GuardrailProfile[];
  /** Every template the policy's actions name. */
  templates: Readonly<Record<string, TemplateSummary>>;
}

/** Options of {@link checkPolicy}. */
export interface CheckPolicyOptions {
  /**
   * The templates actions may name, by id. Given: every action's template must be among them
   * and written for the action's channel. Omitted: the templates the policy resolved at load.
   */
  templates?: Readonly<Record<string, TemplateSummary>> | undefined;
  /**
   * Names of the rules that decided at least one embedded test case (the testing kit's
   * `coverage.decided`). Omitted: a rule counts as tested when a test names it in `expect.rule`.
   */
  testedRules?: readonly string[] | undefined;
}

// ---------------------------------------------------------------------------------------------
// Sets of fact values

/** An interval of numbers; bounds may be infinite (then open). */
interface Iv {
  readonly lo: number;
  readonly loIn: boolean;
  readonly hi: number;
  readonly hiIn: boolean;
}

/**
 * A set of values of one fact: `null` or not, numbers as sorted disjoint intervals, and strings
 * and booleans as a finite set (`co: false`) or as everything but a finite set (`co: true`).
 */
interface Dom {
  readonly nul: boolean;
  readonly iv: readonly Iv[];
  readonly co: boolean;
  readonly set: ReadonlySet<string | boolean>;
}

const NO_SET: ReadonlySet<string | boolean> = new Set();
const ALL_NUMBERS: Iv = { lo: -Infinity, loIn: false, hi: Infinity, hiIn: false };
const EMPTY: Dom = { nul: false, iv: [], co: false, set: NO_SET };

const ivEmpty = (i: Iv): boolean => i.lo > i.hi || (i.lo === i.hi && !(i.loIn && i.hiIn));

function ivIntersect(a: readonly Iv[], b: readonly Iv[]): Iv[] {
  const out: Iv[] = [];
  for (const x of a)
    for (const y of b) {
      const lo = Math.max(x.lo, y.lo);
      const hi = Math.min(x.hi, y.hi);
      const loIn = (x.lo === lo ? x.loIn : true) && (y.lo === lo ? y.loIn : true);
      const hiIn = (x.hi === hi ? x.hiIn : true) && (y.hi === hi ? y.hiIn : true);
      const i = { lo, loIn: loIn && Number.isFinite(lo), hi, hiIn: hiIn && Number.isFinite(hi) };
      if (!ivEmpty(i)) out.push(i);
    }
  return out.sort((p, q) => p.lo - q.lo || (p.loIn === q.loIn ? 0 : p.loIn ? -1 : 1));
}

/** The complement of sorted disjoint intervals within all numbers. */
function ivComplement(a: readonly Iv[]): Iv[] {
  const out: Iv[] = [];
  let lo = -Infinity;
  let loIn = false;
  for (const i of a) {
    const gap = { lo, loIn, hi: i.lo, hiIn: !i.loIn && Number.isFinite(i.lo) };
    if (!ivEmpty(gap) && !(gap.lo === -Infinity && gap.hi === -Infinity)) out.push(gap);
    lo = i.hi;
    loIn = !i.hiIn && Number.isFinite(i.hi);
  }
  const last = { lo, loIn, hi: Infinity, hiIn: false };
  if (!ivEmpty(last) && lo !== Infinity) out.push(last);
  return out;
}

function intersect(a: Dom, b: Dom): Dom {
  let co: boolean;
  let set: Set<string | boolean>;
  if (!a.co && !b.co) {
    co = false;
    set = new Set([...a.set].filter((v) => b.set.has(v)));
  } else if (a.co && b.co) {
    co = true;
    set = new Set([...a.set, ...b.set]);
  } else {
    const [fin, cof] = a.co ? [b, a] : [a, b];
    co = false;
    set = new Set([...fin.set].filter((v) => !cof.set.has(v)));
  }
  return { nul: a.nul && b.nul, iv: ivIntersect(a.iv, b.iv), co, set };
}

/** Values of `universe` not in `a`. */
function complement(a: Dom, universe: Dom): Dom {
  return intersect({ nul: !a.nul, iv: ivComplement(a.iv), co: !a.co, set: a.set }, universe);
}

function isEmpty(d: Dom): boolean {
  return !d.nul && d.iv.length === 0 && !d.co && d.set.size === 0;
}

function has(d: Dom, v: Scalar): boolean {
  if (v === null) return d.nul;
  if (typeof v === "number")
    return d.iv.some((i) => (i.lo < v || (i.lo === v && i.loIn)) && (v < i.hi || (v === i.hi && i.hiIn)));
  return d.co ? !d.set.has(v) : d.set.has(v);
}
const point = (v: number): Iv => ({ lo: v, loIn: true, hi: v, hiIn: true });

function domOf(values: readonly Scalar[]): Dom {
  const nums = values.filter((v): v is number => typeof v === "number");
  const iv = nums.length === 0 ? [] : ivIntersect(nums.map(point), [ALL_NUMBERS]);
  return {
    nul: values.includes(null),
    iv,
    co: false,
    set: new Set(values.filter((v): v is string | boolean => typeof v === "string" || typeof v === "boolean")),
  };
}
const numbers = (lo: number, loIn: boolean, hi: number, hiIn: boolean): Dom => ({
  nul: false,
  iv: ivEmpty({ lo, loIn, hi, hiIn }) ? [] : [{ lo, loIn, hi, hiIn }],
  co: false,
  set: NO_SET,
});

// ---------------------------------------------------------------------------------------------
// Conditions as a disjunction of conjunctions of fact-value sets

/** A conjunction: each listed fact has a value in its set; unlisted facts are unconstrained. */
type Conj = ReadonlyMap<string, Dom>;

class TooComplex extends Error {}

/** Most conjunctions one expansion may hold before the analysis of a rule gives up. */
const MAX_CONJUNCTIONS = 4096;

interface Analysis {
  universe(fact: string): Dom;
  /** Whether a conjunction is satisfiable, relations between facts included. */
  consistent(c: Conj): boolean;
}

function andConj(a: Conj, b: Conj, an: Analysis): Conj | null {
  const out = new Map(a);
  for (const [f, d] of b) {
    const prev = out.get(f);
    const next = prev ? intersect(prev, d) : d;
    if (isEmpty(next)) return null;
    out.set(f, next);
  }
  return an.consistent(out) ? out : null;
}

function andDnf(a: readonly Conj[], b: readonly Conj[], an: Analysis): Conj[] {
  const out: Conj[] = [];
  for (const x of a)
    for (const y of b) {
      const c = andConj(x, y, an);
      if (c) {
        out.push(c);
        if (out.length > MAX_CONJUNCTIONS) throw new TooComplex();
      }
    }
  return out;
}

/** The set of values of `n.fact` for which a comparison holds (null: not a literal comparison). */
function atomDom(n: CompareNode, universe: Dom): Dom | null {
  if (n.operand.kind !== "literal") return null;
  const v = n.operand.value;
  const list = Array.isArray(v) ? (v as readonly Scalar[]) : null;
  const x = list ? null : (v as Scalar);
  let d: Dom;
  switch (n.operator) {
    case "equal":
      d = domOf([x]);
      break;
    case "notEqual":
      d = complement(domOf([x]), universe);
      break;
    case "in":
    case "inBucket":
      d = domOf(list ?? []);
      if (n.operator === "inBucket") d = { ...d, nul: false };
      break;
    case "notIn":
      d = complement(domOf(list ?? []), universe);
      break;
    case "lessThan":
      d = numbers(-Infinity, false, x as number, false);
      break;
    case "lessThanInclusive":
      d = numbers(-Infinity, false, x as number, true);
      break;
    case "greaterThan":
      d = numbers(x as number, false, Infinity, false);
      break;
    case "greaterThanInclusive":
      d = numbers(x as number, true, Infinity, false);
      break;
    case "between":
      d = numbers(list![0] as number, true, list![1] as number, true);
      break;
    case "daysSinceAtLeast":
      d = { ...numbers(x as number, true, Infinity, false), nul: true };
      break;
    default:
      return null; // contains / doesNotContain never pass validation
  }
  d = intersect(d, universe);
  return n.negate ? complement(d, universe) : d;
}

/** The conditions of `node` (negated when `neg`) as a disjunction of conjunctions. */
function dnf(node: ConditionNode, neg: boolean, an: Analysis): Conj[] {
  switch (node.kind) {
    case "compare": {
      const u = an.universe(node.fact);
      const d = atomDom(node, u);
      if (d === null) return [new Map()]; // a comparison of two facts: could go either way
      const dd = neg ? complement(d, u) : d;
      if (isEmpty(dd)) return [];
      const c = new Map([[node.fact, dd]]);
      return an.consistent(c) ? [c] : [];
    }
    case "not":
      return dnf(node.child, !neg, an);
    case "ref":
      return dnf(node.target.root, neg, an);
    case "all":
    case "any": {
      // all = conjunction; any = disjunction; negation swaps them (De Morgan). Empty lists are true.
      const conjunctive = (node.kind === "all") !== neg;
      if (node.children.length === 0) return neg ? [] : [new Map()];
      if (conjunctive) {
        let acc: Conj[] = [new Map()];
        for (const c of node.children) {
          acc = andDnf(acc, dnf(c, neg, an), an);
          if (acc.length === 0) break;
        }
        return acc;
      }
      const out: Conj[] = [];
      for (const c of node.children) {
        out.push(...dnf(c, neg, an));
        if (out.length > MAX_CONJUNCTIONS) throw new TooComplex();
      }
      return out;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Relations between facts that the library guarantees

const FACT_BY_NAME: ReadonlyMap<string, FactDefinition> = new Map(FACTS.map((d) => [d.name, d]));
const DELINQUENCY_FACTS = ["dpd", "bucket", "bucketIndex", "chargeOffDue", "inGrace"] as const;
/** Hold statuses in the order `holdReason` names the first active one. */
const HOLD_ORDER: readonly string[] = FACT_BY_NAME.get("holdReason")?.values ?? [];
const HOLD_FACTS = new Set([...HOLD_ORDER, "onHold", "holdReason", "holdReviewInDays"]);
const HARDSHIP_FACTS = ["hardshipReported", "hardshipKind", "daysSinceHardshipReported"] as const;

function makeAnalysis(scheme: BucketScheme | undefined, graceDays: number): Analysis {
  const universes = new Map<string, Dom>();
  const universe = (fact: string): Dom => {
    let u = universes.get(fact);
    if (u) return u;
    const def = FACT_BY_NAME.get(fact);
    const nul = def?.nullable ?? true;
    if (fact === "bucket" && scheme) u = { nul: false, iv: [], co: false, set: new Set(scheme.labels) };
    else if (fact === "dpd" || fact === "bucketIndex") u = numbers(0, true, Infinity, false);
    else if (def?.type === "number") u = { nul, iv: [ALL_NUMBERS], co: false, set: NO_SET };
    else if (def?.type === "boolean") u = { nul, iv: [], co: false, set: new Set([true, false]) };
    else if (def?.values) u = { nul, iv: [], co: false, set: new Set(def.values) };
    else u = { nul, iv: [], co: true, set: NO_SET };
    universes.set(fact, u);
    return u;
  };
  const dom = (c: Conj, fact: string): Dom => c.get(fact) ?? universe(fact);

  const delinquencyOk = (c: Conj): boolean => {
    if (!scheme || !DELINQUENCY_FACTS.some((f) => c.has(f))) return true;
    const bucket = dom(c, "bucket");
    const index = dom(c, "bucketIndex");
    const cod = dom(c, "chargeOffDue");
    const grace = dom(c, "inGrace");
    const products = (["installment", "revolving"] as const).filter((p) => has(dom(c, "product"), p));
    return scheme.ranges.some((r, i) => {
      if (!has(bucket, r.label) || !has(index, i)) return false;
      const inRange = intersect(dom(c, "dpd"), numbers(r.min, true, r.max ?? Infinity, r.max !== undefined));
      if (isEmpty(inRange)) return false;
      return products.some((p) => {
        let d = inRange;
        const age = scheme.chargeOffDays[p];
        if (!has(cod, true)) d = age === undefined ? d : intersect(d, numbers(-Infinity, false, age, false));
        if (!has(cod, false)) d = age === undefined ? EMPTY : intersect(d, numbers(age, true, Infinity, false));
        const graceRange = numbers(1, true, graceDays, true);
        if (!has(grace, false)) d = intersect(d, graceRange);
        if (!has(grace, true)) d = intersect(d, { ...graceRange, iv: ivComplement(graceRange.iv) });
        return !isEmpty(d);
      });
    });
  };

  const holdsOk = (c: Conj): boolean => {
    if (HOLD_ORDER.length === 0 || ![...c.keys()].some((f) => HOLD_FACTS.has(f))) return true;
    const on = dom(c, "onHold");
    const reason = dom(c, "holdReason");
    const review = dom(c, "holdReviewInDays");
    const canBe = (h: string, v: boolean): boolean => has(dom(c, h), v);
    // holdReason null ⇔ no hold; else the first hold (in order) that applies.
    if (has(reason, null) && has(on, false) && review.nul && HOLD_ORDER.every((h) => canBe(h, false))) return true;
    if (!has(on, true)) return false;
    return HOLD_ORDER.some(
      (h, k) => has(reason, h) && canBe(h, true) && HOLD_ORDER.slice(0, k).every((p) => canBe(p, false)),
    );
  };

  const hardshipOk = (c: Conj): boolean => {
    if (!HARDSHIP_FACTS.some((f) => c.has(f))) return true;
    const reported = dom(c, "hardshipReported");
    const kind = dom(c, "hardshipKind");
    const days = dom(c, "daysSinceHardshipReported");
    const nonNull = (d: Dom): boolean => !isEmpty({ ...d, nul: false });
    return (has(reported, true) && nonNull(kind) && nonNull(days)) || (has(reported, false) && kind.nul && days.nul);
  };

  return {
    universe,
    consistent: (c) => {
      for (const d of c.values()) if (isEmpty(d)) return false;
      return delinquencyOk(c) && holdsOk(c) && hardshipOk(c);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The checks

const names = (list: readonly string[], max = 4): string =>
  list.length <= max ? list.join(", ") : `${list.slice(0, max).join(", ")} and ${list.length - max} more`;

/** Compares JSON paths: indices numerically, keys in file order is not known, so alphabetically. */
function comparePaths(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!,
      y = b[i]!;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

interface RuleInfo {
  readonly name: string;
  readonly index: number;
  /** Position in evaluation order. */
  readonly order: number;
  readonly type: string;
  readonly contact: boolean;
  readonly channel: string | undefined;
  readonly purpose: string | undefined;
  readonly root: ConditionNode;
  readonly facts: readonly string[];
  readonly makesOffer: boolean;
}

/** The checks of `checkPolicy` (decision layer), given what the policy's references resolved to. @internal */
export function analysePolicy(policy: Policy, options: CheckPolicyOptions, refs: ResolvedReferences): PolicyFinding[] {
  const out: PolicyFinding[] = [];
  const add = (code: PolicyFindingCode, severity: PolicyFindingSeverity, path: (string | number)[], message: string) =>
    out.push({ code, severity, path, message });

  const src = policy.source;
  const scheme: BucketScheme | undefined = refs.bucketScheme;
  const validator = new ConditionValidator({ shared: src.conditions, bucketLabels: scheme?.labels ?? null });
  const roots = src.rules.map((r, i) => validator.root(r.conditions, ["rules", i, "conditions"]));
  const an = makeAnalysis(scheme, policy.options.graceDays ?? 0);

  const rules: RuleInfo[] = policy.rules.map((r) => {
    const a = policy.actions[r.event.type];
    return {
      name: r.name,
      index: r.index,
      order: 0,
      type: r.event.type,
      contact: a?.contact === true,
      channel: a?.channel,
      purpose: a?.purpose,
      root: roots[r.index]!,
      facts: r.facts,
      makesOffer: r.event.params.offer !== undefined || a?.offer !== undefined,
    };
  });
  const ordered = [...rules]
    .sort((a, b) => policy.rules[b.index]!.priority - policy.rules[a.index]!.priority || a.index - b.index)
    .map((r, order) => ({ ...r, order }));

  // A rule evaluated before `r` that is chosen whenever both fire.
  const dominates = (d: RuleInfo, r: RuleInfo): boolean =>
    d.order < r.order && (!d.contact || (r.contact && d.channel === r.channel && d.purpose === r.purpose));

  const dnfCache = new Map<string, Conj[]>();
  const dnfOf = (r: RuleInfo, neg: boolean): Conj[] => {
    const key = `${r.index}:${neg}`;
    let d = dnfCache.get(key);
    if (!d) dnfCache.set(key, (d = dnf(r.root, neg, an)));
    return d;
  };
  /** Cases (within `start`) in which `r` fires and no rule that dominates it does. */
  const decidesIn = (r: RuleInfo, start: readonly Conj[]): { rest: Conj[]; by: string[] } => {
    let rest = andDnf(start, dnfOf(r, false), an);
    const by: string[] = [];
    for (const d of ordered) {
      if (rest.length === 0) break;
      if (!dominates(d, r)) continue;
      let not: Conj[];
      try {
        if (andDnf(rest, dnfOf(d, false), an).length === 0) continue; // never fires together with r
        not = dnfOf(d, true);
      } catch (e) {
        // Too complex to negate: leave d out (r may then look able to decide where d would take it).
        if (e instanceof TooComplex) continue;
        throw e;
      }
      by.push(d.name);
      rest = andDnf(rest, not, an);
    }
    return { rest, by };
  };

  /** An irredundant subset of `by` (rules that dominate `r`) that still takes every firing of `r`. */
  const cover = (r: RuleInfo, by: readonly string[]): string[] => {
    const kept = [...by];
    for (const name of by) {
      const others = kept.filter((n) => n !== name);
      let rest = dnfOf(r, false);
      for (const d of ordered) if (others.includes(d.name) && rest.length > 0) rest = andDnf(rest, dnfOf(d, true), an);
      if (rest.length === 0) kept.splice(kept.indexOf(name), 1);
    }
    return kept;
  };

  // Stacked profiles: a contact must pass every one, so any profile's hold blocks it.
  const guardrails = policy.guardrails.join(" + ");
  const holdBlocks = (hold: string, channel: string | undefined, purpose: string | undefined): boolean =>
    refs.profiles.some((profile) =>
      profile.json.holds.some(
        (h) =>
          h.flag === hold &&
          channel !== undefined &&
          h.channels.includes(channel as never) &&
          (h.purposes === undefined || h.purposes.includes(purpose as never)) &&
          !(h.except ?? []).some((e) => e.channels.includes(channel as never) && e.purposes.includes(purpose as never)),
      ),
    );

  const canDecide = new Map<number, Conj[]>();
  for (const r of ordered) {
    const path = ["rules", r.index];
    try {
      const fires = dnfOf(r, false);
      if (fires.length === 0) {
        add(
          "RULE_NEVER_FIRES",
          "error",
          [...path, "conditions"],
          `rule ${JSON.stringify(r.name)} never fires: its conditions contradict each other (or the bucket scheme)`,
        );
        canDecide.set(r.index, []);
        continue;
      }
      const { rest, by } = decidesIn(r, [new Map()]);
      canDecide.set(r.index, rest);
      if (rest.length === 0) {
        add(
          "RULE_SHADOWED",
          "warning",
          path,
          `rule ${JSON.stringify(r.name)} never decides: whenever it fires, an earlier rule is chosen (${names(cover(r, by))})`,
        );
        continue;
      }
      if (r.contact && HOLD_ORDER.length > 0) {
        const blocked: string[] = [];
        const open: string[] = [];
        for (const hold of HOLD_ORDER) {
          const during = andDnf(rest, [new Map([[hold, domOf([true])]])], an);
          if (during.length > 0) (holdBlocks(hold, r.channel, r.purpose) ? blocked : open).push(hold);
        }
        if (open.length > 0)
          add(
            "CONTACT_DURING_HOLD",
            "warning",
            path,
            `rule ${JSON.stringify(r.name)} (${r.channel}) can decide during holds guardrails ${guardrails} do not block: ${open.join(", ")} (add a hold rule above it)`,
          );
        if (blocked.length > 0)
          add(
            "CONTACT_DURING_HOLD",
            "info",
            path,
            `rule ${JSON.stringify(r.name)} (${r.channel}) is a candidate during holds guardrails ${guardrails} block, so the decision falls through to later rules: ${blocked.join(", ")}`,
          );
      }
    } catch (e) {
      if (!(e instanceof TooComplex)) throw e;
      canDecide.delete(r.index);
      add(
        "ANALYSIS_SKIPPED",
        "info",
        path,
        `rule ${JSON.stringify(r.name)}: too many combinations of conditions to analyse (over ${MAX_CONJUNCTIONS}); not checked`,
      );
    }
  }

  // Buckets: can a rule that looks at delinquency decide there?
  if (scheme) {
    scheme.ranges.forEach((range, i) => {
      const box: Conj = new Map([["bucket", domOf([range.label])]]);
      const covered = rules.some((r) => {
        if (!r.facts.some((f) => (DELINQUENCY_FACTS as readonly string[]).includes(f))) return false;
        const rest = canDecide.get(r.index);
        if (rest === undefined) return true; // not analysed: assume it covers
        return andDnf(rest, [box], an).length > 0;
      });
      if (!covered) {
        const days = range.max === undefined ? `${range.min}+` : `${range.min}–${range.max}`;
        add(
          "BUCKET_UNCOVERED",
          i === 0 ? "info" : "warning",
          ["bucketScheme"],
          `bucket ${JSON.stringify(range.label)} (dpd ${days}) of ${scheme.id}: no rule that reads dpd, bucket, bucketIndex, chargeOffDue or inGrace can decide there, so only bucket-blind rules or the fallback ${policy.fallbackAction} apply`,
        );
      }
    });
  }

  // The action catalogue and the shared conditions.
  const emitted = new Set(rules.map((r) => r.type));
  for (const type of Object.keys(policy.actions))
    if (!emitted.has(type) && type !== policy.fallbackAction)
      add("ACTION_UNUSED", "info", ["actions", type], `action ${JSON.stringify(type)}: no rule emits it`);
  const referenced = new Set<string>();
  const walk = (n: ConditionNode): void => {
    if (n.kind === "ref") {
      if (!referenced.has(n.target.name)) {
        referenced.add(n.target.name);
        walk(n.target.root);
      }
    } else if (n.kind === "not") walk(n.child);
    else if (n.kind === "all" || n.kind === "any") n.children.forEach(walk);
  };
  for (const r of rules) walk(r.root);
  for (const name of Object.keys(src.conditions ?? {}))
    if (!referenced.has(name))
      add(
        "CONDITION_UNUSED",
        "info",
        ["conditions", name],
        `shared condition ${JSON.stringify(name)}: no rule uses it`,
      );

  // Templates.
  const templates = options.templates ?? refs.templates;
  if (Object.keys(templates).length > 0 || policy.actions) {
    for (const [type, a] of Object.entries(policy.actions)) {
      if (a.template === undefined) continue;
      const path = ["actions", type, "template"];
      const t = Object.hasOwn(templates, a.template) ? templates[a.template] : undefined;
      if (!t) {
        add(
          "UNKNOWN_REFERENCE",
          "error",
          path,
          `action ${JSON.stringify(type)}: unknown template ${JSON.stringify(a.template)}: decide will fail when it renders (known: ${Object.keys(templates).join(", ")})`,
        );
        continue;
      }
      if (a.channel !== undefined && t.channel !== a.channel)
        add(
          "TEMPLATE_CHANNEL",
          "warning",
          path,
          `action ${JSON.stringify(type)} goes out via ${a.channel} but template ${JSON.stringify(a.template)} is written for ${t.channel}`,
        );
    }
  }
  // Offers: a hardship-offer action with no offer offers nothing.
  for (const r of rules) {
    const a = policy.actions[r.type];
    if (a?.purpose !== "hardship_offer" || r.makesOffer) continue;
    const t =
      a.template !== undefined && templates && Object.hasOwn(templates, a.template) ? templates[a.template] : undefined;
    const offerVars = t ? t.variables.filter((v) => v === "offer" || v.startsWith("offer.")) : [];
    add(
      "OFFER_MISSING",
      "warning",
      ["rules", r.index, "event", "params"],
      `rule ${JSON.stringify(r.name)} emits ${r.type}, a hardship offer, but neither its params.offer nor the action's offer gives one` +
        (offerVars.length > 0
          ? `: template ${JSON.stringify(a.template)} leaves out its offer part (${names(offerVars, 3)})`
          : ""),
    );
  }

  // Embedded tests.
  if (policy.tests.length === 0) add("NO_TESTS", "warning", ["tests"], "the policy has no embedded tests");
  else {
    const tested = new Set(
      options.testedRules ?? policy.tests.map((t) => t.expect.rule).filter((r): r is string => r !== undefined),
    );
    const how =
      options.testedRules !== undefined
        ? "no embedded test case is decided by it"
        : "no embedded test expects it (tests[].expect.rule)";
    for (const r of rules)
      if (!tested.has(r.name))
        add("RULE_UNTESTED", "warning", ["rules", r.index], `rule ${JSON.stringify(r.name)}: ${how}`);
  }

  // Stable: findings on one path keep the order they were found in.
  return out.sort((a, b) => comparePaths(a.path, b.path));
}

/**
 * The scenario book's machinery, shared by the test runner (scenarios.test.ts) and the docs
 * generator (docs/gen-scenarios.ts): decide a scenario with every shipped policy, derive the
 * facts its story relies on, compare a decision with the expectation, and say in words what the
 * decision was and why.
 */
import {
  applyScores,
  type DecidedAction,
  type Decision,
  decide,
  deriveFacts,
  FACTS,
  type FactsOptions,
  loadPolicy,
  loadScoring,
  type PolicyRouter,
  routePolicies,
  shippedRuleFiles,
} from "../../src/index.js";
import { CN_SCENARIOS } from "./cn.js";
import { GB_SCENARIOS } from "./gb.js";
import type { ActionSpec, FactExpectation, FactValue, Jurisdiction, Line, Scenario } from "./scenario.js";
import { US_SCENARIOS } from "./us.js";

export const BOOK: Readonly<Record<Jurisdiction, readonly Scenario[]>> = {
  CN: CN_SCENARIOS,
  US: US_SCENARIOS,
  GB: GB_SCENARIOS,
};

/** Every scenario, CN then US then GB. */
export const SCENARIOS: readonly Scenario[] = [...CN_SCENARIOS, ...US_SCENARIOS, ...GB_SCENARIOS];

/** The policy that should decide each jurisdiction's accounts. */
export const POLICY_OF: Readonly<Record<Jurisdiction, string>> = {
  CN: "cn-default",
  US: "us-default",
  GB: "gb-default",
};

/** The jurisdiction a scenario belongs to (its id's prefix). */
export function jurisdictionOf(s: Scenario): Jurisdiction {
  const j = s.id.slice(0, 2);
  if (j !== "CN" && j !== "US" && j !== "GB") throw new Error(`scenario ${s.id}: id must start with CN, US or GB`);
  return j;
}

let router: PolicyRouter | undefined;

/** Every shipped policy, routed by jurisdiction (gb-default is picked up as soon as it ships). */
export function shippedRouter(): PolicyRouter {
  return (router ??= routePolicies(
    shippedRuleFiles()
      .filter((f) => f.kind === "policies")
      .map((f) => loadPolicy(f.id)),
  ));
}

const decided = new WeakMap<Scenario, Decision>();

/** Decides a scenario's account at its instant with every shipped policy (once per scenario: decisions are pure). */
export function decideScenario(s: Scenario): Decision {
  let d = decided.get(s);
  if (!d) {
    const policy = s.policyId === undefined ? shippedRouter() : loadPolicy(s.policyId);
    d = decide(policy, s.account, { ...s.options, asOf: s.asOf });
    decided.set(s, d);
  }
  return d;
}

// ---------- fixture facts ----------

/** P1: a promise pauses collection only if it covers min(overdue, one instalment) within 14 days. */
const PROMISE_VALIDITY = { minAmountShare: 1, maxHorizonDays: 14 } as const;

/**
 * The counting options of the oracle's base fixtures (§0.2) and its promise validity (P1), so a
 * fixture's facts are checked independently of whichever policy decides it (or of a policy that
 * does not exist yet).
 */
const FACT_OPTIONS: Readonly<Record<Jurisdiction, Omit<FactsOptions, "asOf">>> = {
  CN: { scheme: "cn-m", graceDays: 3, tolerance: "10.00", promiseGraceDays: 1, promiseValidity: PROMISE_VALIDITY },
  US: { scheme: "us-cycle", graceDays: 5, tolerance: "1.00", promiseGraceDays: 2, promiseValidity: PROMISE_VALIDITY },
  GB: { scheme: "us-cycle", graceDays: 3, tolerance: "1.00", promiseGraceDays: 2, promiseValidity: PROMISE_VALIDITY },
};

const KNOWN_FACTS: ReadonlySet<string> = new Set(FACTS.map((d) => d.name));
let scoring: ReturnType<typeof loadScoring> | undefined;

/** Whether the fact catalogue has this fact yet. */
export function isKnownFact(name: string): boolean {
  return KNOWN_FACTS.has(name);
}

/** The scenario's facts (with scores) under the oracle's counting options. */
export function fixtureFacts(s: Scenario): Record<string, FactValue> {
  const facts = deriveFacts(s.account, { ...FACT_OPTIONS[jurisdictionOf(s)], asOf: s.asOf });
  applyScores((scoring ??= loadScoring()), facts);
  return facts;
}

/** Whether a fact value meets its expectation. */
export function factMatches(actual: FactValue | undefined, expected: FactExpectation): boolean {
  if (expected !== null && typeof expected === "object") {
    if (typeof actual !== "number") return false;
    return "atLeast" in expected ? actual >= expected.atLeast : actual <= expected.atMost;
  }
  return actual === expected;
}

/** An expectation in words (`≥ 2`, `true`). */
export function showExpectation(e: FactExpectation): string {
  if (e !== null && typeof e === "object") return "atLeast" in e ? `≥ ${e.atLeast}` : `≤ ${e.atMost}`;
  return JSON.stringify(e);
}

// ---------- decisions against expectations ----------

const sameInstant = (a: string | null | undefined, b: string | null | undefined): boolean =>
  a === b || (typeof a === "string" && typeof b === "string" && Date.parse(a) === Date.parse(b));

/** A line in words: `"text"` or `/pattern/`. */
export function showLine(l: Line): string {
  return typeof l === "string" ? JSON.stringify(l) : String(l);
}

function hasLine(text: string, l: Line): boolean {
  return typeof l === "string" ? text.includes(l) : l.test(text);
}

function messageText(a: DecidedAction): string | null {
  const m = a.message as { body?: unknown; subject?: unknown } | undefined;
  if (!m || typeof m.body !== "string") return null;
  return typeof m.subject === "string" ? `${m.subject}\n${m.body}` : m.body;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What a check looks at: `decision` (action, channel, timing, params, alongside, blocked, holds)
 * or `messages` (the lines the rendered messages must and must not contain). They are tested
 * apart, so a decision can be right while its template is still being rewritten.
 */
export type Part = "decision" | "messages";

/** Problems of one action against a spec ("" prefix for the primary, "alongside X: " else). */
function actionProblems(
  spec: ActionSpec,
  a: DecidedAction,
  asOf: string,
  where: string,
  part: Part = "decision",
): string[] {
  if (part === "messages") return a.type === spec.type ? messageProblems(spec, a, where) : [];
  const out: string[] = [];
  if (a.type !== spec.type) return [`${where}type is ${a.type}, expected ${spec.type}`];
  if (spec.channel !== undefined && a.channel !== spec.channel)
    out.push(`${where}channel is ${a.channel}, expected ${spec.channel}`);
  if (spec.party !== undefined && a.party !== spec.party)
    out.push(`${where}party is ${a.party}, expected ${spec.party}`);
  for (const [k, v] of Object.entries(spec.params ?? {}))
    if (!sameValue(a.params[k], v))
      out.push(`${where}params.${k} is ${JSON.stringify(a.params[k])}, expected ${JSON.stringify(v)}`);
  if (spec.earliestAt !== undefined) {
    const want = spec.earliestAt === "now" ? asOf : spec.earliestAt;
    if (!sameInstant(a.earliestAt, want))
      out.push(`${where}earliestAt is ${a.earliestAt}, expected ${spec.earliestAt}`);
  }
  if (spec.suggestedAt !== undefined) {
    const got = (a as { suggestedAt?: string }).suggestedAt;
    if (!sameInstant(got, spec.suggestedAt))
      out.push(`${where}suggestedAt is ${got ?? "(none)"}, expected ${spec.suggestedAt}`);
  }
  return out;
}

function messageProblems(spec: ActionSpec, a: DecidedAction, where: string): string[] {
  const out: string[] = [];
  if (!spec.message) return out;
  const text = messageText(a);
  if (text === null) return [`${where}no message rendered (template ${a.template ?? "none"})`];
  for (const l of spec.message.must ?? []) if (!hasLine(text, l)) out.push(`${where}message lacks ${showLine(l)}`);
  for (const l of spec.message.mustNot ?? [])
    if (hasLine(text, l)) out.push(`${where}message must not contain ${showLine(l)}`);
  return out;
}

/** Whether a scenario states any message line. */
export function hasMessageLines(s: Scenario): boolean {
  const e = s.expect;
  return (
    [e.action, ...(e.or ?? []), ...(e.alongside ?? []).map(asSpec)].some((a) => a?.message !== undefined) ||
    e.messages !== undefined
  );
}

const asSpec = (x: string | ActionSpec): ActionSpec => (typeof x === "string" ? { type: x } : x);

/**
 * Everything that differs between the decision and the scenario's expectation (empty: as
 * expected), for one part: the decision itself, or its messages.
 */
export function decisionProblems(s: Scenario, d: Decision, part: Part = "decision"): string[] {
  return part === "messages" ? messagesProblems(s, d) : decisionOnlyProblems(s, d);
}

function messagesProblems(s: Scenario, d: Decision): string[] {
  const e = s.expect;
  const out: string[] = [];
  if (e.action) {
    const matched = [e.action, ...(e.or ?? [])].find((spec) => actionProblems(spec, d.action, s.asOf, "").length === 0);
    if (matched) out.push(...actionProblems(matched, d.action, s.asOf, "", "messages"));
  }
  const along = d.action.alongside ?? [];
  for (const spec of (e.alongside ?? []).map(asSpec)) {
    const found = along.find((a) => a.type === spec.type && actionProblems(spec, a, s.asOf, "").length === 0);
    if (found) out.push(...actionProblems(spec, found, s.asOf, `alongside ${spec.type}: `, "messages"));
  }
  if (e.messages) {
    for (const a of [d.action, ...along]) {
      const text = messageText(a);
      if (text === null) continue;
      for (const l of e.messages.must ?? []) if (!hasLine(text, l)) out.push(`${a.type} message lacks ${showLine(l)}`);
      for (const l of e.messages.mustNot ?? [])
        if (hasLine(text, l)) out.push(`${a.type} message must not contain ${showLine(l)}`);
    }
  }
  return out;
}

function decisionOnlyProblems(s: Scenario, d: Decision): string[] {
  const e = s.expect;
  const out: string[] = [];
  if (e.notApplicable !== undefined) {
    if (d.notApplicable?.code !== e.notApplicable)
      out.push(`notApplicable is ${d.notApplicable?.code ?? "(none)"}, expected ${e.notApplicable}`);
    for (const l of e.notApplicableMentions ?? [])
      if (!hasLine(d.notApplicable?.message ?? "", l)) out.push(`notApplicable message does not name ${showLine(l)}`);
  } else {
    const policy = e.policy === undefined ? POLICY_OF[jurisdictionOf(s)] : e.policy;
    if (d.notApplicable) out.push(`not decided: ${d.notApplicable.code} (${d.notApplicable.message})`);
    if ((d.policy?.id ?? null) !== policy) out.push(`decided by ${d.policy?.id ?? "no policy"}, expected ${policy}`);
  }
  if (e.action) {
    const primary = actionProblems(e.action, d.action, s.asOf, "");
    if (primary.length > 0 && !(e.or ?? []).some((alt) => actionProblems(alt, d.action, s.asOf, "").length === 0))
      out.push(...primary, ...(e.or ?? []).map((alt) => `(nor the accepted alternative ${describeSpec(alt)})`));
  }
  const along = d.action.alongside ?? [];
  for (const spec of (e.alongside ?? []).map(asSpec)) {
    const found = along.filter((a) => a.type === spec.type);
    if (found.length === 0) out.push(`alongside ${spec.type} missing`);
    else if (found.every((a) => actionProblems(spec, a, s.asOf, `alongside ${spec.type}: `).length > 0))
      out.push(...actionProblems(spec, found[0]!, s.asOf, `alongside ${spec.type}: `));
  }
  for (const b of e.blocked ?? []) {
    const entry = d.blocked.find((x) => x.type === b.type);
    if (!entry) {
      out.push(`${b.type} not blocked${b.codes ? ` (expected ${b.codes.join(", ")})` : ""}`);
      continue;
    }
    const codes = entry.reasons.map((r) => r.code);
    for (const c of b.codes ?? [])
      if (!codes.includes(c)) out.push(`${b.type} blocked by ${codes.join(", ")}, expected ${c} among them`);
    if (b.earliestAt !== undefined && !sameInstant(entry.earliestAt, b.earliestAt))
      out.push(`${b.type} blocked until ${entry.earliestAt}, expected ${b.earliestAt}`);
  }
  for (const b of e.deferred ?? []) {
    const entry = d.blocked.find((x) => x.type === b.type);
    if (d.action.type === b.type) {
      if (!sameInstant(d.action.earliestAt, b.earliestAt))
        out.push(`${b.type} is the action from ${d.action.earliestAt}, expected from ${b.earliestAt}`);
    } else if (!entry) out.push(`${b.type} neither the action nor blocked (expected from ${b.earliestAt})`);
    else {
      const codes = entry.reasons.map((r) => r.code);
      for (const c of b.codes ?? [])
        if (!codes.includes(c)) out.push(`${b.type} blocked by ${codes.join(", ")}, expected ${c} among them`);
      if (b.earliestAt !== undefined && !sameInstant(entry.earliestAt, b.earliestAt))
        out.push(`${b.type} blocked until ${entry.earliestAt}, expected ${b.earliestAt}`);
    }
  }
  // One action of a kind per decision: two letters (or two calls) on the same day is a duplicate,
  // whatever the expectation says.
  const types = [d.action.type, ...along.map((a) => a.type)];
  for (const t of new Set(types))
    if (types.filter((x) => x === t).length > 1) out.push(`${t} more than once (primary and alongside)`);
  for (const t of e.never ?? []) {
    if (d.action.type === t) out.push(`primary action is ${t}, which must never be chosen here`);
    if (along.some((a) => a.type === t)) out.push(`${t} alongside, which must never be chosen here`);
  }
  for (const h of e.holds ?? []) {
    const got = d.holds.find((x) => x.status === h.status);
    if (!got) out.push(`hold ${h.status} missing (holds: ${d.holds.map((x) => x.status).join(", ") || "none"})`);
    else if (h.reviewOn !== undefined && got.reviewOn !== h.reviewOn)
      out.push(`hold ${h.status} reviewed on ${got.reviewOn}, expected ${h.reviewOn}`);
  }
  return out;
}

// ---------- words ----------

/** Local wall time of an instant in a zone: `2026-11-24 08:00`. */
export function localTime(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(instant));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

function when(instant: string | null | undefined, asOf: string, zone: string): string {
  if (instant === null || instant === undefined) return "never";
  return sameInstant(instant, asOf) ? "now" : localTime(instant, zone);
}

const PARAM_KEYS = ["stage", "reason", "kind"] as const;

function actionWords(a: DecidedAction, asOf: string, zone: string): string {
  const ps = PARAM_KEYS.filter((k) => typeof a.params[k] === "string").map((k) => String(a.params[k]));
  const suggested = (a as { suggestedAt?: string }).suggestedAt;
  const timing = a.contact
    ? ` ${when(a.earliestAt, asOf, zone)}${suggested ? ` (best ${when(suggested, asOf, zone)})` : ""}`
    : "";
  return `${a.type}${ps.length ? `[${ps.join(", ")}]` : ""}${a.channel ? ` by ${a.channel}` : ""}${timing}`;
}

/** An expected action in words. */
export function describeSpec(a: ActionSpec): string {
  const ps = Object.entries(a.params ?? {}).map(([k, v]) =>
    k === "stage" || k === "reason" ? String(v) : `${k}=${JSON.stringify(v)}`,
  );
  const timing =
    a.earliestAt === undefined
      ? ""
      : a.earliestAt === "now"
        ? " now"
        : ` from ${a.earliestAt.replace("T", " ").slice(0, 16)}`;
  const best = a.suggestedAt ? ` (best ${a.suggestedAt.replace("T", " ").slice(0, 16)})` : "";
  const ch = a.channel === undefined ? "" : a.channel === null ? " (no contact)" : ` by ${a.channel}`;
  return `${a.type}${ps.length ? `[${ps.join(", ")}]` : ""}${ch}${timing}${best}`;
}

/** One line saying what the decision was: action, alongside, blocked, holds. */
export function decisionSummary(d: Decision, zone: string): string {
  if (d.notApplicable) return `not applicable: ${d.notApplicable.code} (${d.action.type})`;
  const parts = [`${d.policy?.id ?? "?"}: ${actionWords(d.action, d.asOf, zone)}`];
  const along = d.action.alongside ?? [];
  if (along.length) parts.push(`alongside ${along.map((a) => actionWords(a, d.asOf, zone)).join(", ")}`);
  if (d.blocked.length)
    parts.push(
      `blocked ${d.blocked
        .map(
          (b) =>
            `${b.type} (${b.reasons.map((r) => r.code).join("+")}${b.earliestAt ? ` until ${when(b.earliestAt, d.asOf, zone)}` : ""})`,
        )
        .join(", ")}`,
    );
  if (d.holds.length) parts.push(`holds ${d.holds.map((h) => h.status).join(", ")}`);
  return parts.join("; ");
}

/** The decision laid out for a policy author: what was chosen, by which rule, what was blocked and which rules fired. */
export function explainDecision(s: Scenario, d: Decision): string {
  const zone = (s.account as { timeZone: string }).timeZone;
  const lines = [
    `${s.id} — ${s.story}`,
    `asOf ${s.asOf} (${localTime(s.asOf, zone)} local)`,
    `decision: ${decisionSummary(d, zone)}`,
    `action: ${d.action.type} channel=${d.action.channel} rule=${d.action.rule} earliestAt=${d.action.earliestAt} params=${JSON.stringify(d.action.params)}`,
  ];
  for (const a of d.action.alongside ?? [])
    lines.push(`alongside: ${a.type} rule=${a.rule} params=${JSON.stringify(a.params)}`);
  for (const b of d.blocked)
    lines.push(
      `blocked: ${b.type} (${b.rule}) ${b.reasons.map((r) => r.code).join(", ")} until ${b.earliestAt ?? "never"}`,
    );
  for (const h of d.holds) lines.push(`hold: ${h.status} since ${h.since} ends with ${h.endsWith}`);
  const fired = d.trace.filter((t) => t.fired);
  lines.push(`fired rules: ${fired.length ? "" : "none"}`);
  for (const t of fired) lines.push(`  ${t.priority} ${t.rule} → ${t.event ?? "-"} ${JSON.stringify(t.facts)}`);
  lines.push(`expected: ${s.expect.action ? describeSpec(s.expect.action) : "(open)"}; why: ${s.why}`);
  return lines.join("\n");
}

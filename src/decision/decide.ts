import { deriveDelinquency } from "../delinquency/derive.js";
import type { Delinquency } from "../delinquency/index.js";
import { asArrearsError } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import type { Facts } from "../facts/catalog.js";
import { deriveFactsWith, type FactsOptions } from "../facts/derive.js";
import { type ContactCheckResult, prepareContactCheck } from "../guardrails/check.js";
import type { GuardrailProfile } from "../guardrails/index.js";
import { limitationStatus } from "../guardrails/limitation.js";
import { HOLD_STATUSES, type HoldLifecycle, statusPeriods } from "../holds/index.js";
import type { LenderDetails } from "../messages/context.js";
import { renderMessage } from "../messages/render.js";
import { type Account, type AccountInput, accountWarnings, parseTransient } from "../model/account.js";
import { prepareAccount } from "../model/index.js";
import type { Channel } from "../model/schema.js";
import { buildOffer } from "../offers/build.js";
import { evaluatePolicy, type Policy, type PolicyEvent } from "../rules/index.js";
import { applyScoresTrusted } from "../scoring/apply.js";
import { type AsOf, formatInstant, formatIsoDate, parseInstant, resolveAsOf } from "../time/index.js";
import type {
  BlockedAction,
  DecidedAction,
  Decision,
  DecisionHold,
  NotApplicable,
  NotApplicableCode,
  TraceEntry,
} from "./decision.js";
import { resolvedOf } from "./load.js";
import { DecideOptionsSchema } from "./options.js";
import type { ResolvedPolicy } from "./resolve.js";
import { isPolicyRouter, type PolicyRouter } from "./route.js";
import { type ContactTimePrior, suggestContactTime } from "./suggest.js";

/** Options of {@link decide}. */
export interface DecideOptions {
  /** Evaluation instant, ISO with offset (`2026-11-23T10:00:00+08:00`). The only clock. */
  asOf: string;
  /**
   * Guardrail profiles replacing the policy's (raw JSON or from `loadGuardrailProfile`; one or
   * a list): for testing a draft profile against a policy. Only those covering the account apply.
   */
  guardrails?: unknown;
  /** Attach rendered messages to actions with a template (default true). */
  render?: boolean;
  /** Lender details for messages (name, phone, payment methods, complaint route). */
  lender?: LenderDetails;
  /** Champion/challenger variant name to record in the decision. */
  variant?: string;
  /** `"fired"` (default): the rules that fired and the facts they read; `"all"`: every rule. */
  trace?: "fired" | "all";
  /**
   * Extra dates for the profiles' calendars, by calendar id (e.g. next year's public holidays,
   * or a regional holiday): a contact on such a date is scheduled after it.
   */
  calendars?: Readonly<Record<string, readonly string[]>>;
  /**
   * When borrowers answer across your portfolio (right-party rate by local hour): with it, each
   * call or SMS gets a `suggestedAt`, the best lawful hour from the account's own history shrunk
   * toward this prior. Without it, the account's own overall rate is the prior.
   */
  contactTimePrior?: ContactTimePrior;
  /**
   * Set aside invalid contacts and payments, and keep a contact logged as a promise without its
   * promise (listed in `decision.warnings`) instead of rejecting the account; any other problem
   * still rejects it. Default false (strict). See `parseAccount`'s `lenient`.
   */
  lenient?: boolean;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The next recommended action for one account: derive facts at `asOf`, score risk and hardship,
 * evaluate the policy's rules, walk the candidate actions in priority order, drop those a
 * guardrail forbids (recorded in `blocked`), and return the first allowed one with the earliest
 * lawful instant, its offer and message, what it must come with, and a trace of the rules that
 * fired. Actions a rule marks `alongside` (a notice that goes with the primary action) are
 * checked one by one and returned in `action.alongside`.
 *
 * A policy decides only accounts in its jurisdictions and currency; give a router
 * ({@link routePolicies}) to decide a mixed portfolio. An account a policy does not cover gets
 * a decision with `notApplicable` (its code and why) and no contact: never a silent default.
 *
 * Pure and deterministic: the same policy, account and `asOf` give a byte-identical JSON decision.
 *
 * @throws {ArrearsError} `INVALID_ACCOUNT` for a malformed account, `INVALID_OPTIONS` for bad
 * options, `INVALID_POLICY` for something other than a loaded policy or router.
 *
 * @example
 * const policy = loadPolicy("cn-default");
 * const d = decide(policy, accountJson, { asOf: "2026-11-23T10:00:00+08:00" });
 * d.action.type;      // "call_borrower"
 * d.action.earliestAt // "2026-11-23T02:00:00.000Z"
 */
export function decide(
  policy: Policy | PolicyRouter,
  account: AccountInput | Account,
  options: DecideOptions,
): Decision {
  // Anything unusual (deep options, a getter, a proxy) goes through zod, and decide then reads
  // zod's copy, never the caller's object again.
  options =
    optionsLookValid(options) ?? (parseOptions(DecideOptionsSchema, options, "decide options") as DecideOptions);
  // The caller never sees this parsed copy: nothing to register or cache per account.
  const r = parseTransient(account, options.lenient === true);
  if (!r.success) throw r.error;
  const parsed = r.data;
  let chosen: Policy | null;
  if (isPolicyRouter(policy)) chosen = policy.route(parsed.jurisdiction, parsed.currency);
  else chosen = policy;
  const resolved = chosen === null ? null : resolvedOf(chosen, options.guardrails);
  try {
    if (resolved === null) {
      // The router's fallback action is that of its first policy.
      const router = policy as PolicyRouter;
      return withWarnings(
        notApplicableDecision(null, resolvedOf(router.policies[0]!), parsed, options, routerMiss(router, parsed)),
        parsed,
      );
    }
    const why = applicability(resolved, parsed);
    if (why !== null) return withWarnings(notApplicableDecision(resolved, resolved, parsed, options, why), parsed);
    return withWarnings(decideParsed(resolved, parsed, options), parsed);
  } catch (e) {
    // A failure inside the pipeline is reported against the account, never as a bare RangeError.
    throw asArrearsError(e, `account ${JSON.stringify(parsed.id)}`);
  }
}

/** The decision with what lenient parsing set aside from the account (absent when nothing). */
function withWarnings(decision: Decision, account: Account): Decision {
  const warnings = accountWarnings(account);
  if (warnings.length > 0) decision.warnings = warnings.map((w) => ({ path: [...w.path], message: w.message }));
  return decision;
}

function applicability(rp: ResolvedPolicy, a: Account): NotApplicable | null {
  const { policy } = rp;
  if (a.jurisdiction === undefined)
    return na(
      "JURISDICTION_UNKNOWN",
      `the account has no jurisdiction; policy ${policy.meta.id} applies in ${policy.jurisdictions.join(", ")}`,
    );
  if (!rp.covers(a.jurisdiction))
    return na(
      "JURISDICTION_MISMATCH",
      `policy ${policy.meta.id} applies in ${policy.jurisdictions.join(", ")}, not ${a.jurisdiction}` +
        (a.currency === policy.currency ? "" : `, and has thresholds in ${policy.currency}, not ${a.currency}`),
    );
  if (a.currency !== policy.currency)
    return na(
      "CURRENCY_MISMATCH",
      `policy ${policy.meta.id} has thresholds in ${policy.currency}; the account is in ${a.currency}`,
    );
  if (rp.profilesFor(a.jurisdiction).length === 0)
    return na(
      "NO_GUARDRAILS",
      `no guardrail profile of policy ${policy.meta.id} covers ${a.jurisdiction} for a ${rp.options.collectorRole}`,
    );
  return null;
}

function routerMiss(router: PolicyRouter, a: Account): NotApplicable {
  if (a.jurisdiction === undefined) return na("JURISDICTION_UNKNOWN", "the account has no jurisdiction");
  const any = router.policies.some((p) => resolvedOf(p).covers(a.jurisdiction!));
  return any
    ? na("CURRENCY_MISMATCH", `no policy for ${a.jurisdiction} has thresholds in ${a.currency}`)
    : na(
        "NO_POLICY_FOR_JURISDICTION",
        `no policy covers ${a.jurisdiction} (policies: ${router.policies.map((p) => `${p.meta.id} ${p.jurisdictions.join("/")}`).join(", ")})`,
      );
}

const na = (code: NotApplicableCode, message: string): NotApplicable => ({ code, message });

const OPTION_KEYS = new Set([
  "asOf",
  "guardrails",
  "render",
  "lender",
  "variant",
  "trace",
  "calendars",
  "contactTimePrior",
  "lenient",
]);
// Options whose contents only zod checks.
const DEEP_OPTIONS = new Set(["lender", "calendars", "contactTimePrior"]);

// The common call ({asOf} plus simple flags) is checked without zod: decide runs per account.
// Returns a copy of own data properties (decide never reads the caller's object again), or
// null for anything else (a getter, a proxy, deep options), which zod then checks and copies.
function optionsLookValid(o: unknown): DecideOptions | null {
  if (typeof o !== "object" || o === null) return null;
  const r: Record<string, unknown> = {};
  try {
    const proto = Object.getPrototypeOf(o);
    if (proto !== Object.prototype && proto !== null) return null;
    for (const k of Object.keys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, k);
      if (d === undefined || !("value" in d) || k === "__proto__") return null;
      r[k] = d.value;
    }
  } catch {
    return null;
  }
  if (typeof r.asOf !== "string" || Number.isNaN(asOfMs(r.asOf))) return null;
  for (const k in r) if (!OPTION_KEYS.has(k) || (DEEP_OPTIONS.has(k) && r[k] !== undefined)) return null;
  const ok =
    (r.render === undefined || typeof r.render === "boolean") &&
    (r.lenient === undefined || typeof r.lenient === "boolean") &&
    (r.variant === undefined || typeof r.variant === "string") &&
    (r.trace === undefined || r.trace === "fired" || r.trace === "all");
  return ok ? (r as unknown as DecideOptions) : null;
}

// A batch decides thousands of accounts at one asOf: parse and format it once.
let lastAsOf = "";
let lastAsOfMs = Number.NaN;
let lastAsOfIso = "";
function asOfMs(s: string): number {
  if (s !== lastAsOf) {
    lastAsOfMs = parseInstant(s);
    lastAsOfIso = Number.isNaN(lastAsOfMs) ? "" : formatInstant(lastAsOfMs);
    lastAsOf = s;
  }
  return lastAsOfMs;
}
function instantIso(ms: number): string {
  return ms === lastAsOfMs ? lastAsOfIso : formatInstant(ms);
}

function amountsOf(account: Account, d: Delinquency): Decision["amounts"] {
  return {
    currency: account.currency,
    overdue: d.overdue,
    outstanding: d.outstanding,
    oldestUnpaidDueDate: d.oldestUnpaidDueDate,
  };
}

/** A decision that decides nothing: the policy does not apply to the account (and says why). */
function notApplicableDecision(
  rp: ResolvedPolicy | null,
  fallbackFrom: ResolvedPolicy,
  account: Account,
  options: DecideOptions,
  why: NotApplicable,
): Decision {
  const delinquency = deriveDelinquency(account, {
    asOf: options.asOf,
    ...(rp === null
      ? {}
      : { scheme: rp.bucketScheme, graceDays: rp.options.graceDays, tolerance: rp.options.tolerance }),
  });
  const fb = fallbackFrom.fallbackAction;
  const def = fallbackFrom.actions[fb]!;
  return {
    accountId: account.id,
    asOf: options.asOf,
    policy: rp === null ? null : { id: rp.policy.meta.id, version: rp.policy.meta.version },
    ...(options.variant !== undefined ? { variant: options.variant } : {}),
    jurisdiction: account.jurisdiction ?? null,
    notApplicable: why,
    guardrails: [],
    facts: {},
    amounts: amountsOf(account, delinquency),
    scores: null,
    action: {
      type: fb,
      channel: null,
      party: def.party,
      rule: "(not applicable)",
      earliestAt: instantIso(asOfMs(options.asOf)),
      contact: false,
      params: {},
    },
    blocked: [],
    holds: [],
    limitation: null,
    allContactsBlocked: false,
    nextContactAt: null,
    trace: [],
  };
}

/** The holds in force at `asOf`, for the decision to show: why, since when, what ends them, when to review. */
function holdsView(account: Account, asOf: AsOf, lifecycle: HoldLifecycle | undefined): DecisionHold[] {
  if (!prepareAccount(account).holdSignals) return [];
  const out: DecisionHold[] = [];
  for (const p of statusPeriods(account, asOf, lifecycle)) {
    if (p.from > asOf.day || p.to < asOf.day) continue;
    out.push({
      status: p.status,
      since: Number.isFinite(p.from) ? formatIsoDate(p.from) : null,
      openedBy: p.openedBy,
      endsWith: p.endsWith,
      reviewOn: Number.isFinite(p.to) ? formatIsoDate(p.to + 1) : null,
    });
  }
  // The order of the hold facts (the most binding first), then the non-hold statuses.
  const rank = (s: string) => {
    const i = (HOLD_STATUSES as readonly string[]).indexOf(s);
    return i < 0 ? HOLD_STATUSES.length : i;
  };
  return out.sort((a, b) => rank(a.status) - rank(b.status));
}

function lifecycleOf(profiles: readonly GuardrailProfile[]): HoldLifecycle | undefined {
  for (const p of profiles) if (p.json.holdLifecycle !== undefined) return p.lifecycle;
  return undefined;
}

/** @internal decide on a validated account with a resolved policy that applies to it (the batch hot path). */
function decideParsed(rp: ResolvedPolicy, account: Account, options: DecideOptions): Decision {
  const nowMs = asOfMs(options.asOf);
  const profiles = rp.profilesFor(account.jurisdiction!);
  const lifecycle = lifecycleOf(profiles);
  const delinquencyOptions = {
    asOf: options.asOf,
    scheme: rp.bucketScheme,
    graceDays: rp.options.graceDays,
    tolerance: rp.options.tolerance,
  };
  // Derived once: the facts read rounded numbers from it, the decision keeps its exact amounts.
  const delinquency = deriveDelinquency(account, delinquencyOptions);
  // One literal, absent options undefined (deriveFactsWith reads them so): spreading the optional
  // parts in cost more than the rest of this function.
  const factsOptions = {
    asOf: options.asOf,
    scheme: rp.bucketScheme,
    graceDays: rp.options.graceDays,
    tolerance: rp.options.tolerance,
    promiseGraceDays: rp.options.promiseGraceDays,
    unreachable: rp.options.unreachable,
    promiseValidity: rp.options.promiseValidity,
    arrangementTracking: rp.options.arrangementTracking,
    holdLifecycle: lifecycle,
  } as FactsOptions;
  const facts: Facts = deriveFactsWith(account, factsOptions, delinquency);
  const asOf = resolveAsOf(options.asOf, account.timeZone);
  const prepared = prepareAccount(account);
  const limitation = limitationStatus(profiles, prepared, asOf, account.jurisdiction, delinquency.dpd);
  if (limitation !== null) {
    facts.timeBarred = limitation.timeBarred;
    facts.limitationEndsInDays = limitation.endsInDays;
  }
  const scores = applyScoresTrusted(rp.scoring, facts);
  const evaluated = evaluatePolicy(rp.policy, facts, { trace: options.trace === "all" ? true : "fired" });

  const check = prepareContactCheck(profiles, account, nowMs, {
    role: rp.options.collectorRole,
    calendars: options.calendars,
  });
  const maxDelayMs = rp.options.maxDelayHours * 3_600_000;
  const blocked: BlockedAction[] = [];
  const trace: TraceEntry[] = evaluated.trace as TraceEntry[];

  // Decides one candidate: null when blocked (recorded), else when it may happen and what it needs.
  const attempt = (
    ev: PolicyEvent,
    isAlongside: boolean,
  ): { earliestMs: number; result: ContactCheckResult | null; partyId?: string } | null => {
    const action = rp.actions[ev.type]!;
    if (!action.contact) return { earliestMs: nowMs, result: null };
    let r: ContactCheckResult;
    let partyId: string | undefined;
    if (action.party === "emergency_contact") {
      // The first emergency contact (in the borrower's order) the guardrails allow soonest.
      let best: { r: ContactCheckResult; id: string; ms: number } | null = null;
      const contacts = account.borrower.emergencyContacts;
      for (let i = 0; i < contacts.length; i++) {
        const ec = contacts[i]!;
        if (ec.optedOut) continue;
        const x = check(action.channel!, nowMs, {
          purpose: action.purpose,
          party: "emergency_contact",
          partyId: ec.id,
        });
        const ms = x.allowed ? nowMs : x.earliestAt === null ? Infinity : parseInstant(x.earliestAt);
        if (best === null || ms < best.ms) best = { r: x, id: ec.id, ms };
        if (x.allowed) break;
      }
      r = best?.r ?? check(action.channel!, nowMs, { purpose: action.purpose, party: "emergency_contact" });
      partyId = best?.id;
    } else r = check(action.channel!, nowMs, { purpose: action.purpose, party: action.party });
    if (r.allowed) return { earliestMs: nowMs, result: r, ...(partyId === undefined ? {} : { partyId }) };
    const laterMs = r.earliestAt === null ? Infinity : parseInstant(r.earliestAt);
    // Lawful soon (the calling window opens tomorrow morning): schedule it rather than fall back.
    if (laterMs - nowMs <= maxDelayMs)
      return { earliestMs: laterMs, result: r, ...(partyId === undefined ? {} : { partyId }) };
    if (laterMs < nextContactMs) nextContactMs = laterMs;
    blocked.push({
      type: ev.type,
      rule: ev.rule,
      reasons: r.reasons,
      earliestAt: r.earliestAt,
      ...(isAlongside ? { alongside: true as const } : {}),
    });
    return null;
  };

  type Candidate = { ev: PolicyEvent; earliestMs: number; result: ContactCheckResult | null; partyId?: string };
  let chosen: Candidate | null = null;
  let nextContactMs = Infinity;
  let contactCandidates = 0;
  const alongside: Candidate[] = [];
  const blockedTypes = new Set<string>();
  for (const ev of evaluated.events) {
    const action = rp.actions[ev.type];
    if (!action) continue;
    const isAlongside = (ev.params as { alongside?: unknown } | undefined)?.alongside === true;
    if (isAlongside) {
      if (alongside.some((x) => x.ev.type === ev.type)) continue;
      const ok = attempt(ev, true);
      if (ok !== null) alongside.push({ ev, ...ok });
      continue;
    }
    if (chosen !== null) continue;
    // Another rule's event of a type already blocked is blocked for the same reasons.
    if (blockedTypes.has(ev.type)) continue;
    if (action.contact) contactCandidates++;
    const ok = attempt(ev, false);
    if (ok === null && action.contact) blockedTypes.add(ev.type);
    if (ok !== null) chosen = { ev, ...ok };
  }

  const allContactsBlocked =
    contactCandidates > 0 &&
    blocked.filter((b) => b.alongside !== true).length === contactCandidates &&
    (chosen === null || !rp.actions[chosen.ev.type]!.contact);

  const toAction = (c: Candidate): DecidedAction => {
    const def = rp.actions[c.ev.type]!;
    const a: DecidedAction = {
      type: c.ev.type,
      channel: (def.channel ?? null) as Channel | null,
      party: def.party,
      rule: c.ev.rule,
      earliestAt: instantIso(c.earliestMs),
      contact: def.contact,
      params: (c.ev.params ?? {}) as Record<string, unknown>,
    };
    if (c.partyId !== undefined) a.partyId = c.partyId;
    if (c.result !== null && c.result.requirements.length > 0) a.requirements = c.result.requirements;
    if (def.contact && (def.channel === "call" || def.channel === "sms")) {
      const at = suggestContactTime(
        prepared,
        asOf.clock,
        nowMs,
        def.channel,
        c.earliestMs,
        check,
        { purpose: def.purpose, party: def.party, ...(c.partyId === undefined ? {} : { partyId: c.partyId }) },
        options.contactTimePrior,
      );
      a.suggestedAt = instantIso(at);
    } else if (def.contact && def.channel === "visit") {
      // A visit the borrower agreed to: at the agreed time (the guardrails hold it near that time).
      for (let i = 0; i < prepared.appointments.length; i++) {
        const ap = prepared.appointments[i]!;
        if (ap.kind === "visit" && ap.at >= c.earliestMs && ap.at - c.earliestMs <= 86_400_000) {
          a.suggestedAt = instantIso(ap.at);
          break;
        }
      }
    }
    if (def.template) a.template = def.template;
    return a;
  };

  let action: DecidedAction;
  if (chosen) action = toAction(chosen);
  else {
    const fb = rp.fallbackAction;
    const def = rp.actions[fb]!;
    action = {
      type: fb,
      channel: (def.channel ?? null) as Channel | null,
      party: def.party,
      rule: "(fallback)",
      earliestAt: instantIso(nowMs),
      contact: def.contact,
      params: {},
    };
  }
  // One action of each kind: a letter rule alongside a letter that is already the action adds nothing.
  const extra = alongside.filter((x) => x.ev.type !== action.type);
  if (extra.length > 0) action.alongside = extra.map(toAction);

  const decision: Decision = {
    accountId: account.id,
    asOf: options.asOf,
    policy: { id: rp.policy.meta.id, version: rp.policy.meta.version },
    ...(options.variant !== undefined ? { variant: options.variant } : {}),
    jurisdiction: account.jurisdiction!,
    guardrails: profiles.map((p) => ({ id: p.id, version: p.version })),
    facts,
    amounts: amountsOf(account, delinquency),
    scores: {
      risk: scores.risk,
      hardship: scores.hardship,
      segment: scores.segment,
      priority: round2(Number(facts.riskProbability ?? 0) * Number(facts.outstandingAmount ?? 0)),
    },
    action,
    blocked,
    holds: holdsView(account, asOf, lifecycle),
    limitation,
    allContactsBlocked,
    nextContactAt: allContactsBlocked && Number.isFinite(nextContactMs) ? formatInstant(nextContactMs) : null,
    trace,
  };

  for (const a of [action, ...(action.alongside ?? [])]) {
    const offerSpec = a.params.offer ?? rp.actions[a.type]?.offer;
    if (offerSpec) a.offer = buildOffer(offerSpec as Parameters<typeof buildOffer>[0], account, { asOf: options.asOf });
    const review = rp.options.offerReview;
    if (a === action && review !== undefined && (a.offer as { reviewRequired?: boolean } | undefined)?.reviewRequired) {
      // Never send an unaffordable offer as if it fitted: a person reviews it (income and expenditure).
      const def = rp.actions[review]!;
      decision.action = {
        type: review,
        channel: null,
        party: def.party,
        rule: a.rule,
        earliestAt: a.earliestAt,
        contact: false,
        params: { reason: `offer_${(a.offer as { status: string }).status}`, offeredAction: a.type },
        offer: a.offer,
        ...(a.alongside ? { alongside: a.alongside } : {}),
      };
      continue;
    }
    if (a.template && options.render !== false) {
      const optOutText = rp.optOutText(profiles, a.channel);
      a.message = renderMessage(
        rp.templates.get(a.template)!,
        // The message also reads what the action is for (a letter of claim shares the final notice's
        // template). Object.assign: a literal starting with a spread of a fresh object and adding
        // keys is a slow path on Node 20.
        Object.assign({}, decision, { action: Object.assign({}, a, { purpose: rp.actions[a.type]?.purpose }) }),
        {
          account,
          // Contact hours and visit requirements in the text come from the profiles that decided.
          profiles,
          collectorRole: rp.options.collectorRole,
          promiseGraceDays: rp.options.promiseGraceDays,
          ...(options.lender ? { lender: options.lender } : {}),
          ...(optOutText ? { optOutText } : {}),
        },
      );
    }
  }
  return decision;
}

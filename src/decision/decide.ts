import { deriveDelinquency } from "../delinquency/derive.js";
import { asArrearsError } from "../errors/index.js";
import { parseOptions } from "../errors/options.js";
import { deriveFactsWith } from "../facts/derive.js";
import { prepareContactCheck } from "../guardrails/check.js";
import { getTemplate } from "../messages/catalog.js";
import type { LenderDetails } from "../messages/context.js";
import { renderMessage } from "../messages/render.js";
import { type Account, type AccountInput, isParsedAccount, parseAccount } from "../model/account.js";
import type { Channel } from "../model/schema.js";
import { buildOffer } from "../offers/build.js";
import { evaluatePolicy, type Policy } from "../rules/index.js";
import { applyScores } from "../scoring/apply.js";
import { formatInstant, parseInstant } from "../time/index.js";
import type { BlockedAction, DecidedAction, Decision, TraceEntry } from "./decision.js";
import { DecideOptionsSchema } from "./options.js";
import { type ResolvedPolicy, resolvePolicy } from "./resolve.js";

/** Options of {@link decide}. */
export interface DecideOptions {
  /** Evaluation instant, ISO with offset (`2026-11-23T10:00:00+08:00`). The only clock. */
  asOf: string;
  /** Guardrail profile overriding the policy's (raw JSON or from `loadGuardrailProfile`). */
  guardrails?: unknown;
  /** Attach rendered messages to actions with a template (default true). */
  render?: boolean;
  /** Lender details for messages (name, phone, payment methods, complaint route). */
  lender?: LenderDetails;
  /** Champion/challenger variant name to record in the decision. */
  variant?: string;
  /** `"fired"` (default): the rules that fired and the facts they read; `"all"`: every rule. */
  trace?: "fired" | "all";
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The next recommended action for one account: derive facts at `asOf`, score risk and hardship,
 * evaluate the policy's rules, walk the candidate actions in priority order, drop those a
 * guardrail forbids (recorded in `blocked`), and return the first allowed one with the earliest
 * lawful instant, its offer and message, and a trace of the rules that fired.
 *
 * Pure and deterministic: the same policy, account and `asOf` give a byte-identical JSON decision.
 *
 * @throws {ArrearsError} `INVALID_ACCOUNT` for a malformed account, `INVALID_OPTIONS` for bad options.
 *
 * @example
 * const policy = loadPolicy(defaultPolicyJson);
 * const d = decide(policy, accountJson, { asOf: "2026-11-23T10:00:00+08:00" });
 * d.action.type;      // "call_borrower"
 * d.action.earliestAt // "2026-11-23T02:00:00.000Z"
 */
export function decide(policy: Policy, account: AccountInput | Account, options: DecideOptions): Decision {
  if (!optionsLookValid(options)) parseOptions(DecideOptionsSchema, options, "decide options");
  const parsed = isParsedAccount(account) ? account : parseAccount(account);
  const resolved = resolvePolicy(policy, options.guardrails);
  try {
    return decideParsed(resolved, parsed, options);
  } catch (e) {
    // A failure inside the pipeline is reported against the account, never as a bare RangeError.
    throw asArrearsError(e, `account ${JSON.stringify(parsed.id)}`);
  }
}

const OPTION_KEYS = new Set(["asOf", "guardrails", "render", "lender", "variant", "trace"]);

// The common call ({asOf} plus simple flags) is checked without zod: decide runs per account.
function optionsLookValid(o: unknown): boolean {
  if (typeof o !== "object" || o === null) return false;
  const r = o as Record<string, unknown>;
  if (typeof r.asOf !== "string" || Number.isNaN(asOfMs(r.asOf))) return false;
  for (const k in r) if (!OPTION_KEYS.has(k) || (k === "lender" && r.lender !== undefined)) return false;
  return (
    (r.render === undefined || typeof r.render === "boolean") &&
    (r.variant === undefined || typeof r.variant === "string") &&
    (r.trace === undefined || r.trace === "fired" || r.trace === "all")
  );
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

/** @internal decide on a validated account with a resolved policy (the batch hot path). */
function decideParsed(rp: ResolvedPolicy, account: Account, options: DecideOptions): Decision {
  const nowMs = asOfMs(options.asOf);
  const delinquencyOptions = {
    asOf: options.asOf,
    scheme: rp.bucketScheme,
    graceDays: rp.options.graceDays,
    tolerance: rp.options.tolerance,
  };
  // Derived once: the facts read rounded numbers from it, the decision keeps its exact amounts.
  const delinquency = deriveDelinquency(account, delinquencyOptions);
  const facts = deriveFactsWith(
    account,
    {
      ...delinquencyOptions,
      promiseGraceDays: rp.options.promiseGraceDays,
      ...(rp.options.unreachable ? { unreachable: rp.options.unreachable } : {}),
    },
    delinquency,
  );
  const scores = applyScores(rp.scoring, facts);
  const evaluated = evaluatePolicy(rp.policy, facts, { trace: options.trace === "all" ? true : "fired" });

  const check = prepareContactCheck(rp.guardrails, account, nowMs);
  const maxDelayMs = rp.options.maxDelayHours * 3_600_000;
  const blocked: BlockedAction[] = [];
  const trace: TraceEntry[] = evaluated.trace as TraceEntry[];
  let chosen: { ev: (typeof evaluated.events)[number]; earliestMs: number } | null = null;
  let nextContactMs = Infinity;
  let contactCandidates = 0;

  for (const ev of evaluated.events) {
    const action = rp.actions[ev.type];
    if (!action) continue;
    if (!action.contact) {
      chosen = { ev, earliestMs: nowMs };
      break;
    }
    contactCandidates++;
    const r = check(action.channel!, nowMs, { purpose: action.purpose });
    if (r.allowed) {
      chosen = { ev, earliestMs: nowMs };
      break;
    }
    const laterMs = r.earliestAt === null ? Infinity : parseInstant(r.earliestAt);
    // Lawful soon (the calling window opens tomorrow morning): schedule it rather than fall back.
    if (laterMs - nowMs <= maxDelayMs) {
      chosen = { ev, earliestMs: laterMs };
      break;
    }
    if (laterMs < nextContactMs) nextContactMs = laterMs;
    blocked.push({ type: ev.type, rule: ev.rule, reasons: r.reasons, earliestAt: r.earliestAt });
  }

  const allContactsBlocked =
    contactCandidates > 0 &&
    blocked.length === contactCandidates &&
    (chosen === null || !rp.actions[chosen.ev.type]!.contact);
  let action: DecidedAction;
  if (chosen) {
    const cat = rp.actions[chosen.ev.type]!;
    action = {
      type: chosen.ev.type,
      channel: (cat.channel ?? null) as Channel | null,
      rule: chosen.ev.rule,
      earliestAt: instantIso(chosen.earliestMs),
      contact: cat.contact,
      params: (chosen.ev.params ?? {}) as Record<string, unknown>,
    };
    if (cat.template) action.template = cat.template;
  } else {
    const fb = rp.fallbackAction;
    const cat = rp.actions[fb]!;
    action = {
      type: fb,
      channel: (cat.channel ?? null) as Channel | null,
      rule: "(fallback)",
      earliestAt: instantIso(nowMs),
      contact: cat.contact,
      params: {},
    };
  }

  const decision: Decision = {
    accountId: account.id,
    asOf: options.asOf,
    policy: { id: rp.policy.meta.id, version: rp.policy.meta.version },
    ...(options.variant !== undefined ? { variant: options.variant } : {}),
    facts,
    amounts: {
      currency: account.currency,
      overdue: delinquency.overdue,
      outstanding: delinquency.outstanding,
      oldestUnpaidDueDate: delinquency.oldestUnpaidDueDate,
    },
    scores: {
      risk: scores.risk,
      hardship: scores.hardship,
      segment: scores.segment,
      priority: round2(Number(facts.riskProbability ?? 0) * Number(facts.outstandingAmount ?? 0)),
    },
    action,
    blocked,
    allContactsBlocked,
    nextContactAt: allContactsBlocked && Number.isFinite(nextContactMs) ? formatInstant(nextContactMs) : null,
    trace,
  };

  const offerSpec = action.params.offer ?? rp.actions[action.type]?.offer;
  if (offerSpec)
    action.offer = buildOffer(offerSpec as Parameters<typeof buildOffer>[0], account, { asOf: options.asOf });
  if (action.template && options.render !== false) {
    const optOutText = rp.optOutText(action.channel);
    action.message = renderMessage(getTemplate(action.template), decision, {
      account,
      ...(options.lender ? { lender: options.lender } : {}),
      ...(optOutText ? { optOutText } : {}),
    });
  }
  return decision;
}

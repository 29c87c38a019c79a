import { ArrearsError, issuesFromZod, ownField, readInput } from "../errors/index.js";
import { DEFAULT_HOLD_LIFECYCLE, type HoldLifecycle } from "../holds/index.js";
import { CHANNELS, type Channel, CONTACT_OUTCOMES, CONTACT_PURPOSES } from "../model/schema.js";
import { parseIsoDate } from "../time/index.js";
import { deepFreeze } from "../util/index.js";
import { sharedRegistry } from "../util/shared.js";
import {
  type ContactFilter,
  type GuardrailProfileJson,
  GuardrailProfileSchema,
  type HoldFlag,
  type Period,
} from "./schema.js";

/** @internal A rule's identity, carried into every reason it produces. */
export interface RuleRef {
  id: string;
  code: string;
  source: string;
  description: string | undefined;
}

/** @internal Bit masks over CHANNELS / CONTACT_OUTCOMES / directions / purposes (0 = no purpose). */
export interface CompiledFilter {
  channels: number;
  outcomes: number;
  directions: number;
  purposes: number;
}

/** @internal */
export type CompiledPeriod = { kind: "days"; n: number } | { kind: "hours"; ms: number; n: number };

/** @internal */
interface CompiledCap extends RuleRef {
  filter: CompiledFilter;
  max: number;
  period: CompiledPeriod;
  when: HoldFlag | null;
}
/** @internal */
interface CompiledQuiet extends RuleRef {
  filter: CompiledFilter;
  period: CompiledPeriod;
}
/** @internal */
interface CompiledHold extends RuleRef {
  flag: HoldFlag;
  /** Purposes (bit mask, as in filters) the hold applies to: all bits unless the rule lists some. */
  purposes: number;
  /** Purposes (bit mask, as in filters) exempt on this channel. */
  exemptPurposes: number;
}
/** @internal */
interface CompiledNotice extends RuleRef {
  filter: CompiledFilter;
  /** Purposes (bit mask) of the contacts that need the notice: all bits unless the rule lists some. */
  purposes: number;
  minDays: number;
  validDays: number | null;
  /** An agreed visit time satisfies the rule within this many ms of it (null: appointments do not count). */
  appointmentToleranceMs: number | null;
}
/** @internal Windows of one channel: per ISO weekday (index 1–7) sorted [startMin, endMin) pairs. */
export interface CompiledWindows {
  rule: RuleRef;
  byWeekday: (readonly [number, number][])[];
  text: string;
}

const profiles = sharedRegistry("guardrails.profiles/v1", () => new WeakSet<object>());

/**
 * A guardrail profile compiled for fast checks: rules indexed by the channel they block, contact
 * filters turned into bit masks. Obtain one with {@link loadGuardrailProfile}.
 */
export interface GuardrailProfile {
  readonly id: string;
  readonly version: string;
  readonly description: string;
  /** The validated JSON (defaults filled in), frozen. */
  readonly json: GuardrailProfileJson;
  /** @internal */ readonly windows: readonly (CompiledWindows | null)[];
  /** @internal */ readonly caps: readonly (readonly CompiledCap[])[];
  /** @internal */ readonly quiet: readonly (readonly CompiledQuiet[])[];
  /** @internal */ readonly holds: readonly (readonly CompiledHold[])[];
  /** @internal */ readonly notices: readonly (readonly CompiledNotice[])[];
  /** @internal */ readonly conversation: number;
  /** @internal hold lifecycle numbers (the profile's, else the Debt Respite Scheme's). */
  readonly lifecycle: HoldLifecycle;
  /** @internal */ readonly failed: number;
  /** @internal */ readonly optOut: RuleRef;
  /** @internal */ readonly thirdParty: RuleRef & {
    purposes: number;
    requireUnreachable: boolean;
    noConversationDays: number;
    minFailedAttempts: number;
    attemptChannels: number;
  };
  /** @internal emergency contacts (null: treated as third parties). */
  readonly emergencyContacts:
    | (RuleRef & { purposes: number; requireUnreachable: boolean; perPersonDays: number | null })
    | null;
  /** @internal rest days per channel: ISO weekdays mask (bit d) and calendar ids. */
  readonly restDays: readonly (readonly CompiledRestDays[])[];
  /** @internal the profile's calendars as epoch days. */
  readonly calendars: ReadonlyMap<string, ReadonlySet<number>>;
  /** @internal requirements per channel. */
  readonly requirements: readonly (readonly CompiledRequirement[])[];
}

/** @internal */
export interface CompiledRestDays extends RuleRef {
  weekdays: number;
  calendar: string | null;
  /** Only for accounts in these jurisdictions (null: all of the profile's). */
  jurisdictions: readonly string[] | null;
}

/** @internal */
interface CompiledRequirement extends RuleRef {
  purposes: number;
  roles: readonly ("creditor" | "debt_collector")[];
  text: string;
}

const channelIndex = (c: Channel): number => CHANNELS.indexOf(c);
const maskOf = <T extends string>(all: readonly T[], list: readonly T[] | undefined, shift = 0): number => {
  if (!list) return -1 >>> 0;
  let m = 0;
  for (const v of list) m |= 1 << (all.indexOf(v) + shift);
  return m >>> 0;
};
/** Purpose bit 0 is "no purpose given"; bit i+1 is CONTACT_PURPOSES[i]. */
export const purposeBit = (p: string | undefined): number => {
  if (p === undefined) return 1;
  const i = (CONTACT_PURPOSES as readonly string[]).indexOf(p);
  return i < 0 ? 0 : 1 << (i + 1);
};

/** A purpose list as a mask (bit 0, "no purpose", is set only when the list is absent). */
const purposesOf = (list: readonly string[] | undefined): number =>
  list ? maskOf(CONTACT_PURPOSES as readonly string[], list, 1) : -1 >>> 0;

function filterOf(f: ContactFilter): CompiledFilter {
  return {
    channels: maskOf(CHANNELS, f.channels),
    outcomes: maskOf(CONTACT_OUTCOMES, f.outcomes),
    directions: maskOf(["outbound", "inbound"] as const, f.directions),
    purposes: purposesOf(f.purposes),
  };
}

function periodOf(p: Period): CompiledPeriod {
  return "localDays" in p ? { kind: "days", n: p.localDays } : { kind: "hours", ms: p.hours * 3_600_000, n: p.hours };
}

const ref = (r: { id: string; code: string; source: string; description?: string | undefined }): RuleRef => ({
  id: r.id,
  code: r.code,
  source: r.source,
  description: r.description,
});

const minutes = (hhmm: string): number => +hhmm.slice(0, 2) * 60 + +hhmm.slice(3, 5);

function perChannel<T>(): T[][] {
  return CHANNELS.map(() => [] as T[]);
}

function compile(json: GuardrailProfileJson): GuardrailProfile {
  const windows: (CompiledWindows | null)[] = CHANNELS.map(() => null);
  for (const ch of CHANNELS) {
    const rules = json.windows.filter((w) => w.channels.includes(ch));
    if (rules.length === 0) continue;
    const byWeekday: [number, number][][] = [[], [], [], [], [], [], [], []];
    for (const w of rules)
      for (const d of w.days ?? [1, 2, 3, 4, 5, 6, 7]) byWeekday[d]!.push([minutes(w.start), minutes(w.end)]);
    for (const list of byWeekday) list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const text = rules
      .map((w) => `${w.start}–${w.end}${w.days ? ` on ISO weekdays ${w.days.join(",")}` : ""}`)
      .join("; ");
    windows[channelIndex(ch)] = { rule: ref(rules[0]!), byWeekday, text };
  }
  const caps = perChannel<CompiledCap>();
  for (const c of json.caps) {
    const compiled: CompiledCap = {
      ...ref(c),
      filter: filterOf(c.count),
      max: c.max,
      period: periodOf(c.period),
      when: c.when?.flag ?? null,
    };
    for (const ch of c.channels) caps[channelIndex(ch)]!.push(compiled);
  }
  const quiet = perChannel<CompiledQuiet>();
  for (const q of json.quietPeriods) {
    const compiled: CompiledQuiet = { ...ref(q), filter: filterOf(q.after), period: periodOf(q.period) };
    for (const ch of q.channels) quiet[channelIndex(ch)]!.push(compiled);
  }
  const holds = perChannel<CompiledHold>();
  for (const h of json.holds) {
    for (const ch of h.channels) {
      let exempt = 0;
      for (const e of h.except ?? []) if (e.channels.includes(ch)) exempt |= maskOf(CONTACT_PURPOSES, e.purposes, 1);
      holds[channelIndex(ch)]!.push({
        ...ref(h),
        flag: h.flag,
        purposes: purposesOf(h.purposes),
        exemptPurposes: exempt >>> 0,
      });
    }
  }
  const notices = perChannel<CompiledNotice>();
  for (const n of json.notices) {
    const compiled: CompiledNotice = {
      ...ref(n),
      // A notice is an outbound contact on the notice channel with the notice purpose that was not returned.
      purposes: purposesOf(n.purposes),
      filter: {
        channels: maskOf(CHANNELS, n.notice.channels ?? [n.notice.channel!]),
        outcomes: maskOf(
          CONTACT_OUTCOMES,
          CONTACT_OUTCOMES.filter((o) => o !== "undeliverable"),
        ),
        directions: 1,
        purposes: maskOf(CONTACT_PURPOSES, [n.notice.purpose], 1),
      },
      minDays: n.minDays,
      validDays: n.validDays ?? null,
      appointmentToleranceMs: n.appointment ? n.appointment.toleranceMinutes * 60_000 : null,
    };
    for (const ch of n.channels) notices[channelIndex(ch)]!.push(compiled);
  }
  const restDays = perChannel<CompiledRestDays>();
  for (const r of json.restDays) {
    let weekdays = 0;
    for (const d of r.weekdays ?? []) weekdays |= 1 << d;
    const compiled: CompiledRestDays = {
      ...ref(r),
      weekdays,
      calendar: r.calendar ?? null,
      jurisdictions: r.jurisdictions ?? null,
    };
    for (const ch of r.channels) restDays[channelIndex(ch)]!.push(compiled);
  }
  const calendars = new Map<string, ReadonlySet<number>>();
  for (const [id, c] of Object.entries(json.calendars)) calendars.set(id, new Set(c.dates.map(parseIsoDate)));
  const requirements = perChannel<CompiledRequirement>();
  for (const r of json.requirements) {
    const compiled: CompiledRequirement = {
      ...ref(r),
      purposes: purposesOf(r.purposes),
      roles: r.roles ?? ["creditor", "debt_collector"],
      text: r.text,
    };
    for (const ch of r.channels) requirements[channelIndex(ch)]!.push(compiled);
  }
  const ec = json.emergencyContacts;
  const tp = json.thirdParty;
  const profile: GuardrailProfile = {
    id: json.id,
    version: json.version,
    description: json.description,
    // Test accounts are copied so freezing the profile never freezes the caller's objects.
    json: deepFreeze({
      ...json,
      tests: json.tests.map((t, i) => ({ ...t, account: copyTestAccount(t.account ?? null, json.id, i) })),
    }),
    windows,
    caps,
    quiet,
    holds,
    notices,
    conversation: maskOf(CONTACT_OUTCOMES, json.conversationOutcomes),
    lifecycle: json.holdLifecycle
      ? {
          breathingSpaceDays: json.holdLifecycle.breathingSpaceDays,
          mentalHealthDaysAfterTreatment: json.holdLifecycle.mentalHealthDaysAfterTreatment,
        }
      : DEFAULT_HOLD_LIFECYCLE,
    failed: maskOf(CONTACT_OUTCOMES, json.failedOutcomes),
    optOut: ref({ id: "optOut", ...json.optOut }),
    thirdParty: {
      ...ref({ id: "thirdParty", ...tp }),
      purposes: maskOf(CONTACT_PURPOSES, tp.purposes, 1),
      requireUnreachable: tp.requireUnreachable,
      noConversationDays: tp.unreachable?.noConversationDays ?? 0,
      minFailedAttempts: tp.unreachable?.minFailedAttempts ?? 0,
      attemptChannels: maskOf(CHANNELS, tp.unreachable?.channels),
    },
    emergencyContacts: ec
      ? {
          ...ref({ id: "emergencyContacts", ...ec }),
          purposes: maskOf(CONTACT_PURPOSES, ec.purposes, 1),
          requireUnreachable: ec.requireUnreachable,
          perPersonDays: ec.perPersonDays ?? null,
        }
      : null,
    restDays,
    calendars,
    requirements,
  };
  profiles.add(profile);
  return Object.freeze(profile);
}

/** True if `value` was returned by {@link loadGuardrailProfile}. */
export function isGuardrailProfile(value: unknown): value is GuardrailProfile {
  return typeof value === "object" && value !== null && profiles.has(value);
}

/**
 * Validates a guardrail profile (JSON, as in `rules/guardrails/*.json`) and compiles it for fast
 * checks. A compiled profile passed in is returned as is.
 *
 * @throws {ArrearsError} code `INVALID_GUARDRAIL_PROFILE`, one issue per problem with its JSON
 * path, e.g. `caps[0].period.localDays: Too small: expected number to be >=1, received 0`.
 *
 * @example
 * import usRegF from "arrears/rules/guardrails/us-reg-f.json" with { type: "json" };
 * const profile = loadGuardrailProfile(usRegF);
 * profile.id; // "us-reg-f"
 */
export function loadGuardrailProfile(json: unknown): GuardrailProfile {
  if (isGuardrailProfile(json)) return json;
  const r = readInput("INVALID_GUARDRAIL_PROFILE", "guardrail profile", () => GuardrailProfileSchema.safeParse(json));
  if (!r.success) {
    const raw = ownField(json, "id");
    const id = typeof raw === "string" && raw.length <= 80 ? raw : undefined;
    throw new ArrearsError(
      "INVALID_GUARDRAIL_PROFILE",
      issuesFromZod(r.error, json),
      id ? `guardrail profile ${JSON.stringify(id)}` : "guardrail profile",
    );
  }
  // Test accounts pass through the schema as given and are copied: one that cannot be copied
  // (a function, a revoked proxy) makes the profile invalid.
  return readInput("INVALID_GUARDRAIL_PROFILE", `guardrail profile ${JSON.stringify(r.data.id)}`, () =>
    compile(r.data),
  );
}

/**
 * Whether messages on `channel` must carry an opt-out sentence under `profile`, and which one
 * for `locale` (falls back to the language, then to the first text given). `null` when none is required.
 *
 * @example
 * optOutTextFor(loadGuardrailProfile(usRegF), "sms", "en-US"); // "Reply STOP to stop texts."
 * optOutTextFor(loadGuardrailProfile(usRegF), "call", "en-US"); // null
 */
export function optOutTextFor(profile: GuardrailProfile | unknown, channel: Channel, locale?: string): string | null {
  const p = loadGuardrailProfile(profile);
  if (!p.json.channels[channel]?.requiresOptOutText) return null;
  const texts = p.json.optOutText;
  if (locale && texts[locale] !== undefined) return texts[locale]!;
  const lang = locale?.split("-")[0];
  if (lang) {
    const k = Object.keys(texts).find((key) => key === lang || key.startsWith(lang + "-"));
    if (k) return texts[k]!;
  }
  const first = Object.keys(texts)[0];
  return first === undefined ? null : texts[first]!;
}

/** A copy of a test's account, or an error naming the test when it is no data (a function, a proxy). */
function copyTestAccount(account: unknown, id: string, i: number): unknown {
  try {
    return structuredClone(account);
  } catch {
    throw new ArrearsError(
      "INVALID_GUARDRAIL_PROFILE",
      [{ path: ["tests", i, "account"], message: "expected JSON data (it could not be copied)" }],
      `guardrail profile ${JSON.stringify(id)}`,
    );
  }
}

import * as z from "zod";
import { ArrearsError, type ArrearsIssue, issuesFromZod, readInput } from "../errors/index.js";
import { type Channel, ChannelSchema, LocaleSchema } from "../model/schema.js";
import { sharedRegistry } from "../util/shared.js";
import { CONSEQUENCES } from "./context.js";
import {
  type CheckResult,
  checkTemplateNodes,
  type Literal,
  parseTemplateText,
  type TemplateNode,
} from "./language.js";
import { VARIABLES_BY_NAME } from "./variables.js";

/** Template text: one string, or an array of lines joined with "\n" (easier to read in JSON). */
/** The most characters one template text may have (a letter is a few thousand). */
const MAX_TEMPLATE_TEXT = 20_000;
/** Headed sections in one locale (a letter has a handful) and characters in all of them. */
const MAX_SECTIONS = 200;
const MAX_LOCALE_TEXT = 100_000;
const MAX_LOCALES = 100;
/** Embedded tests in one file (the shipped ones have at most a dozen). */
const MAX_TESTS = 1_000;
const TextSchema = z.union([
  z.string().max(MAX_TEMPLATE_TEXT),
  z
    .array(z.string().max(MAX_TEMPLATE_TEXT))
    .max(2_000)
    .refine((lines) => lines.reduce((n, l) => n + l.length + 1, 0) <= MAX_TEMPLATE_TEXT, {
      message: `expected at most ${MAX_TEMPLATE_TEXT} characters in all`,
    }),
]);

const LocaleBlockSchema = z
  .strictObject({
    subject: z.string().min(1).optional(),
    body: TextSchema.optional(),
    /** A letter as headed sections, rendered one after another with a blank line between. */
    sections: z
      .array(z.strictObject({ heading: z.string().min(1).max(MAX_TEMPLATE_TEXT).optional(), body: TextSchema }))
      .min(1)
      .max(MAX_SECTIONS)
      .optional(),
    /** Opt-out text appended to SMS and e-mail when the renderer is not given one. */
    optOutText: z.string().min(1).optional(),
    /** Locale fallbacks for optional text variables (`borrower.name`, `lender.*`). */
    defaults: z.record(z.string(), z.string().min(1)).optional(),
  })
  .refine((b) => (b.body === undefined) !== (b.sections === undefined), {
    message: "expected exactly one of body or sections",
  })
  .refine((b) => localeTextLength(b) <= MAX_LOCALE_TEXT, {
    message: `expected at most ${MAX_LOCALE_TEXT} characters of text in one locale`,
  });

function textLength(t: string | readonly string[] | undefined): number {
  if (t === undefined) return 0;
  if (typeof t === "string") return t.length;
  let n = 0;
  for (const line of t) n += line.length + 1;
  return n;
}

function localeTextLength(b: {
  subject?: string | undefined;
  body?: string | readonly string[] | undefined;
  sections?: readonly { heading?: string | undefined; body: string | readonly string[] }[] | undefined;
}): number {
  let n = textLength(b.subject) + textLength(b.body);
  for (const s of b.sections ?? []) n += textLength(s.heading) + textLength(s.body);
  return n;
}

const TestCaseSchema = z.strictObject({
  name: z.string().min(1),
  /** A (partial) decision: what the renderer reads of one. */
  decision: z.record(z.string(), z.unknown()),
  options: z
    .strictObject({
      locale: z.string().optional(),
      lender: z.record(z.string(), z.unknown()).optional(),
      optOutText: z.string().optional(),
      deadlineDays: z.number().int().optional(),
      /** The account (JSON): appointments, agency placements, promises. */
      account: z.record(z.string(), z.unknown()).optional(),
      /** Ids of shipped guardrail profiles (their windows and requirements). */
      profiles: z.array(z.string()).optional(),
      collectorRole: z.enum(["creditor", "debt_collector"]).optional(),
      itemization: z.record(z.string(), z.unknown()).optional(),
      validationPeriodEnd: z.string().optional(),
      holidays: z.array(z.string()).optional(),
      promiseGraceDays: z.number().int().optional(),
    })
    .optional(),
  expect: z.strictObject({
    locale: z.string().optional(),
    contains: z.array(z.string()).default([]),
    notContains: z.array(z.string()).default([]),
    subjectContains: z.array(z.string()).default([]),
  }),
});
type TemplateTestCase = z.infer<typeof TestCaseSchema>;

/**
 * Shape of a template file in `rules/templates/` (the variable checks run in {@link loadTemplate}).
 *
 * @example
 * MessageTemplateSchema.safeParse(json).success
 */
export const MessageTemplateSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id such as "formal-letter"'),
  version: z.string().min(1),
  description: z.string().min(1),
  channel: ChannelSchema,
  /** `internal`: a brief for the lender's own staff (a visitor brief); never sent to the borrower. */
  audience: z.enum(["borrower", "third_party", "internal"]),
  /**
   * Days from the letter date to `{{deadline}}` when neither the renderer option nor the action's
   * `params.deadlineDays` gives them. Without it, a template states a deadline only when one is
   * given (`{{#if deadline}}`).
   */
  deadlineDays: z.number().int().min(0).max(365).optional(),
  /** The least a deadline may be (a default notice gives at least 14 days after service). */
  minDeadlineDays: z.number().int().min(0).max(365).default(0),
  /**
   * Consequences the template's purpose itself states (a notice before credit reporting states
   * `credit_report`), added to the action's `params.consequence`; still silenced by a hold or a
   * time bar like any other.
   */
  consequences: z.array(z.enum(CONSEQUENCES)).default([]),
  /** Where the required contents come from (regulation, lender practice). */
  source: z.string().optional(),
  locales: z
    .record(z.string(), LocaleBlockSchema)
    .refine((l) => Object.keys(l).length <= MAX_LOCALES, { message: `expected at most ${MAX_LOCALES} locales` }),
  tests: z.array(TestCaseSchema).max(MAX_TESTS).default([]),
});
export type MessageTemplateJson = z.input<typeof MessageTemplateSchema>;

export type Audience = "borrower" | "third_party" | "internal";

/** @internal One locale, parsed and checked. */
export interface CompiledLocale {
  locale: string;
  subject: TemplateNode[] | null;
  body: TemplateNode[];
  optOutText: string | undefined;
  defaults: Readonly<Record<string, string>>;
  /** The body places `{{optOut}}` itself. */
  placesOptOut: boolean;
}

/** An action param a template reads (see {@link MessageTemplate.params}). */
export interface TemplateParam {
  name: string;
  /** Its type: from the variable that reads it, else from the literals it is compared with ("any" when only printed or tested). */
  type: "string" | "number" | "boolean" | "any";
  /** Values the template tells apart (the others take the `{{else}}` branch); for `consequence`, every value it accepts. */
  values: readonly Literal[];
  printed: boolean;
  /** `template`: read as `params.<name>` in the text; `renderer`: read for a variable (e.g. `consequence.*`). */
  readBy: "template" | "renderer";
}

/** Params the renderer reads for a variable, with their type. */
const RENDERER_PARAMS: readonly {
  variable: RegExp;
  name: string;
  type: TemplateParam["type"];
  values?: readonly string[];
}[] = [
  { variable: /^consequence\./, name: "consequence", type: "string", values: CONSEQUENCES },
  { variable: /^deadline$/, name: "deadlineDays", type: "number" },
  { variable: /^chargeOff\.date$/, name: "chargeOffAtDpd", type: "number" },
  { variable: /^visit\.earliestDate$/, name: "noticeDays", type: "number" },
  { variable: /^(visit|contact)\.recorded$/, name: "recorded", type: "boolean" },
];

function templateParams(acc: CheckResult): TemplateParam[] {
  const out = new Map<string, TemplateParam>();
  for (const [full, u] of acc.params) {
    const values = [...new Set(u.compared)];
    const kinds = new Set(values.map((v) => typeof v));
    const type = kinds.size === 1 ? ([...kinds][0] as TemplateParam["type"]) : "any";
    out.set(full.slice(7), { name: full.slice(7), type, values, printed: u.printed, readBy: "template" });
  }
  for (const r of RENDERER_PARAMS)
    if (!out.has(r.name) && [...acc.used].some((v) => r.variable.test(v)))
      out.set(r.name, {
        name: r.name,
        type: r.type,
        values: [...(r.values ?? [])],
        printed: false,
        readBy: "renderer",
      });
  return [...out.values()]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((p) => Object.freeze({ ...p, values: Object.freeze(p.values) }));
}

/** A loaded, validated template (from {@link loadTemplate}); immutable. */
export interface MessageTemplate {
  readonly id: string;
  readonly version: string;
  readonly description: string;
  readonly channel: Channel;
  readonly audience: Audience;
  /** Days to `{{deadline}}` when no option or param gives them; null: no deadline of its own. */
  readonly deadlineDays: number | null;
  readonly minDeadlineDays: number;
  /** Consequences its purpose states (see {@link MessageTemplateSchema}). */
  readonly consequences: readonly string[];
  /**
   * The action params it reads, sorted by name: `params.<name>` in its text and the params the
   * renderer reads for its variables (`consequence`, `deadlineDays`, …). A policy declares these
   * on every action that uses the template.
   */
  readonly params: readonly TemplateParam[];
  /** Locales in file order. */
  readonly locales: readonly string[];
  /** Catalogue variables the template uses in any locale, sorted. */
  readonly variables: readonly string[];
  readonly tests: readonly TemplateTestCase[];
}

const compiled = sharedRegistry(
  "messages.templates/v1",
  () => new WeakMap<MessageTemplate, ReadonlyMap<string, CompiledLocale>>(),
);
const loadedFromRaw = new WeakMap<object, MessageTemplate>();

/** @internal */
export function compiledLocales(t: MessageTemplate): ReadonlyMap<string, CompiledLocale> | undefined {
  return compiled.get(t);
}

export const ELECTRONIC_CHANNELS: ReadonlySet<string> = new Set(["sms", "email"]);
const DEFAULTABLE = /^(borrower\.name|lender\.[A-Za-z]+)$/;

const joinText = (t: string | string[]): string => (typeof t === "string" ? t : t.join("\n"));

/**
 * Validates a template JSON file and compiles it. Every locale is parsed and checked against the
 * variable catalogue: an unknown variable (with a "did you mean"), an optional variable used
 * without `{{#if}}`, a missing opt-out text on SMS/e-mail, or any debt detail in a third-party
 * template is an `ArrearsError("INVALID_TEMPLATE")` naming the path: at load time, never at render.
 *
 * @throws {ArrearsError} `INVALID_TEMPLATE`
 *
 * @example
 * const t = loadTemplate(smsReminderJson);
 * loadTemplate({ ...smsReminderJson, locales: { "en-US": { body: "Pay {{amout.overdue}}", optOutText: "Reply STOP to opt out." } } });
 * // ArrearsError: locales["en-US"].body: unknown variable "amout.overdue"; did you mean "amount.overdue"?
 */
export function loadTemplate(json: unknown): MessageTemplate {
  if (typeof json === "object" && json !== null) {
    if (compiled.has(json as MessageTemplate)) return json as MessageTemplate;
    const cached = loadedFromRaw.get(json);
    if (cached) return cached;
  }
  const parsed = readInput("INVALID_TEMPLATE", "template", () => MessageTemplateSchema.safeParse(json));
  if (!parsed.success) throw new ArrearsError("INVALID_TEMPLATE", issuesFromZod(parsed.error, json), "template");
  const t = parsed.data;
  const issues: ArrearsIssue[] = [];
  const thirdParty = t.audience === "third_party";
  const electronic = ELECTRONIC_CHANNELS.has(t.channel);
  const locales = new Map<string, CompiledLocale>();
  const acc: CheckResult = { used: new Set(), params: new Map() };
  const keys = Object.keys(t.locales);
  if (keys.length === 0)
    issues.push({ path: ["locales"], message: 'expected at least one locale such as "en-US"', received: t.locales });

  for (const loc of keys) {
    const block = t.locales[loc]!;
    const base: (string | number)[] = ["locales", loc];
    if (!LocaleSchema.safeParse(loc).success) {
      issues.push({ path: base, message: 'expected a BCP 47 locale key such as "zh-CN" or "en-US"', received: loc });
      continue;
    }
    const defaults = block.defaults ?? {};
    for (const k of Object.keys(defaults)) {
      if (!DEFAULTABLE.test(k) || !VARIABLES_BY_NAME.has(k)) {
        issues.push({
          path: [...base, "defaults", k],
          message: "only borrower.name and lender.* variables take a locale default",
          received: defaults[k],
        });
      }
    }
    if (electronic && !block.optOutText) {
      issues.push({
        path: [...base, "optOutText"],
        message: `required for ${t.channel} templates (every electronic message carries an opt-out)`,
      });
    }
    if (t.channel === "email" && !block.subject)
      issues.push({ path: [...base, "subject"], message: "required for email templates" });

    const present = new Set(Object.keys(defaults));
    if (electronic && block.optOutText) present.add("optOut");
    if (t.deadlineDays !== undefined) present.add("deadline");
    const check = (src: string, path: (string | number)[]): TemplateNode[] | null => {
      const nodes = parseTemplateText(src, path, issues);
      if (nodes) checkTemplateNodes(nodes, { path, present, thirdParty, locale: loc }, issues, acc);
      return nodes;
    };

    const subject = block.subject !== undefined ? check(block.subject, [...base, "subject"]) : null;
    let body: TemplateNode[] | null;
    if (block.body !== undefined) body = check(joinText(block.body), [...base, "body"]);
    else {
      body = [];
      block.sections!.forEach((s, i) => {
        const nodes = check(joinText(s.body), [...base, "sections", i, "body"]);
        if (!nodes || !body) {
          body = null;
          return;
        }
        if (i > 0) body.push({ t: "text", s: "\n\n" });
        if (s.heading !== undefined) {
          const h = check(s.heading, [...base, "sections", i, "heading"]);
          if (!h) {
            body = null;
            return;
          }
          body.push(...h, { t: "text", s: "\n" });
        }
        body.push(...nodes);
      });
    }
    if (!body) continue;
    const placesOptOut = mentions(body, "optOut");
    locales.set(loc, {
      locale: loc,
      subject: subject ?? null,
      body,
      optOutText: block.optOutText,
      defaults,
      placesOptOut,
    });
  }

  if (t.deadlineDays !== undefined && t.deadlineDays < t.minDeadlineDays)
    issues.push({
      path: ["deadlineDays"],
      message: `expected at least minDeadlineDays (${t.minDeadlineDays})`,
      received: t.deadlineDays,
    });
  if (issues.length > 0) throw new ArrearsError("INVALID_TEMPLATE", issues, `template ${JSON.stringify(t.id)}`);
  const template: MessageTemplate = Object.freeze({
    id: t.id,
    version: t.version,
    description: t.description,
    channel: t.channel,
    audience: t.audience,
    deadlineDays: t.deadlineDays ?? null,
    minDeadlineDays: t.minDeadlineDays,
    consequences: Object.freeze([...t.consequences]),
    params: Object.freeze(templateParams(acc)),
    locales: Object.freeze(keys),
    variables: Object.freeze([...acc.used].sort()),
    tests: Object.freeze(t.tests),
  });
  compiled.set(template, locales);
  if (typeof json === "object" && json !== null) loadedFromRaw.set(json, template);
  return template;
}

function mentions(nodes: readonly TemplateNode[], name: string): boolean {
  return nodes.some((n) =>
    n.t === "var"
      ? n.name === name
      : n.t === "if"
        ? mentions(n.then, name) || mentions(n.else, name)
        : n.t === "each"
          ? mentions(n.body, name)
          : false,
  );
}

/**
 * Picks the template locale for a wanted one: exact, then same language, then en-US, then the first.
 *
 * @example
 * pickLocale(["zh-CN", "en-US"], "en-GB")      // "en-US"
 * pickLocale(["zh-CN", "en-US"], "zh-Hant-TW") // "zh-CN"
 */
export function pickLocale(available: readonly string[], wanted: string | undefined): string {
  if (wanted) {
    const w = wanted.toLowerCase();
    for (const l of available) if (l.toLowerCase() === w) return l;
    const lang = w.split("-")[0];
    for (const l of available) if (l.toLowerCase().split("-")[0] === lang) return l;
  }
  return available.includes("en-US") ? "en-US" : available[0]!;
}

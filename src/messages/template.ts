import { z } from "zod";
import { ArrearsError, type ArrearsIssue, issuesFromZod, readInput } from "../errors/index.js";
import { type Channel, ChannelSchema, LocaleSchema } from "../model/schema.js";
import { sharedRegistry } from "../util/shared.js";
import { checkTemplateNodes, parseTemplateText, type TemplateNode } from "./language.js";
import { VARIABLES_BY_NAME } from "./variables.js";

/** Template text: one string, or an array of lines joined with "\n" (easier to read in JSON). */
/** The most characters one template text may have (a letter is a few thousand). */
const MAX_TEMPLATE_TEXT = 20_000;
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
      .array(z.strictObject({ heading: z.string().min(1).optional(), body: TextSchema }))
      .min(1)
      .optional(),
    /** Opt-out text appended to SMS and e-mail when the renderer is not given one. */
    optOutText: z.string().min(1).optional(),
    /** Locale fallbacks for optional text variables (`borrower.name`, `lender.*`). */
    defaults: z.record(z.string(), z.string().min(1)).optional(),
  })
  .refine((b) => (b.body === undefined) !== (b.sections === undefined), {
    message: "expected exactly one of body or sections",
  });

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
  audience: z.enum(["borrower", "third_party"]),
  /** Days from the letter date to `{{deadline}}`. */
  deadlineDays: z.number().int().min(0).max(365).default(14),
  /** Where the required contents come from (regulation, lender practice). */
  source: z.string().optional(),
  locales: z.record(z.string(), LocaleBlockSchema),
  tests: z.array(TestCaseSchema).default([]),
});
export type MessageTemplateJson = z.input<typeof MessageTemplateSchema>;

export type Audience = "borrower" | "third_party";

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

/** A loaded, validated template (from {@link loadTemplate}); immutable. */
export interface MessageTemplate {
  readonly id: string;
  readonly version: string;
  readonly description: string;
  readonly channel: Channel;
  readonly audience: Audience;
  readonly deadlineDays: number;
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
  const used = new Set<string>();
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
    const check = (src: string, path: (string | number)[]): TemplateNode[] | null => {
      const nodes = parseTemplateText(src, path, issues);
      if (nodes) for (const n of checkTemplateNodes(nodes, { path, present, thirdParty }, issues)) used.add(n);
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

  if (issues.length > 0) throw new ArrearsError("INVALID_TEMPLATE", issues, `template ${JSON.stringify(t.id)}`);
  const template: MessageTemplate = Object.freeze({
    id: t.id,
    version: t.version,
    description: t.description,
    channel: t.channel,
    audience: t.audience,
    deadlineDays: t.deadlineDays,
    locales: Object.freeze(keys),
    variables: Object.freeze([...used].sort()),
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

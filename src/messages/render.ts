import { ArrearsError, type ArrearsIssue } from "../errors/index.js";
import type { Channel } from "../model/schema.js";
import { type EmbeddedTestResult, expectEqual, runEmbeddedCases } from "../util/index.js";
import {
  type Item,
  type LenderDetails,
  type MessageDecision,
  type RenderContext,
  resolveVariable,
  truthy,
  type Value,
} from "./context.js";
import type { TemplateNode } from "./language.js";
import {
  type Audience,
  compiledLocales,
  ELECTRONIC_CHANNELS,
  loadTemplate,
  type MessageTemplate,
  pickLocale,
} from "./template.js";

/** Options of {@link renderMessage}. */
export interface RenderOptions {
  /**
   * Locale to write in. Default: the decision's `locale`, else `account.locale`, else
   * `facts.locale`; the template's nearest locale is used (same language, else en-US).
   */
  locale?: string;
  /**
   * The account the decision is about (a parsed `Account` fits): supplies `locale`, `timeZone`
   * and `borrower.name` when the decision does not carry them.
   */
  account?: {
    locale?: string | undefined;
    timeZone?: string | undefined;
    borrower?: { name?: string | undefined } | undefined;
  };
  /** Lender details: name, phone, e-mail, website, address, payment methods, complaint route. */
  lender?: LenderDetails;
  /**
   * Opt-out text a guardrail profile requires, overriding the template's: one text, or texts by
   * locale (`{"zh-CN": "回复TD退订", "en-US": "Reply STOP to opt out."}`, as in a profile's
   * `optOutText`), chosen for the rendered locale (exact, then same language).
   */
  optOutText?: string | Readonly<Record<string, string>>;
  /** Days from the letter date to `{{deadline}}`; default the template's `deadlineDays`. */
  deadlineDays?: number;
}

/** A rendered message, plain text (escape it yourself before putting it into HTML). */
export interface RenderedMessage {
  templateId: string;
  templateVersion: string;
  channel: Channel;
  locale: string;
  audience: Audience;
  subject?: string;
  body: string;
  /** Who the message is addressed to. */
  to: Audience;
}

const LENDER_KEYS = new Set(["name", "phone", "email", "website", "address", "paymentMethods", "complaintRoute"]);
const checkedLenders = new WeakMap<object, LenderDetails>();

function optionsError(issues: ArrearsIssue[]): never {
  throw new ArrearsError("INVALID_OPTIONS", issues, "renderMessage options");
}

// Plain checks, cached per lender object: decide passes the same options object for every account.
function checkLender(lender: unknown): LenderDetails {
  if (lender === undefined) return {};
  if (typeof lender !== "object" || lender === null || Array.isArray(lender))
    optionsError([{ path: ["lender"], message: "expected an object", received: lender }]);
  const hit = checkedLenders.get(lender);
  if (hit) return hit;
  const issues: ArrearsIssue[] = [];
  for (const [k, v] of Object.entries(lender)) {
    if (!LENDER_KEYS.has(k))
      issues.push({
        path: ["lender", k],
        message: `unknown field (expected one of ${[...LENDER_KEYS].join(", ")})`,
        received: v,
      });
    else if (v === undefined) continue;
    else if (k === "paymentMethods") {
      if (typeof v !== "string" && !(Array.isArray(v) && v.every((x) => typeof x === "string")))
        issues.push({ path: ["lender", k], message: "expected a string or an array of strings", received: v });
    } else if (typeof v !== "string") issues.push({ path: ["lender", k], message: "expected a string", received: v });
  }
  if (issues.length > 0) optionsError(issues);
  checkedLenders.set(lender, lender as LenderDetails);
  return lender as LenderDetails;
}

function renderNodes(nodes: readonly TemplateNode[], c: RenderContext, item: Item | null): string {
  let out = "";
  let afterValue = false;
  for (const n of nodes) {
    if (n.t === "text") {
      // A value that ends a sentence itself ("Example Bank, N.A.") must not get a second full stop.
      const last = out[out.length - 1];
      out += afterValue && (last === "." || last === "。") && n.s[0] === last ? n.s.slice(1) : n.s;
      afterValue = false;
      continue;
    }
    afterValue = n.t === "var";
    if (n.t === "var") out += show(lookup(c, n.name, item), n.name);
    else if (n.t === "if") out += renderNodes(truthy(lookup(c, n.name, item)) ? n.then : n.else, c, item);
    else {
      const list = lookup(c, n.name, item);
      if (Array.isArray(list)) for (const it of list) out += renderNodes(n.body, c, it);
    }
  }
  return out;
}

function lookup(c: RenderContext, name: string, item: Item | null): Value | undefined {
  return item !== null && name.startsWith("item.") ? item[name] : resolveVariable(c, name);
}

function show(v: Value | undefined, name: string): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "object" && v !== null && !Array.isArray(v)) return (v as { text: string }).text;
  // The load-time checks make this unreachable; fail loudly rather than print an empty field.
  throw new ArrearsError(
    "INVALID_INPUT",
    [{ path: ["decision"], message: `no value for template variable "${name}"` }],
    "renderMessage",
  );
}

function withAccount(d: MessageDecision, a: NonNullable<RenderOptions["account"]>): MessageDecision {
  const name = d.borrower?.name ?? a.borrower?.name;
  const timeZone = d.timeZone ?? a.timeZone;
  if (name === d.borrower?.name && timeZone === d.timeZone) return d;
  return { ...d, ...(timeZone !== undefined ? { timeZone } : {}), borrower: { ...d.borrower, name } };
}

function optOutFor(text: RenderOptions["optOutText"], locale: string): string | undefined {
  if (text === undefined) return undefined;
  let out: unknown = text;
  if (typeof text === "object" && text !== null) {
    // Exact locale, then same language; none: keep the template's own text in this language.
    const keys = Object.keys(text);
    const lang = locale.split("-")[0]!.toLowerCase();
    const key =
      keys.find((k) => k.toLowerCase() === locale.toLowerCase()) ??
      keys.find((k) => k.split("-")[0]!.toLowerCase() === lang);
    if (key === undefined) return undefined;
    out = text[key];
  }
  if (typeof out !== "string" || out.trim() === "")
    optionsError([
      { path: ["optOutText"], message: "expected a non-empty string (or texts by locale)", received: out },
    ]);
  return out;
}

// Drops spaces and tabs at line ends and keeps at most one blank line, in one linear pass (a
// multiline regex such as /[ \t]+$/gm is quadratic on long runs of spaces).
function tidy(s: string): string {
  if (s.indexOf(" \n") < 0 && s.indexOf("\t\n") < 0 && s.indexOf("\n\n\n") < 0) return s.trim();
  let out = "";
  let pendingSpace = "";
  let newlines = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === " " || ch === "\t") pendingSpace += ch;
    else if (ch === "\n") {
      pendingSpace = "";
      newlines++;
    } else {
      if (newlines > 0) out += newlines >= 2 ? "\n\n" : "\n";
      out += pendingSpace + ch;
      pendingSpace = "";
      newlines = 0;
    }
  }
  return out.trim();
}

/**
 * Renders a message template for a decision: picks the locale (option, else the decision's,
 * else en-US), fills the variables with locale-formatted money and dates, masks the account,
 * and appends the opt-out text to SMS and e-mail. Third-party templates cannot mention the debt
 * (checked when loading). Pure: same template, decision and options give the same text.
 *
 * @throws {ArrearsError} `INVALID_TEMPLATE` for a bad template, `INVALID_OPTIONS` for bad options,
 * `INVALID_INPUT` when the decision lacks a field the template needs (path under `decision`).
 *
 * @example
 * const msg = renderMessage(getTemplate("sms-reminder"), decision, { locale: "zh-CN", lender: { name: "示例银行", phone: "95555" } });
 * msg.body // "【示例银行】尊敬的客户，您尾号****1234的账户已逾期12天，逾期金额¥1,234.50，… 回复TD退订"
 */
export function renderMessage(
  template: MessageTemplate | unknown,
  decision: MessageDecision,
  options: RenderOptions = {},
): RenderedMessage {
  const t = loadTemplate(template);
  const locales = compiledLocales(t)!;
  if (typeof options !== "object" || options === null)
    optionsError([{ path: [], message: "expected an options object", received: options }]);
  if (typeof decision !== "object" || decision === null) {
    throw new ArrearsError(
      "INVALID_INPUT",
      [{ path: ["decision"], message: "expected a decision object", received: decision }],
      "renderMessage",
    );
  }
  const { locale, optOutText, deadlineDays, account } = options;
  if (locale !== undefined && typeof locale !== "string")
    optionsError([{ path: ["locale"], message: "expected a locale string", received: locale }]);
  if (account !== undefined && (typeof account !== "object" || account === null))
    optionsError([{ path: ["account"], message: "expected an account object", received: account }]);
  if (deadlineDays !== undefined && (!Number.isInteger(deadlineDays) || deadlineDays < 0 || deadlineDays > 3650))
    optionsError([
      { path: ["deadlineDays"], message: "expected a whole number of days 0–3650", received: deadlineDays },
    ]);
  const lender = checkLender(options.lender);

  const factsLocale = decision.facts?.locale;
  const str = (x: unknown) => (typeof x === "string" ? x : undefined);
  const wanted = locale ?? str(decision.locale) ?? str(account?.locale) ?? str(factsLocale);
  const chosen = locales.get(pickLocale(t.locales, wanted))!;
  const d = account ? withAccount(decision, account) : decision;
  const c: RenderContext = {
    d,
    locale: chosen.locale,
    lender,
    defaults: chosen.defaults,
    optOut: optOutFor(optOutText, chosen.locale) ?? chosen.optOutText,
    deadlineDays: deadlineDays ?? t.deadlineDays,
    memo: new Map<string, Value | undefined>(),
  };

  let body = tidy(renderNodes(chosen.body, c, null));
  if (ELECTRONIC_CHANNELS.has(t.channel) && c.optOut && !chosen.placesOptOut) {
    // Chinese, Japanese and Korean texts run on without a space.
    const sep = t.channel === "sms" ? (/^(zh|ja|ko)\b/i.test(chosen.locale) ? "" : " ") : "\n\n";
    body += sep + c.optOut.trim();
  }
  const out: RenderedMessage = {
    templateId: t.id,
    templateVersion: t.version,
    channel: t.channel,
    locale: chosen.locale,
    audience: t.audience,
    body,
    to: t.audience,
  };
  if (chosen.subject) out.subject = tidy(renderNodes(chosen.subject, c, null));
  return out;
}

/**
 * Runs a template's embedded `tests` (sample decision → expected substrings) and reports each.
 *
 * @example
 * runTemplateTests(getTemplate("formal-letter")).every((r) => r.passed) // true
 */
export function runTemplateTests(template: MessageTemplate | unknown): EmbeddedTestResult[] {
  const t = loadTemplate(template);
  return runEmbeddedCases(t.tests, (tc) => {
    const failures: string[] = [];
    const message = renderMessage(t, tc.decision as unknown as MessageDecision, (tc.options ?? {}) as RenderOptions);
    if (tc.expect.locale !== undefined) expectEqual(failures, "locale", tc.expect.locale, message.locale);
    for (const s of tc.expect.contains) if (!message.body.includes(s)) failures.push(`body lacks ${JSON.stringify(s)}`);
    for (const s of tc.expect.notContains)
      if (message.body.includes(s)) failures.push(`body contains ${JSON.stringify(s)}`);
    for (const s of tc.expect.subjectContains)
      if (!(message.subject ?? "").includes(s)) failures.push(`subject lacks ${JSON.stringify(s)}`);
    return failures;
  });
}

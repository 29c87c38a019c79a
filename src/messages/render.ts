import { ArrearsError, type ArrearsIssue, readInput } from "../errors/index.js";
import type { Channel } from "../model/schema.js";
import { isAmountLike } from "../money/index.js";
import { parseIsoDate } from "../time/index.js";
import { type EmbeddedTestResult, expectEqual, runEmbeddedCases } from "../util/index.js";
import {
  equalsLiteral,
  ITEMIZATION_REFERENCES,
  type Item,
  type Itemization,
  type LenderDetails,
  type MessageAccount,
  type MessageDecision,
  type RenderContext,
  resolveVariable,
  truthy,
  type Value,
} from "./context.js";
import type { TemplateNode, Test } from "./language.js";
import { profileView } from "./profiles.js";
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
   * and `borrower.name` when the decision does not carry them, the agreed visit time
   * (`appointment.*`), agency placements (`agency.*`) and, for a full account, broken promises.
   */
  account?: MessageAccount;
  /**
   * The guardrail profiles that apply (loaded, JSON, or shipped ids): contact hours
   * (`hours.*`) and visit requirements (`visit.recorded`) come from them. `decide` passes the
   * decision's profiles.
   */
  profiles?: readonly unknown[];
  /** Whether the sender is the creditor (default) or a debt collector (`collector.debtCollector`). */
  collectorRole?: "creditor" | "debt_collector";
  /** Days of grace after a promise's date before it counts as broken (`brokenPromise.*`); default 2. */
  promiseGraceDays?: number;
  /** The itemization of a validation notice (`itemization.*`): reference date and amounts. */
  itemization?: Itemization;
  /** The validation period's end date (ISO) when the lender computes it; else it is computed. */
  validationPeriodEnd?: string;
  /** Legal public holidays (ISO dates) for the validation period; default 5 U.S.C. 6103(a). */
  holidays?: readonly string[];
  /** Lender details: name, phone, e-mail, website, address, payment methods, complaint route. */
  lender?: LenderDetails;
  /**
   * Opt-out text a guardrail profile requires, overriding the template's: one text, or texts by
   * locale (`{"zh-CN": "回复TD退订", "en-US": "Reply STOP to opt out."}`, as in a profile's
   * `optOutText`), chosen for the rendered locale (exact, then same language).
   */
  optOutText?: string | Readonly<Record<string, string>>;
  /**
   * Days from the letter date to `{{deadline}}`; default the action's `params.deadlineDays`,
   * else the template's `deadlineDays`.
   */
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
  // The last character, kept aside: indexing `out` would flatten the concatenated string on every
  // text node, quadratic in a long letter.
  let last = "";
  let afterValue = false;
  for (const n of nodes) {
    let piece: string;
    if (n.t === "text") {
      // A value that ends a sentence itself ("Example Bank, N.A.") must not get a second full stop.
      piece = afterValue && (last === "." || last === "。") && n.s[0] === last ? n.s.slice(1) : n.s;
      afterValue = false;
    } else {
      afterValue = n.t === "var";
      if (n.t === "var") piece = show(lookup(c, n.name, item), n.name);
      else if (n.t === "if") piece = renderNodes(holds(n.test, lookup(c, n.name, item)) ? n.then : n.else, c, item);
      else {
        piece = "";
        const list = lookup(c, n.name, item);
        if (Array.isArray(list)) for (const it of list) piece += renderNodes(n.body, c, it);
      }
    }
    if (piece.length > 0) {
      out += piece;
      last = piece[piece.length - 1]!;
    }
  }
  return out;
}

function holds(test: Test, v: Value | undefined): boolean {
  switch (test.op) {
    case "truthy":
      return truthy(v);
    case "falsy":
      return !truthy(v);
    case "==":
      return equalsLiteral(v, test.value);
    case "!=":
      return !equalsLiteral(v, test.value);
  }
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

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

// The options that feed the truthfulness variables, checked here so a bad one fails with its path.
function checkExtras(
  o: RenderOptions,
): Pick<
  RenderContext,
  "profiles" | "collectorRole" | "itemization" | "validationPeriodEnd" | "holidays" | "promiseGraceDays"
> {
  const { profiles, collectorRole, itemization, validationPeriodEnd, holidays, promiseGraceDays } = o;
  if (profiles !== undefined && !Array.isArray(profiles))
    optionsError([
      { path: ["profiles"], message: "expected an array of guardrail profiles or ids", received: profiles },
    ]);
  if (collectorRole !== undefined && collectorRole !== "creditor" && collectorRole !== "debt_collector")
    optionsError([
      { path: ["collectorRole"], message: 'expected "creditor" or "debt_collector"', received: collectorRole },
    ]);
  if (
    promiseGraceDays !== undefined &&
    (!Number.isInteger(promiseGraceDays) || promiseGraceDays < 0 || promiseGraceDays > 60)
  )
    optionsError([
      { path: ["promiseGraceDays"], message: "expected a whole number of days 0–60", received: promiseGraceDays },
    ]);
  if (
    validationPeriodEnd !== undefined &&
    (typeof validationPeriodEnd !== "string" || Number.isNaN(parseIsoDate(validationPeriodEnd)))
  )
    optionsError([
      { path: ["validationPeriodEnd"], message: "expected an ISO date YYYY-MM-DD", received: validationPeriodEnd },
    ]);
  if (holidays !== undefined) {
    if (!Array.isArray(holidays))
      optionsError([{ path: ["holidays"], message: "expected an array of ISO dates", received: holidays }]);
    holidays.forEach((h, i) => {
      if (typeof h !== "string" || Number.isNaN(parseIsoDate(h)))
        optionsError([{ path: ["holidays", i], message: "expected an ISO date YYYY-MM-DD", received: h }]);
    });
  }
  if (itemization !== undefined) checkItemization(itemization);
  return {
    profiles: profiles === undefined ? null : profileView(profiles, collectorRole),
    collectorRole: collectorRole ?? "creditor",
    itemization,
    validationPeriodEnd,
    holidays,
    promiseGraceDays,
  };
}

function checkItemization(it: unknown): asserts it is Itemization {
  if (!isObject(it)) optionsError([{ path: ["itemization"], message: "expected an object", received: it }]);
  const issues: ArrearsIssue[] = [];
  for (const k of Object.keys(it))
    if (!["reference", "date", "amount", "interest", "fees", "payments"].includes(k))
      issues.push({ path: ["itemization", k], message: "unknown field", received: it[k] });
  if (!(ITEMIZATION_REFERENCES as readonly unknown[]).includes(it.reference))
    issues.push({
      path: ["itemization", "reference"],
      message: `expected one of ${ITEMIZATION_REFERENCES.join(", ")}`,
      received: it.reference,
    });
  if (typeof it.date !== "string" || Number.isNaN(parseIsoDate(it.date)))
    issues.push({ path: ["itemization", "date"], message: "expected an ISO date YYYY-MM-DD", received: it.date });
  for (const k of ["amount", "interest", "fees", "payments"])
    if (!isAmountLike(it[k]) || String(it[k]).startsWith("-"))
      issues.push({ path: ["itemization", k], message: "expected a non-negative decimal amount", received: it[k] });
  if (issues.length > 0) optionsError(issues);
}

function withAccount(d: MessageDecision, a: NonNullable<RenderOptions["account"]>): MessageDecision {
  const name = d.borrower?.name ?? a.borrower?.name;
  const timeZone = d.timeZone ?? a.timeZone;
  if (name === d.borrower?.name && timeZone === d.timeZone) return d;
  // Object.assign: a literal starting with a spread of a fresh object and adding keys is a slow path on Node 20.
  return Object.assign({}, d, timeZone !== undefined ? { timeZone } : {}, {
    borrower: Object.assign({}, d.borrower, { name }),
  });
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
  // The decision and options are the caller's objects, read all through rendering: a getter or a
  // proxy that throws there is an unreadable input (ArrearsError), never the caller's exception.
  return readInput("INVALID_INPUT", "renderMessage", () => render(template, decision, options));
}

function render(
  template: MessageTemplate | unknown,
  decision: MessageDecision,
  options: RenderOptions,
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
  const extra = checkExtras(options);
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
    channel: t.channel,
    locale: chosen.locale,
    lender,
    defaults: chosen.defaults,
    optOut: optOutFor(optOutText, chosen.locale) ?? chosen.optOutText,
    deadlineOption: deadlineDays,
    templateDeadlineDays: t.deadlineDays,
    minDeadlineDays: t.minDeadlineDays,
    consequences: t.consequences,
    account,
    ...extra,
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
    const message = renderMessage(
      t,
      tc.decision as unknown as MessageDecision,
      (tc.options ?? {}) as unknown as RenderOptions,
    );
    if (tc.expect.locale !== undefined) expectEqual(failures, "locale", tc.expect.locale, message.locale);
    for (const s of tc.expect.contains) if (!message.body.includes(s)) failures.push(`body lacks ${JSON.stringify(s)}`);
    for (const s of tc.expect.notContains)
      if (message.body.includes(s)) failures.push(`body contains ${JSON.stringify(s)}`);
    for (const s of tc.expect.subjectContains)
      if (!(message.subject ?? "").includes(s)) failures.push(`subject lacks ${JSON.stringify(s)}`);
    return failures;
  });
}

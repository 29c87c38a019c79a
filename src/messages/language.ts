import type { ArrearsIssue } from "../errors/index.js";
import { closest } from "../errors/suggest.js";
import { FACT_NAMES, FACTS, type FactDefinition } from "../facts/catalog.js";
import { CONTACT_PURPOSES } from "../model/schema.js";
import { suggestVariable, VARIABLES_BY_NAME, type VariableDefinition } from "./variables.js";

const FACTS_BY_NAME: ReadonlyMap<string, FactDefinition> = new Map(FACTS.map((d) => [d.name, d]));

/**
 * The template language: plain text with `{{variable}}`, `{{#if variable}}…{{else}}…{{/if}}`,
 * `{{#unless variable}}…{{/unless}}`, a comparison with one literal (`{{#if params.stage ==
 * "follow_up"}}`, `!=`; strings in double quotes, numbers, true/false) and `{{#each
 * offer.installments}}…{{/each}}` (items as `item.*`). Nothing is evaluated: a template is parsed
 * once into this tree and rendered by walking it. A block tag alone on its line takes its line
 * with it, so conditional paragraphs leave no blank lines behind.
 */
export type TemplateNode =
  | { t: "text"; s: string }
  | { t: "var"; name: string }
  | { t: "if"; name: string; test: Test; then: TemplateNode[]; else: TemplateNode[] }
  | { t: "each"; name: string; body: TemplateNode[] };

export type Literal = string | number | boolean;
/** What an `{{#if}}` asks of its variable: truthy, falsy (`unless`), or (not) equal to a literal. */
export type Test = { op: "truthy" } | { op: "falsy" } | { op: "==" | "!="; value: Literal };

type Token =
  | { k: "text"; s: string }
  | { k: "var"; name: string }
  | { k: "open"; block: "if" | "unless" | "each"; name: string; test: Test }
  | { k: "else" }
  | { k: "close"; block: "if" | "unless" | "each" };

const NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;
const COMPARISON = /^([A-Za-z][A-Za-z0-9_.]*)\s*(==|!=)\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false)$/;

function literal(src: string): Literal {
  if (src === "true") return true;
  if (src === "false") return false;
  if (src.startsWith('"')) return JSON.parse(src) as string;
  return Number(src);
}

function tokenize(src: string, path: (string | number)[], issues: ArrearsIssue[]): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf("{{", i);
    if (open < 0) {
      tokens.push({ k: "text", s: src.slice(i) });
      break;
    }
    if (open > i) tokens.push({ k: "text", s: src.slice(i, open) });
    const close = src.indexOf("}}", open + 2);
    if (close < 0) {
      issues.push({ path, message: `unclosed "{{" at character ${open}`, received: src.slice(open, open + 30) });
      return null;
    }
    const inner = src.slice(open + 2, close).trim();
    const m = /^(#if|#unless|#each|\/if|\/unless|\/each|else)(?:\s+(.*))?$/.exec(inner);
    if (m) {
      const kw = m[1]!;
      const arg = (m[2] ?? "").trim();
      if (kw === "#if" || kw === "#unless" || kw === "#each") {
        const block = kw.slice(1) as "if" | "unless" | "each";
        const cmp = block === "if" ? COMPARISON.exec(arg) : null;
        if (cmp && NAME.test(cmp[1]!)) {
          tokens.push({
            k: "open",
            block,
            name: cmp[1]!,
            test: { op: cmp[2] as "==" | "!=", value: literal(cmp[3]!) },
          });
        } else if (NAME.test(arg)) {
          tokens.push({ k: "open", block, name: arg, test: { op: block === "unless" ? "falsy" : "truthy" } });
        } else {
          const what =
            block === "if" ? 'one variable name, or a comparison such as name == "value"' : "one variable name";
          issues.push({ path, message: `"{{${inner}}}" needs ${what}`, received: inner });
          return null;
        }
      } else if (arg !== "") {
        issues.push({ path, message: `"{{${kw}}}" takes no argument`, received: inner });
        return null;
      } else if (kw === "else") tokens.push({ k: "else" });
      else tokens.push({ k: "close", block: kw.slice(1) as "if" | "unless" | "each" });
    } else if (NAME.test(inner)) {
      tokens.push({ k: "var", name: inner });
    } else {
      issues.push({
        path,
        message: `unsupported tag "{{${inner}}}" (only {{name}}, {{#if name}}, {{#if name == "value"}}, {{#unless name}}, {{else}}, {{/if}}, {{/unless}}, {{#each name}}, {{/each}})`,
        received: inner,
      });
      return null;
    }
    i = close + 2;
  }
  stripStandalone(tokens);
  return tokens;
}

/** Handlebars' "standalone" rule: a block tag alone on its line removes that whole line. */
function stripStandalone(tokens: Token[]): void {
  const isBlock = (t: Token | undefined) => t !== undefined && (t.k === "open" || t.k === "else" || t.k === "close");
  const cutStart = new Map<number, number>();
  const cutEnd = new Map<number, number>();
  for (let j = 0; j < tokens.length; j++) {
    if (!isBlock(tokens[j])) continue;
    const prev = tokens[j - 1];
    const next = tokens[j + 1];
    let before = -1; // index in prev where its last line starts
    if (prev === undefined) before = 0;
    else if (prev.k === "text") {
      const nl = prev.s.lastIndexOf("\n");
      const tail = prev.s.slice(nl + 1);
      if (/^[ \t]*$/.test(tail) && (nl >= 0 || j - 1 === 0)) before = nl + 1;
    }
    if (before < 0) continue;
    let after = -1; // index in next after its first line's newline
    if (next === undefined) after = 0;
    else if (next.k === "text") {
      const nl = next.s.indexOf("\n");
      const head = nl < 0 ? next.s : next.s.slice(0, nl);
      if (/^[ \t\r]*$/.test(head) && (nl >= 0 || j + 1 === tokens.length - 1)) after = nl < 0 ? next.s.length : nl + 1;
    }
    if (after < 0) continue;
    if (prev !== undefined) cutEnd.set(j - 1, before);
    if (next !== undefined) cutStart.set(j + 1, after);
  }
  for (let j = 0; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.k !== "text") continue;
    const s = cutStart.get(j) ?? 0;
    const e = cutEnd.get(j) ?? t.s.length;
    if (s !== 0 || e !== t.s.length) t.s = e > s ? t.s.slice(s, e) : "";
  }
}

/** Deepest nesting of {{#if}}/{{#each}} blocks a template may use (renderers walk it recursively). */
const MAX_BLOCK_DEPTH = 16;

/** Parses template text into a tree, reporting syntax errors at `path`. */
export function parseTemplateText(
  src: string,
  path: (string | number)[],
  issues: ArrearsIssue[],
): TemplateNode[] | null {
  const tokens = tokenize(src, path, issues);
  if (!tokens) return null;
  const root: TemplateNode[] = [];
  const stack: { node: TemplateNode & { t: "if" | "each" }; block: "if" | "unless" | "each"; inElse: boolean }[] = [];
  const out = (): TemplateNode[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    if (top.node.t === "each") return top.node.body;
    return top.inElse ? top.node.else : top.node.then;
  };
  for (const tok of tokens) {
    switch (tok.k) {
      case "text":
        if (tok.s !== "") out().push({ t: "text", s: tok.s });
        break;
      case "var":
        out().push({ t: "var", name: tok.name });
        break;
      case "open": {
        if (stack.length >= MAX_BLOCK_DEPTH) {
          issues.push({ path, message: `blocks nested deeper than ${MAX_BLOCK_DEPTH}` });
          return null;
        }
        const node: TemplateNode & { t: "if" | "each" } =
          tok.block === "each"
            ? { t: "each", name: tok.name, body: [] }
            : // biome-ignore lint/suspicious/noThenProperty: a plain tree node, never awaited
              { t: "if", name: tok.name, test: tok.test, then: [], else: [] };
        out().push(node);
        stack.push({ node, block: tok.block, inElse: false });
        break;
      }
      case "else": {
        const top = stack[stack.length - 1];
        if (top?.node.t !== "if" || top.inElse) {
          issues.push({ path, message: "{{else}} outside an {{#if}} or {{#unless}} block" });
          return null;
        }
        top.inElse = true;
        break;
      }
      case "close": {
        const top = stack.pop();
        if (!top || top.block !== tok.block) {
          issues.push({ path, message: `{{/${tok.block}}} without a matching {{#${tok.block}}}` });
          return null;
        }
        break;
      }
    }
  }
  if (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    issues.push({ path, message: `{{#${top.block} ${top.node.name}}} is never closed with {{/${top.block}}}` });
    return null;
  }
  return root;
}

/** What the checker needs to know about where a text is used. */
export interface CheckContext {
  path: (string | number)[];
  /** Optional variables guaranteed in this locale (a locale default, or the opt-out text of SMS/e-mail). */
  present: ReadonlySet<string>;
  thirdParty: boolean;
  /** The locale the text is written in (selects the claim patterns). */
  locale: string;
}

/** What a template reads of the action's params: printed, tested, compared with which literals. */
interface ParamUse {
  printed: boolean;
  compared: Literal[];
}

/** Collected while checking every text of a template. */
export interface CheckResult {
  used: Set<string>;
  params: Map<string, ParamUse>;
}

/**
 * Statements a template may only make under the flag that proves them (the lint runs at load
 * time, on the literal text outside that flag's `{{#if}}`): legal action only when the decision
 * supports it (`consequence.legalReview`: the action's params name it, the debt is not
 * time-barred and no hold is in force), "we could not reach you" only when `facts.unreachable`.
 * Patterns cover English and Chinese; other languages are not linted.
 */
const CLAIMS: readonly { guard: string; what: string; en: RegExp; zh: RegExp }[] = [
  {
    guard: "consequence.legalReview",
    what: "legal action",
    en: /\b(legal (action|proceedings|steps|route)|court (action|proceedings|claim)|county court|take you to court|sue|suing|lawsuit|litigation|(our|instruct(ed|ing)? (a|our)|refer(red)? (it |the account )?to (a|our)) (solicitors?|attorneys?|lawyers?)|enforcement agents?|bailiffs?)\b/i,
    zh: /诉讼|起诉|仲裁|法院|法律程序|法律途径|司法|律师函|强制执行/,
  },
  {
    guard: "facts.unreachable",
    what: "failed attempts to reach the borrower",
    en: /\b((have|has) not been able to (reach|contact)|(could not|couldn't|were unable to|are unable to|have been unable to) (reach|contact)|(have|has) not (responded|replied)|did not (respond|reply))\b/i,
    zh: /联系未果|无法联系|联系不上|未能联系|未回复|失联/,
  },
];

function lintClaims(text: string, truths: ReadonlySet<string>, ctx: CheckContext, issues: ArrearsIssue[]): void {
  const lang = ctx.locale.split("-")[0]!.toLowerCase();
  if (lang !== "en" && lang !== "zh") return;
  for (const c of CLAIMS) {
    if (truths.has(c.guard)) continue;
    const m = (lang === "en" ? c.en : c.zh).exec(text);
    if (m)
      issues.push({
        path: ctx.path,
        message: `states ${c.what} ("${m[0]}") outside {{#if ${c.guard}}}: a template may only say what the decision supports`,
        received: text.length > 80 ? `${text.slice(0, 77)}...` : text,
      });
  }
}

/** Namespaced names: `facts.<fact>` (tests only) and `params.<param>` (the action's params). */
function namespaced(name: string): VariableDefinition | "unknown-fact" | undefined {
  if (name.startsWith("facts.")) {
    const fact = name.slice(6);
    if (!FACT_NAMES.has(fact)) return "unknown-fact";
    return { name, kind: "fact", debt: true, optional: true, description: "" };
  }
  if (/^params\.[a-z][A-Za-z0-9]*$/.test(name))
    return { name, kind: "param", debt: true, optional: true, description: "" };
  return undefined;
}

function literalIssue(name: string, value: Literal): string | undefined {
  if (name === "action.purpose") {
    if (typeof value === "string" && (CONTACT_PURPOSES as readonly string[]).includes(value)) return undefined;
    const hint = typeof value === "string" ? closest(value, CONTACT_PURPOSES) : undefined;
    return `${JSON.stringify(value)} is not a contact purpose${hint ? `; did you mean "${hint}"?` : ""} (expected one of ${CONTACT_PURPOSES.join(", ")})`;
  }
  if (!name.startsWith("facts.")) return undefined;
  const def = FACTS_BY_NAME.get(name.slice(6))!;
  if (def.type === "boolean" && typeof value !== "boolean") return `facts.${def.name} is true or false`;
  if (def.type === "number" && typeof value !== "number") return `facts.${def.name} is a number`;
  if (def.type === "string" && typeof value !== "string") return `facts.${def.name} is a string`;
  if (def.values && typeof value === "string" && !def.values.includes(value)) {
    const hint = closest(value, def.values);
    return `"${value}" is not a value of facts.${def.name} (${def.values.join(", ")})${hint ? `; did you mean "${hint}"?` : ""}`;
  }
  return undefined;
}

/**
 * Checks a parsed text: every variable known (with a "did you mean" hint), used as its kind
 * allows, optional ones guarded, no debt detail in a third-party message, and no claim the
 * decision may not support outside the flag that proves it.
 */
export function checkTemplateNodes(
  nodes: readonly TemplateNode[],
  ctx: CheckContext,
  issues: ArrearsIssue[],
  acc: CheckResult = { used: new Set(), params: new Map() },
): CheckResult {
  const paramUse = (name: string): ParamUse => {
    let u = acc.params.get(name);
    if (!u) acc.params.set(name, (u = { printed: false, compared: [] }));
    return u;
  };
  const walk = (
    list: readonly TemplateNode[],
    guarded: ReadonlySet<string>,
    truths: ReadonlySet<string>,
    inEach: boolean,
  ): void => {
    for (const n of list) {
      if (n.t === "text") {
        lintClaims(n.s, truths, ctx, issues);
        continue;
      }
      const ns = namespaced(n.name);
      const def = ns === "unknown-fact" ? undefined : (ns ?? VARIABLES_BY_NAME.get(n.name));
      const tag =
        n.t === "var"
          ? `{{${n.name}}}`
          : n.t === "if" && (n.test.op === "==" || n.test.op === "!=")
            ? `{{#if ${n.name} ${n.test.op} ${JSON.stringify(n.test.value)}}}`
            : `{{#${n.t === "if" && n.test.op === "falsy" ? "unless" : n.t} ${n.name}}}`;
      if (!def || (def.name.startsWith("item.") && !inEach)) {
        const hint = ns === "unknown-fact" ? closest(n.name.slice(6), FACT_NAMES) : suggestVariable(n.name, inEach);
        const where = n.name.startsWith("item.") && !inEach ? " outside {{#each}}" : "";
        const what = ns === "unknown-fact" ? "unknown fact" : "unknown variable";
        const shown = ns === "unknown-fact" ? n.name.slice(6) : n.name;
        issues.push({
          path: ctx.path,
          message: `${what} "${shown}"${where}${hint ? `; did you mean "${ns === "unknown-fact" ? `facts.${hint}` : hint}"?` : ""}`,
          received: tag,
        });
        continue;
      }
      acc.used.add(def.name);
      if (ctx.thirdParty && def.debt) {
        issues.push({
          path: ctx.path,
          message:
            def.kind === "fact" || def.kind === "param"
              ? `third-party template must not read the account's facts or the action's params: "${def.name}" is not allowed`
              : `third-party template must not reveal the debt: "${def.name}" is not allowed`,
          received: tag,
        });
      }
      const guardedOk =
        !def.optional ||
        ctx.present.has(def.name) ||
        guarded.has(def.name) ||
        (def.guards ?? []).some((g) => guarded.has(g));
      if (n.t === "var") {
        if (def.kind === "param") paramUse(def.name).printed = true;
        if (def.kind === "flag" || def.kind === "list" || def.kind === "fact" || def.kind === "choice") {
          const use = def.kind === "list" ? "each" : "if";
          issues.push({
            path: ctx.path,
            message: `"${def.name}" is ${def.kind === "fact" ? "a fact" : def.kind === "choice" ? "compared, never printed" : `a ${def.kind}`}: use it in {{#${use} ${def.name}}}, not printed`,
            received: tag,
          });
        } else if (!guardedOk) {
          issues.push({
            path: ctx.path,
            message: `"${def.name}" may be absent: wrap it in {{#if ${def.guards?.[0] ?? def.name}}}…{{/if}}${def.name === "deadline" ? " or give the template a deadlineDays" : " or give the locale a default"}`,
            received: tag,
          });
        }
      } else if (n.t === "if") {
        const { test } = n;
        if (test.op === "==" || test.op === "!=") {
          if (def.kind !== "fact" && def.kind !== "param" && def.kind !== "choice") {
            issues.push({
              path: ctx.path,
              message: `only facts.*, params.* and action.purpose can be compared with a value; use {{#if ${def.name}}}`,
              received: tag,
            });
          } else {
            const bad = literalIssue(def.name, test.value);
            if (bad) issues.push({ path: ctx.path, message: bad, received: tag });
            if (def.kind === "param") paramUse(def.name).compared.push(test.value);
          }
        } else if (def.kind === "param") paramUse(def.name);
        // The branch where the variable is known present (and known true): `then` of a plain
        // test or of ==, `else` of unless or of !=.
        const positive = test.op === "truthy" || test.op === "==";
        const known = positive ? n.then : n.else;
        const unknown = positive ? n.else : n.then;
        const isTrue =
          test.op === "truthy" ||
          test.op === "falsy" ||
          (test.value !== false && test.value !== 0 && test.value !== "");
        const inner = new Set(guarded).add(def.name);
        const innerTruths = isTrue ? new Set(truths).add(def.name) : truths;
        walk(known, inner, innerTruths, inEach);
        walk(unknown, guarded, truths, inEach);
      } else {
        if (def.kind !== "list") {
          issues.push({
            path: ctx.path,
            message: `{{#each}} needs a list; "${def.name}" is ${def.kind === "fact" ? "a fact" : def.kind}`,
            received: tag,
          });
        } else if (inEach) {
          issues.push({ path: ctx.path, message: "nested {{#each}} is not supported", received: tag });
        } else if (!guardedOk) {
          issues.push({
            path: ctx.path,
            message: `"${def.name}" may be absent: wrap it in {{#if ${def.guards?.[0] ?? def.name}}}…{{/if}}`,
            received: tag,
          });
        } else walk(n.body, guarded, truths, true);
      }
    }
  };
  walk(nodes, new Set(), new Set(), false);
  return acc;
}

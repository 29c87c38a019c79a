import type { ArrearsIssue } from "../errors/index.js";
import { suggestVariable, VARIABLES_BY_NAME } from "./variables.js";

/**
 * The template language: plain text with `{{variable}}`, `{{#if variable}}…{{else}}…{{/if}}` and
 * `{{#each offer.installments}}…{{/each}}` (items as `item.*`). Nothing is evaluated: a template
 * is parsed once into this tree and rendered by walking it. A block tag alone on its line takes
 * its line with it, so conditional paragraphs leave no blank lines behind.
 */
export type TemplateNode =
  | { t: "text"; s: string }
  | { t: "var"; name: string }
  | { t: "if"; name: string; then: TemplateNode[]; else: TemplateNode[] }
  | { t: "each"; name: string; body: TemplateNode[] };

type Token =
  | { k: "text"; s: string }
  | { k: "var"; name: string }
  | { k: "open"; block: "if" | "each"; name: string }
  | { k: "else" }
  | { k: "close"; block: "if" | "each" };

const NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

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
    const m = /^(#if|#each|\/if|\/each|else)(?:\s+(.*))?$/.exec(inner);
    if (m) {
      const kw = m[1]!;
      const arg = (m[2] ?? "").trim();
      if (kw === "#if" || kw === "#each") {
        if (!NAME.test(arg)) {
          issues.push({ path, message: `"{{${inner}}}" needs one variable name`, received: inner });
          return null;
        }
        tokens.push({ k: "open", block: kw === "#if" ? "if" : "each", name: arg });
      } else if (arg !== "") {
        issues.push({ path, message: `"{{${kw}}}" takes no argument`, received: inner });
        return null;
      } else if (kw === "else") tokens.push({ k: "else" });
      else tokens.push({ k: "close", block: kw === "/if" ? "if" : "each" });
    } else if (NAME.test(inner)) {
      tokens.push({ k: "var", name: inner });
    } else {
      issues.push({
        path,
        message: `unsupported tag "{{${inner}}}" (only {{name}}, {{#if name}}, {{else}}, {{/if}}, {{#each name}}, {{/each}})`,
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
  const stack: { node: TemplateNode & { t: "if" | "each" }; inElse: boolean }[] = [];
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
          tok.block === "if"
            ? // biome-ignore lint/suspicious/noThenProperty: a plain tree node, never awaited
              { t: "if", name: tok.name, then: [], else: [] }
            : { t: "each", name: tok.name, body: [] };
        out().push(node);
        stack.push({ node, inElse: false });
        break;
      }
      case "else": {
        const top = stack[stack.length - 1];
        if (top?.node.t !== "if" || top.inElse) {
          issues.push({ path, message: "{{else}} outside an {{#if}} block" });
          return null;
        }
        top.inElse = true;
        break;
      }
      case "close": {
        const top = stack.pop();
        if (!top || top.node.t !== tok.block) {
          issues.push({ path, message: `{{/${tok.block}}} without a matching {{#${tok.block}}}` });
          return null;
        }
        break;
      }
    }
  }
  if (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    issues.push({ path, message: `{{#${top.node.t} ${top.node.name}}} is never closed with {{/${top.node.t}}}` });
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
}

/**
 * Checks a parsed text: every variable known (with a "did you mean" hint), used as its kind
 * allows, optional ones guarded, and no debt detail in a third-party message.
 */
export function checkTemplateNodes(
  nodes: readonly TemplateNode[],
  ctx: CheckContext,
  issues: ArrearsIssue[],
): Set<string> {
  const used = new Set<string>();
  const walk = (list: readonly TemplateNode[], guarded: ReadonlySet<string>, inEach: boolean): void => {
    for (const n of list) {
      if (n.t === "text") continue;
      const def = VARIABLES_BY_NAME.get(n.name);
      const tag = n.t === "var" ? `{{${n.name}}}` : `{{#${n.t} ${n.name}}}`;
      if (!def || (def.name.startsWith("item.") && !inEach)) {
        const hint = suggestVariable(n.name, inEach);
        const where = n.name.startsWith("item.") && !inEach ? " outside {{#each}}" : "";
        issues.push({
          path: ctx.path,
          message: `unknown variable "${n.name}"${where}${hint ? `; did you mean "${hint}"?` : ""}`,
          received: tag,
        });
        continue;
      }
      used.add(def.name);
      if (ctx.thirdParty && def.debt) {
        issues.push({
          path: ctx.path,
          message: `third-party template must not reveal the debt: "${def.name}" is not allowed`,
          received: tag,
        });
      }
      const guardedOk =
        !def.optional ||
        ctx.present.has(def.name) ||
        guarded.has(def.name) ||
        (def.guards ?? []).some((g) => guarded.has(g));
      if (n.t === "var") {
        if (def.kind === "flag" || def.kind === "list") {
          issues.push({
            path: ctx.path,
            message: `"${def.name}" is a ${def.kind}: use it in {{#${def.kind === "list" ? "each" : "if"} ${def.name}}}, not printed`,
            received: tag,
          });
        } else if (!guardedOk) {
          issues.push({
            path: ctx.path,
            message: `"${def.name}" may be absent: wrap it in {{#if ${def.guards?.[0] ?? def.name}}}…{{/if}} or give the locale a default`,
            received: tag,
          });
        }
      } else if (n.t === "if") {
        const inner = new Set(guarded);
        inner.add(def.name);
        walk(n.then, inner, inEach);
        walk(n.else, guarded, inEach);
      } else {
        if (def.kind !== "list") {
          issues.push({
            path: ctx.path,
            message: `{{#each}} needs a list; "${def.name}" is ${def.kind}`,
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
        } else walk(n.body, guarded, true);
      }
    }
  };
  walk(nodes, new Set(), false);
  return used;
}

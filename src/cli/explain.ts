/** `arrears explain <policy> <account>`: one decision as a readable trace. */
import { type Decision, decide, isPolicyRouter, type PolicyRouter } from "../decision/index.js";
import { ArrearsError, formatIssue } from "../errors/index.js";
import { parseAccount } from "../model/index.js";
import type { Policy } from "../rules/index.js";
import { asOfOption, EXIT, formatOption, parse } from "./args.js";
import { type AccountRecord, InputError, inputFormatOf, policyOrShipped, readAccounts, UsageError } from "./inputs.js";
import { type CliIo, print } from "./io.js";
import { truncate, wrap } from "./text.js";

export const EXPLAIN_USAGE = `usage: arrears explain [<policy>] <account> --as-of <instant|now> [--id <account id>] [--format text|json]

Decides one account and explains it: delinquency and scores, every rule in evaluation order (fired
or not, with the facts it read), the candidates the guardrails blocked and why, the action with its
earliest lawful time, offer and message. <account> is a JSON file with one account, or any accounts
file (.jsonl, .csv, .json, - for stdin) with --id to pick one. The policy is a JSON file or a
shipped id (us-default, cn-default, gb-default); without one, the shipped policy of the account's
jurisdiction decides.

  --as-of <instant>    evaluation instant with offset, or now (required)
  --id <account id>    the account to explain, in a file of several
  --format text|json   the readable trace (default) or the whole decision as JSON
  --input-format <f>   jsonl, csv or json (default: from the extension)
  --lenient            set invalid contacts and payments (and promises without an amount) aside
                       instead of rejecting the account; the explanation lists them

exit 0 · 1: invalid policy or account · 2: bad usage (no such account, several and no --id)`;

async function pickAccount(
  path: string,
  format: string | undefined,
  id: string | undefined,
  io: CliIo,
): Promise<AccountRecord> {
  const fmt = inputFormatOf(path, format);
  let only: AccountRecord | undefined;
  let count = 0;
  for await (const rec of readAccounts(path, fmt, io.stdin)) {
    count++;
    if (id === undefined) {
      only = rec;
      if (count > 1) break;
    } else if (!("error" in rec) && (rec.value as { id?: unknown } | null)?.id === id) return rec;
  }
  if (id !== undefined) throw new UsageError(`${path}: no account with id ${JSON.stringify(id)}`);
  if (count === 0 || only === undefined) throw new UsageError(`${path}: no account in the file`);
  if (count > 1) throw new UsageError(`${path} holds several accounts: say which with --id`);
  return only;
}

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);
const facts = (f: Readonly<Record<string, unknown>>): string =>
  Object.entries(f)
    .map(([k, v]) => `${k}=${show(v)}`)
    .join(", ");

/** The readable trace of a decision (all rules traced). */
function explainLines(policyOrRouter: Policy | PolicyRouter, d: Decision, width = 100): string[] {
  const out: string[] = [];
  const add = (text: string, indent = "    "): void => {
    out.push(...wrap(text, width, indent));
  };
  const f = d.facts;
  const policy = isPolicyRouter(policyOrRouter)
    ? policyOrRouter.policies.find((p) => p.meta.id === d.policy?.id && p.meta.version === d.policy.version)
    : policyOrRouter;
  add(
    `account ${d.accountId}${d.jurisdiction ? ` (${d.jurisdiction})` : ""}, policy ${d.policy ? `${d.policy.id}@${d.policy.version}` : "none"}, asOf ${d.asOf}`,
  );
  for (const w of d.warnings ?? []) add(`set aside (lenient): ${w.path.join(".")}: ${w.message}`);
  if (d.notApplicable) {
    out.push("");
    add(`not applicable (${d.notApplicable.code}): ${d.notApplicable.message}`);
    add(`decision: ${d.action.type} (${d.action.rule})`);
    return out;
  }
  out.push("");
  add(
    `delinquency: dpd ${f.dpd} (bucket ${f.bucket}), overdue ${d.amounts.overdue.total} ${d.amounts.currency} of ${d.amounts.outstanding.total} outstanding${d.amounts.oldestUnpaidDueDate ? `, oldest unpaid due ${d.amounts.oldestUnpaidDueDate}` : ""}`,
  );
  if (d.scores) {
    const r = d.scores.risk;
    add(
      `scores: risk ${r.score}${r.probability === null ? "" : ` (p=${r.probability})`}, hardship ${d.scores.hardship.score}, segment ${d.scores.segment ?? "-"}, priority ${d.scores.priority}`,
    );
    for (const reason of r.reasons.slice(0, 3)) add(`  reason ${reason.code}: ${reason.text}`, "      ");
  }
  if (f.onHold)
    add(`holds: ${f.holdReason}${f.holdReviewInDays === null ? "" : ` (review in ${f.holdReviewInDays} days)`}`);
  out.push("", "rules, in evaluation order (✓ fired):");
  for (const t of d.trace) {
    const rule = policy?.rules.find((x) => x.name === t.rule);
    add(
      `  ${t.fired ? "✓" : "·"} ${t.rule} (${t.priority})${t.fired ? ` → ${t.event}` : ""}${Object.keys(t.facts).length ? `: ${facts(t.facts)}` : ""}`,
      "        ",
    );
    if (t.fired && rule?.description) add(`      ${rule.description}`, "        ");
  }
  out.push("", "candidates:");
  const blocked = new Map(d.blocked.map((b) => [b.rule, b]));
  for (const t of d.trace.filter((x) => x.fired)) {
    const b = blocked.get(t.rule);
    if (b) {
      add(
        `  ✗ ${b.type} (rule ${b.rule}) blocked${b.earliestAt ? `, lawful again ${b.earliestAt}` : ", not lawful again"}:`,
        "      ",
      );
      for (const reason of b.reasons) add(`      ${reason.code}: ${reason.message}`, "        ");
    } else if (t.rule === d.action.rule) {
      add(`  → ${d.action.type} (rule ${t.rule}) chosen`, "      ");
      break;
    }
  }
  if (d.action.rule === "(fallback)")
    add(
      `  → ${d.action.type}: the fallback (${d.trace.some((t) => t.fired) ? "every candidate was blocked" : "no rule fired"})`,
    );
  out.push("");
  const a = d.action;
  add(
    `decision: ${a.type}${a.channel ? ` via ${a.channel}` : ""} by rule ${a.rule}, earliest ${a.earliestAt}${Object.keys(a.params).length ? `, params ${show(a.params)}` : ""}`,
  );
  if (d.allContactsBlocked) add(`every contact was blocked; next lawful contact ${d.nextContactAt ?? "never"}`);
  if (a.alongside !== undefined && a.alongside.length > 0)
    add(`alongside: ${a.alongside.map((x) => `${x.type}${x.channel ? ` via ${x.channel}` : ""}`).join(", ")}`);
  if (a.offer !== undefined) add(`offer: ${show(a.offer)}`);
  const m = a.message as { templateId?: string; locale?: string; subject?: string; body?: string } | undefined;
  if (m?.body !== undefined) {
    out.push(`message: ${m.templateId} (${m.locale})${m.subject ? `, subject "${m.subject}"` : ""}`);
    const lines = m.body.split("\n");
    for (const l of lines.slice(0, 8)) out.push(truncate(`  | ${l}`, width));
    if (lines.length > 8) out.push(`  | … ${lines.length - 8} more line(s)`);
  }
  return out;
}

export async function explain(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      "as-of": { type: "string" },
      id: { type: "string" },
      format: { type: "string" },
      "input-format": { type: "string" },
      lenient: { type: "boolean" },
    },
    { min: 1, max: 2, usage: EXPLAIN_USAGE },
  );
  const format = formatOption(values.format, ["text", "json"] as const);
  const asOf = asOfOption(values["as-of"], () => io.now());
  const path = positionals.at(-1)!;
  const policy = policyOrShipped(positionals.length === 2 ? positionals[0] : undefined);
  const rec = await pickAccount(path, values["input-format"], values.id, io);
  if ("error" in rec) throw new InputError(`${path}${rec.line ? ` line ${rec.line}` : ""}: ${rec.error}`);
  let d: Decision;
  try {
    d = decide(policy, parseAccount(rec.value, values.lenient ? { lenient: true } : undefined), {
      asOf,
      trace: "all",
    });
  } catch (e) {
    if (!(e instanceof ArrearsError)) throw e;
    const id = (rec.value as { id?: unknown } | null)?.id;
    throw new InputError(
      `account${typeof id === "string" ? ` ${JSON.stringify(id)}` : ""} cannot be decided (${e.code})`,
      e.issues.map(formatIssue),
    );
  }
  print(io.stdout, format === "json" ? JSON.stringify(d, null, 2) : explainLines(policy, d, io.columns ?? 100));
  return EXIT.ok;
}

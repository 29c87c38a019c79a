/**
 * The golden record: every decision of the bundled sample portfolio (and the output of every
 * example), projected onto what a lender acts on. `golden.test.ts` fails on any difference;
 * `npm run golden:update` rewrites the files after a change you meant (commit them with a test
 * for the change).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEMO_POLICIES } from "../../examples/demo.js";
import { SAMPLE_AS_OF } from "../../examples/generate-portfolio.js";
import { decideMany, isDecisionError, loadPolicy, routePolicies } from "../../src/index.js";

export const GOLDEN_DECISIONS = fileURLToPath(new URL("./sample-decisions.jsonl", import.meta.url));
export const GOLDEN_EXAMPLES = fileURLToPath(new URL("./examples.txt", import.meta.url));

const short = (s: string): string => createHash("sha256").update(s).digest("hex").slice(0, 16);

/** One line per account: the decision's action, offer, message digest, blocks and key facts. */
export function goldenDecisionLines(): string[] {
  const accounts = JSON.parse(
    readFileSync(new URL("../../examples/data/sample-portfolio.json", import.meta.url), "utf8"),
  ) as unknown[];
  // The demo's routing: each account under the shipped policy of its jurisdiction.
  const policy = routePolicies(DEMO_POLICIES.map((id) => loadPolicy(id)));
  const out: string[] = [];
  for (const d of decideMany(policy, accounts, { asOf: SAMPLE_AS_OF })) {
    if (isDecisionError(d)) {
      out.push(
        JSON.stringify({
          index: d.index,
          id: d.accountId,
          error: d.error.code,
          issues: d.error.issues.map((i) => i.path.join(".")),
        }),
      );
      continue;
    }
    const a = d.action as unknown as Record<string, unknown>;
    const msg = a.message as { templateId: string; locale: string; subject?: string; body: string } | undefined;
    const { offer: _spec, ...params } = (a.params ?? {}) as Record<string, unknown>;
    out.push(
      JSON.stringify({
        id: d.accountId,
        policy: d.policy === null ? null : `${d.policy.id}@${d.policy.version}`,
        jurisdiction: d.jurisdiction,
        dpd: d.facts.dpd,
        bucket: d.facts.bucket,
        overdue: d.amounts.overdue.total,
        ...(d.notApplicable ? { notApplicable: d.notApplicable.code } : {}),
        ...(d.scores
          ? {
              risk: [d.scores.risk.score, d.scores.risk.probability],
              hardship: d.scores.hardship.score,
              segment: d.scores.segment,
              priority: d.scores.priority,
            }
          : {}),
        action: [a.type, a.channel, a.rule, a.earliestAt],
        ...(a.suggestedAt !== undefined && a.suggestedAt !== a.earliestAt ? { suggestedAt: a.suggestedAt } : {}),
        ...(Object.keys(params).length ? { params } : {}),
        ...(a.offer !== undefined ? { offer: a.offer } : {}),
        ...(msg ? { message: [msg.templateId, msg.locale, short(`${msg.subject ?? ""}\n${msg.body}`)] } : {}),
        ...(d.blocked.length
          ? { blocked: d.blocked.map((b) => [b.type, b.reasons.map((r) => r.code).join("+"), b.earliestAt]) }
          : {}),
        ...(d.allContactsBlocked ? { next: d.nextContactAt } : {}),
        ...(a.alongside
          ? { alongside: (a.alongside as { type: string; earliestAt: string }[]).map((x) => [x.type, x.earliestAt]) }
          : {}),
        ...(a.requirements ? { requirements: (a.requirements as { code: string }[]).map((r) => r.code) } : {}),
        ...(d.holds.length ? { holds: d.holds.map((h) => [h.status, h.reviewOn]) } : {}),
        ...(d.limitation ? { limitation: [d.limitation.rule, d.limitation.endsOn, d.limitation.timeBarred] } : {}),
        fired: d.trace.filter((t) => t.fired).map((t) => t.rule),
      }),
    );
  }
  return out;
}

const EXAMPLES = [
  "../../examples/01-one-decision.js",
  "../../examples/02-custom-policy.js",
  "../../examples/03-policy-unit-tests.js",
  "../../examples/04-portfolio-report-from-csv.js",
  "../../examples/05-champion-challenger.js",
  "../../examples/07-fit-your-own-scorecard.js",
  "../../examples/demo.js",
];

/** Every example's output, under a header per example; run times are blanked. */
export async function goldenExampleText(): Promise<string> {
  const parts: string[] = [];
  for (const path of EXAMPLES) {
    const mod = (await import(path)) as { main: (log: (l: string) => void) => void | Promise<void> };
    const lines: string[] = [];
    await mod.main((l) => lines.push(l.replace(/\(\d+ ms\)/g, "(… ms)")));
    parts.push(`### ${path.replace("../../", "")}\n${lines.join("\n")}\n`);
  }
  return parts.join("\n");
}

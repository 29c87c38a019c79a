/**
 * Validates the default risk scorecard on real data: the UCI "Default of Credit Card Clients"
 * holdout (IDs 20001–30000; bins and points were designed on IDs 1–20000 only, see
 * examples/uci/design.ts). Each row becomes an Account (examples/uci/data.ts), goes through
 * parseAccount → deriveFacts → score, and the script prints ROC AUC, KS and a decile
 * calibration table. `--write` also saves the output to examples/uci/RESULTS.md.
 *
 * Run: npm run validate:uci [-- --write]
 */
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadScorecard, riskBehavioralScorecard, score } from "../src/scoring/index.js";
import { readUci, UCI_AS_OF, UCI_CSV, uciAvailable } from "./uci/data.js";
import { uciFacts, usingDeriveFacts } from "./uci/facts.js";
import { calibration, ks, rocAuc } from "./uci/metrics.js";

export interface UciValidation {
  n: number;
  defaults: number;
  auc: number;
  ks: number;
  report: string;
}

/** Scores the holdout and builds the report (no printing). */
export function validateUci(): UciValidation {
  const card = loadScorecard(riskBehavioralScorecard);
  const rows = readUci().filter((r) => r.id > 20000);
  const bad = rows.map((r) => r.defaulted);
  const results = rows.map((r) => score(card, uciFacts(r)));
  const prob = results.map((r) => r.probability ?? NaN);
  const scores = results.map((r) => r.score);
  const auc = rocAuc(prob, bad);
  const k = ks(prob, bad);
  const defaults = bad.filter(Boolean).length;
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5) + " %";
  const lines = [
    `# UCI credit-card default: holdout validation of \`${card.id}\` ${card.version}`,
    "",
    `Data: ${rows.length} accounts, IDs 20001–30000 (bins and points designed on IDs 1–20000 only), ${defaults} defaults (${pct(defaults / rows.length).trim()}).`,
    `Each row → Account (revolving TWD, delinquency snapshot with cycleHistory from PAY_0…PAY_6, payments from PAY_AMT1…6) → ${usingDeriveFacts ? "parseAccount → deriveFacts" : "stand-in facts (deriveFacts not available yet)"} (asOf ${UCI_AS_OF}) → score.`,
    "",
    "| metric | value |",
    "| --- | --- |",
    `| ROC AUC | ${auc.toFixed(4)} |`,
    `| KS | ${k.toFixed(4)} |`,
    `| reference: PAY_0 alone (AUC, same holdout) | ${rocAuc(
      rows.map((r) => r.status[0]!),
      bad,
    ).toFixed(4)} |`,
    "",
    "Calibration by decile of predicted probability (1 = safest):",
    "",
    "| decile | accounts | score range | predicted default | observed default |",
    "| ---: | ---: | ---: | ---: | ---: |",
    ...calibration(prob, bad, scores).map(
      (c) => `| ${c.decile} | ${c.count} | ${c.minScore}–${c.maxScore} | ${pct(c.predicted)} | ${pct(c.observed)} |`,
    ),
    "",
    `Mean predicted ${pct(prob.reduce((a, b) => a + b, 0) / prob.length).trim()} vs observed ${pct(defaults / rows.length).trim()}.`,
    "Deciles are cut on the predicted probability; ties at a decile edge fall by ID order.",
  ];
  return { n: rows.length, defaults, auc, ks: k, report: lines.join("\n") + "\n" };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  if (!uciAvailable()) {
    console.error(`UCI data not found at ${UCI_CSV}`);
    process.exit(1);
  }
  const v = validateUci();
  console.log(v.report);
  if (process.argv.includes("--write")) {
    const out = resolve(dirname(fileURLToPath(import.meta.url)), "uci/RESULTS.md");
    writeFileSync(out, v.report);
    console.log(`wrote ${out}`);
  }
}

/**
 * 07 — fit your own scorecard on your own outcomes, check it on later accounts, watch its
 * population, recalibrate it. The data: 2,500 real card holders (every 12th client of the UCI
 * "Default of Credit Card Clients" data, Taiwan 2005, CC BY 4.0: examples/data/uci-sample.csv);
 * the characteristics are computed from the raw columns (examples/uci/features.ts), so the card
 * declares them as its own facts. `npm run fit:uci` does the same on all 30,000.
 *
 *   npx tsx examples/07-fit-your-own-scorecard.ts
 */
import {
  calibrateScorecard,
  evaluateScorecard,
  fitScorecard,
  formatReport,
  loadScorecard,
  score,
  scorecardStability,
} from "../src/index.js";
import { isMain, type Log } from "./_shared.js";
import { readUci } from "./uci/data.js";
import { UCI_CHARACTERISTICS, uciFitRow } from "./uci/features.js";
import { SAMPLE_CSV } from "./uci/sample.js";

/** A short list: a small sample supports a few characteristics, in coarse bins. */
const USE = ["statusLast3", "statusByPayment", "delinquencyMonthsSum", "creditLimit", "paid6m", "unpaidToLimit"];

const bins = (b: readonly { label: string; count: number }[]) =>
  b.filter((x) => x.count > 0 && x.label !== "missing").length;

export function main(log: Log = console.log): void {
  const clients = readUci(SAMPLE_CSV);
  // Fit on the earlier clients (IDs up to 20000), check on the later ones.
  const fitRows = clients.filter((c) => c.id <= 20000).map(uciFitRow);
  const later = clients.filter((c) => c.id > 20000).map(uciFitRow);

  const { card, report } = fitScorecard(fitRows, {
    id: "my-risk",
    target: "defaulted",
    event: "default next month",
    characteristics: UCI_CHARACTERISTICS.filter((c) => USE.includes(c.fact)),
    allowOwnFacts: true,
  });
  log(`fitted ${card.id} on ${fitRows.length} clients: ${card.characteristics.length} characteristics`);
  for (const c of report.characteristics)
    log(`  ${c.name.padEnd(21)} IV ${c.iv.toFixed(3)}  ${c.status === "used" ? `${bins(c.bins)} bins` : c.status}`);

  // The card is plain JSON in the library's format: save it, load it, score with reasons.
  const myRisk = loadScorecard(card);
  const r = score(myRisk, later[0]!);
  log(`client ${clients.find((c) => c.id > 20000)!.id}: score ${r.score}, P(default) ${r.probability}`);
  log(`  reasons: ${r.reasons.map((x) => `${x.code} ${x.text} (−${x.pointsLost})`).join("; ")}`);

  const holdout = evaluateScorecard(card, later, { target: "defaulted" });
  log(
    `later ${holdout.rows} clients: AUC ${holdout.auc.toFixed(3)}, KS ${holdout.ks.toFixed(3)}, predicted ${(100 * holdout.meanPredicted).toFixed(1)}% vs observed ${(100 * holdout.badRate).toFixed(1)}%`,
  );

  // Monitoring: is the population still the one the card was fitted on?
  const stability = scorecardStability(card, fitRows, later);
  for (const line of formatReport(stability).split("\n").slice(0, 3)) log(line);
  // A stressed population: every client's last bill half unpaid on top.
  const stressed = later.map((c) => ({ ...c, unpaidToLimit: (c.unpaidToLimit as number) + 0.5 }));
  const moved = scorecardStability(card, fitRows, stressed).characteristics.filter((c) => c.status !== "stable");
  log(`stressed population: ${moved.map((c) => `${c.name} CSI ${c.csi.toFixed(2)} (${c.status})`).join(", ")}`);

  // Recalibration: the same card on a market where defaults run higher (here: the later clients
  // with a fifth of the non-defaulters removed), intercept only.
  const riskier = later.filter((c, i) => c.defaulted || i % 5 !== 0);
  const cal = calibrateScorecard(card, riskier, { target: "defaulted", method: "intercept", id: "my-risk-riskier" });
  log(
    `recalibrated: intercept ${cal.report.intercept.toFixed(3)}, predicted ${(100 * cal.report.before.meanPredicted).toFixed(1)}% → ${(100 * cal.report.after.meanPredicted).toFixed(1)}% (observed ${(100 * cal.report.after.badRate).toFixed(1)}%)`,
  );
}

if (isMain(import.meta.url)) main();

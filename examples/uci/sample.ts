/**
 * Writes the small UCI sample bundled with the examples (examples/data/uci-sample.csv): every
 * 12th client of the UCI "Default of Credit Card Clients" data (Yeh, I. (2009), UCI Machine
 * Learning Repository, CC BY 4.0, https://doi.org/10.24432/C55S3H), with the columns the
 * examples read (no demographic columns).
 *
 * Run: npx tsx examples/uci/sample.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UCI_CSV } from "./data.js";

export const SAMPLE_CSV = resolve(dirname(fileURLToPath(import.meta.url)), "../data/uci-sample.csv");
const COLUMNS = [
  "ID",
  "LIMIT_BAL",
  ...["PAY_0", "PAY_2", "PAY_3", "PAY_4", "PAY_5", "PAY_6"],
  ...[1, 2, 3, 4, 5, 6].map((k) => `BILL_AMT${k}`),
  ...[1, 2, 3, 4, 5, 6].map((k) => `PAY_AMT${k}`),
  "default payment next month",
];

/** The sample's text, from the full file. */
export function uciSample(path = UCI_CSV): string {
  const lines = readFileSync(path, "utf8").trim().split("\n");
  const header = lines[0]!.split(",");
  const at = COLUMNS.map((c) => header.indexOf(c));
  const rows = lines
    .slice(1)
    .map((l) => l.split(","))
    .filter((v) => Number(v[0]) % 12 === 0)
    .map((v) => at.map((i) => v[i]).join(","));
  return [COLUMNS.join(","), ...rows].join("\n") + "\n";
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(SAMPLE_CSV, uciSample());
  console.log(`wrote ${SAMPLE_CSV}`);
}

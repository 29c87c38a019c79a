import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Two constructs that look harmless and cost the per-account path dearly on Node 20 (measured in
// #15; see CHANGELOG): an object literal that starts with a spread of a fresh object and then
// adds keys (~2–3 µs per object, and its objects outlive young-generation collections), and
// for-of over a frozen array (a parsed account's lists, a loaded rule file's arrays: ~7× slower
// than over a plain array, with an iterator result allocated per item). This test keeps them out
// of the modules every decision runs through.
const HOT = [
  "src/arrangements/track.ts",
  "src/contacts",
  "src/decision/decide.ts",
  "src/decision/suggest.ts",
  "src/delinquency",
  "src/facts",
  "src/guardrails/check.ts",
  "src/guardrails/limitation.ts",
  "src/holds",
  "src/model/account.ts",
  "src/model/prepared.ts",
  "src/offers",
  "src/rules/evaluate.ts",
  "src/scoring/apply.ts",
  "src/scoring/score.ts",
  "src/time",
];

// Lists that are frozen when for-of meets them: a parsed account's, a loaded profile's or rule
// file's JSON, and the frozen empty constants (the prepared view's own lists, such as its events,
// are plain arrays).
const FROZEN_LIST =
  /(\.(contacts|payments|dues|arrangements|schedule|hardship|emergencyContacts|doNotContact|otherTimeZones|limitation|facts|appointments|promises)|\bNO_[A-Z_]+)$/;

function files(path: string): string[] {
  if (path.endsWith(".ts")) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(path, e.name)) : e.name.endsWith(".ts") ? [join(path, e.name)] : [],
  );
}

interface Finding {
  where: string;
  text: string;
}

function scan(file: string, source: string): { spreads: Finding[]; frozenLoops: Finding[] } {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const spreads: Finding[] = [];
  const frozenLoops: Finding[] = [];
  const where = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isObjectLiteralExpression(n) && n.properties.length > 1) {
      const first = n.properties[0]!;
      // A spread of a module constant (UPPER_CASE, built once) is not a fresh object: fine.
      if (ts.isSpreadAssignment(first) && !/^[A-Z][A-Z0-9_]*$/.test(first.expression.getText(sf)))
        spreads.push({ where: where(n), text: n.getText(sf).replace(/\s+/g, " ").slice(0, 100) });
    }
    if (ts.isForOfStatement(n) && FROZEN_LIST.test(n.expression.getText(sf)))
      frozenLoops.push({ where: where(n), text: n.getText(sf).split("\n")[0]!.slice(0, 100) });
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { spreads, frozenLoops };
}

describe("the per-account path avoids constructs that are slow on Node 20", () => {
  const results = HOT.flatMap(files).map((f) => scan(f, readFileSync(f, "utf8")));

  it("has no object literal starting with a spread of a fresh object and adding keys", () => {
    expect(results.flatMap((r) => r.spreads)).toEqual([]);
  });

  it("has no for-of over a list that is frozen (index it instead)", () => {
    expect(results.flatMap((r) => r.frozenLoops)).toEqual([]);
  });

  it("catches both in a sample (the checks can fail)", () => {
    const r = scan(
      "sample.ts",
      "const x = { ...fresh(), added: 1 };\nconst y = { ...NO_INPUTS, added: 1 };\nfor (const c of a.contacts) f(c);\n",
    );
    expect(r.spreads.map((s) => s.where)).toEqual(["sample.ts:1"]);
    expect(r.frozenLoops.map((s) => s.where)).toEqual(["sample.ts:3"]);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScorecard, loadSegmentation } from "../../src/index.js";
import { runScorecardTests, runSegmentationTests } from "../../src/scoring/index.js";

const dir = resolve(__dirname, "../../rules/scorecards");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();

describe("rules/scorecards", () => {
  it("ships the risk card, the hardship card and the segmentation", () => {
    expect(files).toEqual(expect.arrayContaining(["risk-behavioral.json", "hardship.json", "segments.json"]));
  });

  describe.each(files)("%s", (file) => {
    const json = JSON.parse(readFileSync(resolve(dir, file), "utf8")) as {
      id: string;
      schemaVersion: number;
      version: string;
      description: string;
      tests: unknown[];
      ability?: unknown;
    };
    const isSegmentation = "ability" in json;

    it("loads, has the required header and at least one embedded test", () => {
      expect(json.schemaVersion).toBe(1);
      expect(json.id).toBe(file.replace(/\.json$/, ""));
      expect(typeof json.version).toBe("string");
      expect(json.description.length).toBeGreaterThan(20);
      expect(json.tests.length).toBeGreaterThan(0);
      expect(() => (isSegmentation ? loadSegmentation(json) : loadScorecard(json))).not.toThrow();
    });

    const results = isSegmentation ? runSegmentationTests(json) : runScorecardTests(json);
    it.each(results.map((r) => [r.name, r] as const))("embedded test: %s", (_, r) => {
      expect(r.failures).toEqual([]);
      expect(r.passed).toBe(true);
    });
  });

  it("the embedded-test runner reports a wrong expectation instead of passing it", () => {
    const card = JSON.parse(readFileSync(resolve(dir, "hardship.json"), "utf8"));
    card.tests = [{ name: "wrong", facts: {}, expect: { score: 5, reasons: ["H01"] } }];
    const [r] = runScorecardTests(card);
    expect(r!.passed).toBe(false);
    expect(r!.failures).toEqual(["score: expected 5, got 0", 'reasons: expected ["H01"], got []']);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exampleDecisionJson } from "../../docs/example-decision.js";

describe("docs/example-decision.json", () => {
  it("is the current complete decision for the README's sample account (regenerate: npx tsx docs/gen-example-decision.ts)", () => {
    const onDisk = readFileSync(new URL("../../docs/example-decision.json", import.meta.url), "utf8");
    expect(onDisk).toBe(exampleDecisionJson());
  });
});

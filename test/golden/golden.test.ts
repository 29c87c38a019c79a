// Every decision of the sample portfolio and every example's output must match the golden files:
// a changed decision is either a bug or a change someone meant (then `npm run golden:update`, and a
// test for the change).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GOLDEN_DECISIONS, GOLDEN_EXAMPLES, goldenDecisionLines, goldenExampleText } from "./golden.js";

describe("golden record", () => {
  it("sample portfolio decisions are unchanged", () => {
    const want = readFileSync(GOLDEN_DECISIONS, "utf8").trimEnd().split("\n");
    const got = goldenDecisionLines();
    const changed: string[] = [];
    for (let i = 0; i < Math.max(want.length, got.length); i++) {
      if (want[i] !== got[i]) changed.push(`line ${i + 1}\n  was ${want[i] ?? "(none)"}\n  now ${got[i] ?? "(none)"}`);
    }
    expect(changed.slice(0, 5).join("\n"), `${changed.length} decisions changed`).toBe("");
  }, 60_000);

  it("example outputs are unchanged", async () => {
    expect(await goldenExampleText()).toBe(readFileSync(GOLDEN_EXAMPLES, "utf8"));
  }, 60_000);
});

/** `npm run golden:update`: rewrite the golden files after a decision change you meant. */
import { writeFileSync } from "node:fs";
import { GOLDEN_DECISIONS, GOLDEN_EXAMPLES, goldenDecisionLines, goldenExampleText } from "./golden.js";

writeFileSync(GOLDEN_DECISIONS, goldenDecisionLines().join("\n") + "\n");
writeFileSync(GOLDEN_EXAMPLES, await goldenExampleText());
console.log(`wrote ${GOLDEN_DECISIONS} and ${GOLDEN_EXAMPLES}`);

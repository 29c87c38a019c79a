/**
 * Writes docs/example-decision.json: the complete Decision of examples/01-one-decision.ts, the
 * sample the README shows abridged. test/policy/example-decision.test.ts fails when it is stale.
 *
 *   npx tsx docs/gen-example-decision.ts
 */
import { writeFileSync } from "node:fs";
import { exampleDecisionJson } from "./example-decision.js";

writeFileSync(new URL("./example-decision.json", import.meta.url), exampleDecisionJson());

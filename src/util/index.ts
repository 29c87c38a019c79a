/** Plumbing shared by every layer: deep freezing and bounded caches. @internal */
export { BoundedCache } from "./cache.js";
export { type EmbeddedTestResult, expectEqual, runEmbeddedCases } from "./embedded.js";
export { deepFreeze } from "./freeze.js";

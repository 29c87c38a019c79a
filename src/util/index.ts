/** Plumbing shared by every layer: deep freezing and bounded caches. @internal */
export { BoundedCache } from "./cache.js";
export { deepFreeze } from "./freeze.js";

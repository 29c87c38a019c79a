// The worker when arrears runs from its TypeScript sources (the tests, the bench, the CLI under
// tsx): registers tsx in the worker thread, then loads worker.ts. Not built, not shipped; the
// package's pool loads dist/parallel-worker.js instead (see workerFile in pool.ts).
import { register } from "tsx/esm/api";

register();
const worker = await import("./worker.ts");

export default worker.default;

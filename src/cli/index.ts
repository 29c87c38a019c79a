#!/usr/bin/env node
/**
 * The `arrears` executable (package.json "bin" → dist/cli.js): runs {@link main} on the process's
 * arguments and exits with its code. `npx tsx src/cli/index.ts …` runs it from the repository.
 */
import { main } from "./main.js";

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

/**
 * The `arrears` command line: the only module that reads files, standard input or the clock.
 *
 *   arrears check   <policy>                          static checks and embedded tests
 *   arrears test    <policy> [cases…]                 embedded tests and case files, rule coverage
 *   arrears decide  [<policy>] <accounts> --as-of …   JSON Lines of decisions (or --format table)
 *   arrears explain [<policy>] <account> --as-of …    one decision as a readable trace
 *   arrears diff    <policyA> <policyB> <accounts> --as-of …   what changes between two policies
 *
 * `main(argv, io)` runs a command in-process (the tests inject the streams and the clock) and
 * resolves to the exit code; `index.ts` is the executable that calls it.
 */
import packageJson from "../../package.json";
import { ArrearsError, formatIssue } from "../errors/index.js";
import { didYouMean } from "../errors/suggest.js";
import { EXIT, HelpRequest } from "./args.js";
import { CHECK_USAGE, check } from "./check.js";
import { DECIDE_USAGE, DIFF_USAGE, decide, diff } from "./decide.js";
import { EXPLAIN_USAGE, explain } from "./explain.js";
import { InputError, UsageError } from "./inputs.js";
import { type CliIo, processIo } from "./io.js";
import { TEST_USAGE, test } from "./test.js";

export type { CliIo } from "./io.js";

const COMMANDS: Readonly<
  Record<string, { run: (argv: readonly string[], io: CliIo) => Promise<number>; usage: string }>
> = {
  check: { run: check, usage: CHECK_USAGE },
  test: { run: test, usage: TEST_USAGE },
  decide: { run: decide, usage: DECIDE_USAGE },
  explain: { run: explain, usage: EXPLAIN_USAGE },
  diff: { run: diff, usage: DIFF_USAGE },
};

const USAGE = `usage: arrears <command> [arguments] [--help]

  check   <policy>                                 static checks of a policy, its embedded tests
  test    <policy> [cases…]                        embedded tests and case files, rule coverage
  decide  [<policy>] <accounts> --as-of <instant>  decisions as JSON Lines, or --format table
  explain [<policy>] <account> --as-of <instant>   one decision as a readable trace
  diff    <policyA> <policyB> <accounts> --as-of <instant>   what changes if B replaces A

<policy> is a policy JSON file or the id of a shipped policy (us-default, cn-default,
gb-default); decide and explain without one route each account to the shipped policy of its
jurisdiction. Accounts are JSON Lines (.jsonl, or - for stdin), the flat CSV layout (.csv) or a
JSON array (.json). --as-of is an ISO instant with offset, or now. --lenient (decide, explain)
sets invalid contacts and payments aside instead of rejecting the account. JSON Schemas for
editors: rules/schemas/.

exit codes: 0 ok · 1 invalid policy or file, failed check or test · 2 bad usage ·
3 some accounts could not be decided
arrears ${packageJson.version}`;

/**
 * Runs one command line (`argv` without the node and script paths) and resolves to its exit
 * code. Never throws for bad input: usage errors and invalid files are reported on `io.stderr`.
 *
 * @example
 * const code = await main(["check", "default"], { stdout, stderr, stdin, now: () => Date.now() });
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${USAGE}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${packageJson.version}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(
      `arrears: unknown command ${JSON.stringify(name)}${didYouMean(name, Object.keys(COMMANDS))}\n\n${USAGE}\n`,
    );
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof HelpRequest) {
      io.stdout.write(`${e.message}\n`);
      return EXIT.ok;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`arrears ${name}: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof InputError) {
      io.stderr.write(`arrears ${name}: ${e.message}\n${e.details.map((d) => `  ${d}\n`).join("")}`);
      return EXIT.failed;
    }
    if (e instanceof ArrearsError) {
      io.stderr.write(
        `arrears ${name}: ${e.code}: ${e.message}\n${e.issues.map((i) => `  ${formatIssue(i)}\n`).join("")}`,
      );
      return EXIT.failed;
    }
    io.stderr.write(`arrears ${name}: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT.failed;
  }
}

import { readInput } from "../errors/index.js";
import { type Account, isParsedAccount, parseAccount } from "../model/index.js";

/**
 * A parsed account from what a caller passed: as is when already parsed, else validated; an
 * input that cannot even be read (a getter or proxy that throws) is `INVALID_ACCOUNT` too.
 * @internal
 */
export function accountInput(account: unknown): Account {
  return isParsedAccount(account) ? account : readInput("INVALID_ACCOUNT", "account", () => parseAccount(account));
}

export * from "./schema.js";
export { AccountSchema, parseAccount, safeParseAccount, isParsedAccount, type Account, type AccountInput } from "./account.js";

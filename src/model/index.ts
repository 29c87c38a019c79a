export {
  type Account,
  type AccountInput,
  AccountSchema,
  isParsedAccount,
  parseAccount,
  safeParseAccount,
} from "./account.js";
export * from "./schema.js";

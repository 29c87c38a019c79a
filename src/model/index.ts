export {
  type Account,
  type AccountInput,
  AccountSchema,
  isParsedAccount,
  parseAccount,
  safeParseAccount,
} from "./account.js";
export {
  ATTEMPT_CHANNELS,
  CONTACT_TRAIT,
  contactTraits,
  FAILED_OUTCOMES,
  purposeCode,
  RPC_OUTCOMES,
  TRAITS_TABLE,
  traitsOf,
} from "./contact-traits.js";
export { LedgerSweep } from "./ledger.js";
export {
  type AmountsByComponent,
  type PreparedAccount,
  type PreparedContacts,
  type PreparedDues,
  type PreparedPayments,
  type PreparedPromise,
  prepareAccount,
} from "./prepared.js";
export * from "./schema.js";

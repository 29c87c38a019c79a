export {
  type Account,
  type AccountInput,
  AccountSchema,
  type AccountWarning,
  isParsedAccount,
  type LenientParseResult,
  type ParseAccountOptions,
  parseAccount,
  safeParseAccount,
} from "./account.js";
export {
  CONTACT_TRAIT,
  contactTraits,
  purposeCode,
  RPC_OUTCOMES,
  TRAITS_TABLE,
  traitsOf,
} from "./contact-traits.js";
export { LedgerSweep } from "./ledger.js";
export {
  type AmountsByComponent,
  isTransient,
  type PreparedAccount,
  type PreparedAppointment,
  type PreparedContacts,
  type PreparedDues,
  prepareAccount,
} from "./prepared.js";
export * from "./schema.js";

/**
 * arrears/schemas: the zod schemas every input is validated with (the single source of the
 * TypeScript types) and the enumerations they use. For editors, form builders and your own
 * validation; `parseAccount` and the `load*` functions use the same schemas.
 */
export { DelinquencyOptionsSchema } from "./delinquency/index.js";
export { BucketRangeSchema, BucketSchemeSchema, BucketSchemeTestSchema } from "./delinquency/scheme.js";
export { FACT_NAMES, FactsOptionsSchema } from "./facts/index.js";
export { GuardrailProfileSchema, HOLD_FLAGS } from "./guardrails/index.js";
export type {
  CapRule,
  GuardrailTest,
  HoldRule,
  NoticeRule,
  QuietPeriodRule,
  ThirdPartyRule,
  WindowRule,
} from "./guardrails/schema.js";
export { BORROWER_STATUSES, HOLD_STATUSES } from "./holds/index.js";
export { ITEM_VARIABLES, MESSAGE_VARIABLES, MessageTemplateSchema } from "./messages/index.js";
export {
  ACCOUNT_LIMITS,
  AccountEventSchema,
  AccountSchema,
  AmountSchema,
  ARRANGEMENT_KINDS,
  ArrangementSchema,
  AsOfSchema,
  BalanceSchema,
  BorrowerFlagsSchema,
  BorrowerSchema,
  CHANNELS,
  ChannelSchema,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  ContactOutcomeSchema,
  ContactPurposeSchema,
  ContactSchema,
  CurrencySchema,
  DelinquencySnapshotSchema,
  DueSchema,
  EmergencyContactSchema,
  EVENT_TYPES,
  HARDSHIP_KINDS,
  HardshipKindSchema,
  HardshipReportSchema,
  IncomeExpenditureSchema,
  InstantSchema,
  IsoDateSchema,
  JurisdictionSchema,
  LocaleSchema,
  PARTIES,
  PaymentSchema,
  PromiseSchema,
  RELATIONSHIPS,
  TimeZoneSchema,
} from "./model/index.js";
export type {
  Balance,
  Borrower,
  BorrowerFlags,
  DelinquencySnapshot,
  EmergencyContact,
  HardshipReport,
  IncomeExpenditure,
  Party,
  PromiseToPay,
} from "./model/schema.js";
export { ExperimentSchema } from "./portfolio/index.js";
export {
  ActionDefinitionSchema,
  FREQUENCIES,
  OfferSpecSchema,
  PolicyFileSchema,
  PolicyOptionsSchema,
  PolicyTestSchema,
  WAIVABLE_COMPONENTS,
} from "./rules/index.js";
export type { FloorInput } from "./rules/params.js";
export { CharacteristicSchema, ScorecardSchema, SEGMENTS, SegmentationSchema } from "./scoring/index.js";
export type { Characteristic, ScorecardTest } from "./scoring/schema.js";

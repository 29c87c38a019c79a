export {
  BORROWER_STATUSES,
  type BorrowerStatus,
  DEFAULT_HOLD_LIFECYCLE,
  HOLD_STATUSES,
  type HoldLifecycle,
  type HoldStatus,
  holdsOn,
  type StatusPeriod,
  statusPeriods,
} from "./holds.js";

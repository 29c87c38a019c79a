/** Dates, instants and zones: the one place calendar and clock arithmetic lives. */
export { addMonthsToDay, monthEndsBefore } from "./calendar.js";
export { type AsOf, isoWeekday, resolveAsOf, ZoneClock, zoneClock } from "./clock.js";
export {
  civilFromDays,
  daysFromCivil,
  formatInstant,
  formatIsoDate,
  MS_PER_DAY,
  parseInstant,
  parseIsoDate,
} from "./iso.js";
export {
  isValidTimeZone,
  localDay,
  localMinuteOfDay,
  startOfLocalDay,
  zonedWallTimeToInstant,
} from "./zone.js";

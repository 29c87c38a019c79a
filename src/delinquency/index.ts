export type { Delinquency, DelinquencyOptions, AmountsByComponent } from "./types.js";

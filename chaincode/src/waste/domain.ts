// Vocabulary of the waste domain: site kinds, bag steps, sorting quality, outcomes, the per-item result
// codes a batch answers with, and anomaly types. Constants rather than string literals, so a typo is a
// compile error rather than a silently unmatched record in the index.

export const SiteKinds = ['STATION', 'TRANSFER', 'FACILITY'] as const;
export type SiteKind = (typeof SiteKinds)[number];

export const ScanQualities = ['CONFORMANT', 'NON_CONFORMANT', 'UNCHECKED'] as const;
export type ScanQuality = (typeof ScanQualities)[number];

export const Outcomes = ['RECYCLED', 'COMPOSTED', 'INCINERATED', 'LANDFILLED', 'HAZARDOUS_TREATED'] as const;
export type Outcome = (typeof Outcomes)[number];

export const CategoryCodes = ['01', '02', '03', '04'] as const;

/**
 * The steps after commissioning, in the order a bag goes through them. The key text prefixes the step
 * in the event key so a range query returns a bag's events in order. DELIVERED always carries the
 * outcome, so it is the final step.
 *
 * The transfer hop (arrival at a transfer station, departure from it on another vehicle) sorts between
 * LOADED and DELIVERED because '2-L' < '2-T1' < '2-T2' < '3-': the keys of bags recorded before the
 * hop existed keep their meaning and their order. A bag makes at most one transfer hop — the city's
 * path is collection point → transfer station → treatment facility — so each step is still one
 * write-once key per bag, and a repeat is still recognised by the key alone.
 */
export const BagSteps = {
  COLLECTED: '1-COLLECTED',
  LOADED: '2-LOADED',
  TRANSFER_ARRIVED: '2-T1-TRANSFER_ARRIVED',
  TRANSFER_DEPARTED: '2-T2-TRANSFER_DEPARTED',
  DELIVERED: '3-DELIVERED',
} as const;
export type BagStep = keyof typeof BagSteps;
export const BagStepNames: readonly BagStep[] = [
  'COLLECTED',
  'LOADED',
  'TRANSFER_ARRIVED',
  'TRANSFER_DEPARTED',
  'DELIVERED',
];

/** The steps that put a bag on a vehicle: the leg it is travelling on starts with one of them. */
export const DepartureSteps = ['LOADED', 'TRANSFER_DEPARTED'] as const;
export type DepartureStep = (typeof DepartureSteps)[number];

/** Status reported by GetBag: the latest step reached. */
export type BagStatus = 'COMMISSIONED' | BagStep;

/** Why one item of a batch was refused; the rest of the batch is unaffected. */
export const ItemCodes = {
  /** Not 18 digits, or an unknown category. */
  MalformedBarcode: 'MALFORMED_BARCODE',
  /** 18 digits whose GS1 check digit is wrong (a misread). */
  BadCheckDigit: 'BAD_CHECK_DIGIT',
  /** A well-formed barcode that was never commissioned. */
  NotCommissioned: 'NOT_COMMISSIONED',
  UnknownSite: 'UNKNOWN_SITE',
  /** The vehicle named by a load, delivery or route was never registered (refuses the request). */
  UnknownVehicle: 'UNKNOWN_VEHICLE',
  /** The vehicle was retired (refuses the request). */
  RetiredVehicle: 'RETIRED_VEHICLE',
  /** The site exists but is of the wrong kind (e.g. a scan at a treatment facility). */
  WrongSiteKind: 'WRONG_SITE_KIND',
  /** A field of the item is missing or out of range. */
  ValidationFailed: 'VALIDATION_FAILED',
  /** The bag has not reached the step this event needs (e.g. loaded before being collected). */
  OutOfOrder: 'OUT_OF_ORDER',
  /** The bag already has its final outcome; the event is refused and an anomaly recorded. */
  AfterFinalOutcome: 'AFTER_FINAL_OUTCOME',
  /** The scan names a bin that was never registered. */
  UnknownBin: 'UNKNOWN_BIN',
  RetiredBin: 'RETIRED_BIN',
  /** The bin is registered at another station than the one scanning. */
  BinElsewhere: 'BIN_ELSEWHERE',
  /** A site device reported for a site other than the one its certificate names. */
  NotDeviceSite: 'NOT_DEVICE_SITE',
  /** The bag already passed through another transfer station: one transfer hop per bag. */
  SecondTransfer: 'SECOND_TRANSFER',
} as const;
export type ItemCode = (typeof ItemCodes)[keyof typeof ItemCodes];

export const AnomalyTypes = {
  OutOfDistrict: 'OUT_OF_DISTRICT',
  CategoryMismatch: 'CATEGORY_MISMATCH',
  LoadWeightMismatch: 'LOAD_WEIGHT_MISMATCH',
  AfterFinalOutcome: 'AFTER_FINAL_OUTCOME',
  /** A load collected at a site that is not on the vehicle's planned route for that day. */
  OffRoute: 'OFF_ROUTE',
  /** A load heavier than the registered vehicle's capacity. */
  OverCapacity: 'OVER_CAPACITY',
  /** What arrived at a transfer station or facility differs from what left (per load) beyond tolerance. */
  HopWeightMismatch: 'HOP_WEIGHT_MISMATCH',
  /** A bag arrived on another vehicle than the one it left on: a transfer between them was not recorded. */
  HopSkipped: 'HOP_SKIPPED',
  /** A bag taken from a bin of another category than the bag's own. */
  BinCategoryMismatch: 'BIN_CATEGORY_MISMATCH',
} as const;
export type AnomalyType = (typeof AnomalyTypes)[keyof typeof AnomalyTypes];

/** One anomaly attached to a bag event or a load. Flagged, never hidden. */
export interface AnomalyNote {
  readonly type: AnomalyType;
  readonly message: string;
}

/** One refused item of a batch. */
export interface RejectedItem {
  readonly index: number;
  readonly barcode: string;
  readonly code: ItemCode;
  readonly message: string;
}

export const MAX_BATCH_ITEMS = 1000;
export const MAX_BAG_WEIGHT_GRAMS = 100_000;
/** 100 tonnes: larger than any refuse truck, small enough that sums stay exact integers. */
export const MAX_LOAD_WEIGHT_GRAMS = 100_000_000;

/** Transaction ids are 64 lower-case hex digits; a load is named by the id of the one that made it. */
export const LOAD_ID_PATTERN = /^[0-9a-f]{64}$/;
export const LOAD_ID_RULE = 'must be a load id: the 64 hexadecimal digits of its transaction id';

export const SITE_ID_PATTERN = /^[A-Z0-9]{1,12}(?:-[A-Z0-9]{1,12}){0,3}$/;
export const SITE_ID_RULE =
  'must be upper-case letters and digits in up to four parts joined by -, e.g. LW-ST-001';
export const DISTRICT_CODE_PATTERN = /^[1-9][0-9]{5}$/;
export const DISTRICT_CODE_RULE = 'must be a 6-digit administrative division code, e.g. 440103';
export const SITE_NAME_PATTERN = /^\S(?:[\s\S]{0,98}\S)?$/;
export const SITE_NAME_RULE = 'must be 1 to 100 characters without surrounding spaces';

/** The arrival deadline (waste configuration): ten minutes (a transfer station next door) to two days. */
export const MIN_ARRIVAL_DEADLINE_MINUTES = 10;
export const MAX_ARRIVAL_DEADLINE_MINUTES = 2880;

/** The most sites one vehicle's route for a day may list. */
export const MAX_ROUTE_SITES = 50;

/** The load-weight tolerance (waste configuration): a decimal from 0 to 1 with at most 4 places. */
export const TOLERANCE_RATIO_PATTERN = /^(0(\.[0-9]{1,4})?|1(\.0{1,4})?)$/;
export const TOLERANCE_RATIO_RULE = 'must be a decimal from 0 to 1 with at most 4 places, e.g. 0.1 for 10 %';

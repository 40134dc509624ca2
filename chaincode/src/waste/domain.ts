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
 * The steps after commissioning, in the order a bag goes through them. The number prefixes the step in
 * the event key so a range query returns a bag's events in order. DELIVERED always carries the
 * outcome, so it is the final step.
 */
export const BagSteps = {
  COLLECTED: '1-COLLECTED',
  LOADED: '2-LOADED',
  DELIVERED: '3-DELIVERED',
} as const;
export type BagStep = keyof typeof BagSteps;
export const BagStepNames: readonly BagStep[] = ['COLLECTED', 'LOADED', 'DELIVERED'];

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
  /** The site exists but is of the wrong kind (e.g. a scan at a treatment facility). */
  WrongSiteKind: 'WRONG_SITE_KIND',
  /** A field of the item is missing or out of range. */
  ValidationFailed: 'VALIDATION_FAILED',
  /** The bag has not reached the step this event needs (e.g. loaded before being collected). */
  OutOfOrder: 'OUT_OF_ORDER',
  /** The bag already has its final outcome; the event is refused and an anomaly recorded. */
  AfterFinalOutcome: 'AFTER_FINAL_OUTCOME',
} as const;
export type ItemCode = (typeof ItemCodes)[keyof typeof ItemCodes];

export const AnomalyTypes = {
  OutOfDistrict: 'OUT_OF_DISTRICT',
  CategoryMismatch: 'CATEGORY_MISMATCH',
  LoadWeightMismatch: 'LOAD_WEIGHT_MISMATCH',
  AfterFinalOutcome: 'AFTER_FINAL_OUTCOME',
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

export const SITE_ID_PATTERN = /^[A-Z0-9]{1,12}(?:-[A-Z0-9]{1,12}){0,3}$/;
export const SITE_ID_RULE =
  'must be upper-case letters and digits in up to four parts joined by -, e.g. LW-ST-001';
export const DISTRICT_CODE_PATTERN = /^[1-9][0-9]{5}$/;
export const DISTRICT_CODE_RULE = 'must be a 6-digit administrative division code, e.g. 440103';
/** Licence plates (粤A12345, 粤AD12345) or fleet numbers: letters, digits, CJK characters, '-'. */
export const VEHICLE_ID_PATTERN = /^[0-9A-Z\u4e00-\u9fff-]{2,16}$/;
export const VEHICLE_ID_RULE = 'must be 2 to 16 upper-case letters, digits, Chinese characters or -';
export const SITE_NAME_PATTERN = /^\S(?:[\s\S]{0,98}\S)?$/;
export const SITE_NAME_RULE = 'must be 1 to 100 characters without surrounding spaces';

/** The load-weight tolerance (waste configuration): a decimal from 0 to 1 with at most 4 places. */
export const TOLERANCE_RATIO_PATTERN = /^(0(\.[0-9]{1,4})?|1(\.0{1,4})?)$/;
export const TOLERANCE_RATIO_RULE = 'must be a decimal from 0 to 1 with at most 4 places, e.g. 0.1 for 10 %';

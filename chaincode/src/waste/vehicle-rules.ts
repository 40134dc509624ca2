// The identifiers a registered refuse vehicle carries: its licence plate, the RFID tag the station
// readers see, and its payload capacity. Kept apart from domain.ts because the plate rule needs room
// to explain itself.

/** The 31 province-level abbreviations that open a mainland civilian plate. */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** Issuing-office letters and serial characters: I and O are never issued (read as 1 and 0). */
const LETTER = 'A-HJ-NP-Z';
const SERIAL = `[${LETTER}0-9]`;

/**
 * A mainland civilian plate (GA 36-2018): province abbreviation, issuing-office letter, then either
 * - 5 serial characters (ordinary plate, e.g. 粤A12345, 粤AB123C), or
 * - D or F, one serial character and 4 digits (small new-energy plate, e.g. 粤AD12345, 粤AFA1234), or
 * - 5 digits then D or F (large new-energy plate, which refuse trucks carry, e.g. 粤A12345D).
 * D marks a pure-electric vehicle and F any other new-energy vehicle.
 */
export const VEHICLE_PLATE_PATTERN = new RegExp(
  `^[${PROVINCES}][${LETTER}](?:${SERIAL}{5}|[DF]${SERIAL}[0-9]{4}|[0-9]{5}[DF])$`,
  'u',
);
export const VEHICLE_PLATE_RULE =
  'must be a mainland plate: province abbreviation, office letter, then 5 characters (粤A12345) or a new-energy form (粤AD12345, 粤A12345D)';

/** An EPC-96 tag as the readers report it: 24 upper-case hexadecimal digits. */
export const RFID_TAG_PATTERN = /^[0-9A-F]{24}$/;
export const RFID_TAG_RULE = 'must be an EPC-96 tag id: 24 upper-case hexadecimal digits';

/** 100 tonnes, the same ceiling as a declared load (MAX_LOAD_WEIGHT_GRAMS). */
export const MAX_VEHICLE_CAPACITY_KG = 100_000;

export const RegistrationStatuses = ['ACTIVE', 'RETIRED'] as const;
export type RegistrationStatus = (typeof RegistrationStatuses)[number];

/** A bin id: the same shape as a site id, usually the station's id and a bin number (LW-ST-001-B01). */
export const BIN_ID_PATTERN = /^[A-Z0-9]{1,12}(?:-[A-Z0-9]{1,12}){0,4}$/;
export const BIN_ID_RULE =
  'must be upper-case letters and digits in up to five parts joined by -, e.g. LW-ST-001-B01';

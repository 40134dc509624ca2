// A registered bin at a collection station, keyed by its id. Registered ACTIVE by an urban inspector
// and later RETIRED; the record stays (past scans may name it) and the id is never reused.

import { Object as DataType, Property } from 'fabric-contract-api';
import { CategoryCodes, SITE_ID_PATTERN, SITE_ID_RULE } from './domain';
import { FieldReader, type JsonObject } from './input';
import { StoredReader } from './stored';
import {
  BIN_ID_PATTERN,
  BIN_ID_RULE,
  RFID_TAG_PATTERN,
  RFID_TAG_RULE,
  type RegistrationStatus,
  RegistrationStatuses,
} from './vehicle-rules';

export interface WasteBinFields {
  readonly binId: string;
  readonly siteId: string;
  readonly rfidTag: string;
  readonly category: string;
  readonly status: RegistrationStatus;
  readonly registeredAt: string;
  readonly registeredBy: string;
  readonly retiredAt?: string;
  readonly retiredBy?: string;
}

@DataType()
export class WasteBin implements WasteBinFields {
  @Property()
  readonly binId: string;

  /** The registered collection station the bin stands at. */
  @Property()
  readonly siteId: string;

  @Property()
  readonly rfidTag: string;

  /** The sorting category the bin is for, 01–04 as in the bag barcode. */
  @Property()
  readonly category: string;

  /** ACTIVE or RETIRED. */
  @Property()
  readonly status: RegistrationStatus;

  @Property()
  readonly registeredAt: string;

  @Property()
  readonly registeredBy: string;

  @Property()
  readonly retiredAt?: string;

  @Property()
  readonly retiredBy?: string;

  private constructor(fields: WasteBinFields) {
    this.binId = fields.binId;
    this.siteId = fields.siteId;
    this.rfidTag = fields.rfidTag;
    this.category = fields.category;
    this.status = fields.status;
    this.registeredAt = fields.registeredAt;
    this.registeredBy = fields.registeredBy;
    // absent rather than undefined, so the stored JSON of an active bin has no retirement fields
    if (fields.retiredAt !== undefined) this.retiredAt = fields.retiredAt;
    if (fields.retiredBy !== undefined) this.retiredBy = fields.retiredBy;
  }

  /** Validates `{ binId, siteId, rfidTag, category }`; VALIDATION_FAILED lists every problem. */
  static fromInput(input: JsonObject, registeredAt: string, registeredBy: string): WasteBin {
    const reader = new FieldReader(input);
    const binId = reader.string('binId', BIN_ID_PATTERN, BIN_ID_RULE);
    const siteId = reader.string('siteId', SITE_ID_PATTERN, SITE_ID_RULE);
    const rfidTag = reader.string('rfidTag', RFID_TAG_PATTERN, RFID_TAG_RULE);
    const category = reader.oneOf('category', CategoryCodes);
    reader.throwIfInvalid('bin');
    return new WasteBin({ binId, siteId, rfidTag, category, status: 'ACTIVE', registeredAt, registeredBy });
  }

  /** The same bin, retired at `retiredAt` by `retiredBy`. */
  retire(retiredAt: string, retiredBy: string): WasteBin {
    return new WasteBin({ ...this, status: 'RETIRED', retiredAt, retiredBy });
  }

  static fromStored(raw: unknown): WasteBin {
    const reader = new StoredReader(raw, 'waste bin');
    return new WasteBin({
      binId: reader.string('binId'),
      siteId: reader.string('siteId'),
      rfidTag: reader.string('rfidTag'),
      category: reader.oneOf('category', CategoryCodes),
      status: reader.oneOf('status', RegistrationStatuses),
      registeredAt: reader.string('registeredAt'),
      registeredBy: reader.string('registeredBy'),
      retiredAt: reader.optionalString('retiredAt'),
      retiredBy: reader.optionalString('retiredBy'),
    });
  }
}

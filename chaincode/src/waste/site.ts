// A registered waste site: a collection station (where bags are scanned), a transfer station or a
// treatment facility (where trucks deliver). Write-once: a site id is never reused.

import { Object as DataType, Property } from 'fabric-contract-api';
import {
  DISTRICT_CODE_PATTERN,
  DISTRICT_CODE_RULE,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
  SITE_NAME_PATTERN,
  SITE_NAME_RULE,
  type SiteKind,
  SiteKinds,
} from './domain';
import { FieldReader, type JsonObject } from './input';
import { StoredReader } from './stored';

export interface WasteSiteFields {
  readonly siteId: string;
  readonly kind: SiteKind;
  readonly districtCode: string;
  readonly name: string;
  readonly registeredAt: string;
  readonly registeredBy: string;
}

@DataType()
export class WasteSite implements WasteSiteFields {
  @Property()
  readonly siteId: string;

  /** STATION, TRANSFER or FACILITY. */
  @Property()
  readonly kind: SiteKind;

  @Property()
  readonly districtCode: string;

  @Property()
  readonly name: string;

  /** Transaction time of the registration. */
  @Property()
  readonly registeredAt: string;

  /** MSP id of the registering inspector. */
  @Property()
  readonly registeredBy: string;

  private constructor(fields: WasteSiteFields) {
    this.siteId = fields.siteId;
    this.kind = fields.kind;
    this.districtCode = fields.districtCode;
    this.name = fields.name;
    this.registeredAt = fields.registeredAt;
    this.registeredBy = fields.registeredBy;
  }

  /** Validates the client's `{ siteId, kind, districtCode, name }`; VALIDATION_FAILED lists every problem. */
  static fromInput(input: JsonObject, registeredAt: string, registeredBy: string): WasteSite {
    const reader = new FieldReader(input);
    const siteId = reader.string('siteId', SITE_ID_PATTERN, SITE_ID_RULE);
    const kind = reader.oneOf('kind', SiteKinds);
    const districtCode = reader.string('districtCode', DISTRICT_CODE_PATTERN, DISTRICT_CODE_RULE);
    const name = reader.string('name', SITE_NAME_PATTERN, SITE_NAME_RULE);
    reader.throwIfInvalid('site');
    return new WasteSite({ siteId, kind, districtCode, name, registeredAt, registeredBy });
  }

  static fromStored(raw: unknown): WasteSite {
    const reader = new StoredReader(raw, 'waste site');
    return new WasteSite({
      siteId: reader.string('siteId'),
      kind: reader.oneOf('kind', SiteKinds),
      districtCode: reader.string('districtCode'),
      name: reader.string('name'),
      registeredAt: reader.string('registeredAt'),
      registeredBy: reader.string('registeredBy'),
    });
  }
}

// Reservation of an enterprise name (key business.name/<sha256 of the normalised name>): its existence
// makes the name taken city-wide, whatever width or spacing the next applicant types.

import { Object as DataType, Property } from 'fabric-contract-api';
import { storedObject, storedString } from './stored';

const WHAT = 'business name claim';

export interface NameClaimFields {
  readonly claimId: string;
  readonly normalisedName: string;
  readonly name: string;
  readonly uscc: string;
  readonly caseId: string;
  readonly claimedAt: string;
}

@DataType()
export class NameClaimRecord implements NameClaimFields {
  @Property() readonly claimId: string;
  @Property() readonly normalisedName: string;
  @Property() readonly name: string;
  @Property() readonly uscc: string;
  @Property() readonly caseId: string;
  @Property() readonly claimedAt: string;

  private constructor(fields: NameClaimFields) {
    this.claimId = fields.claimId;
    this.normalisedName = fields.normalisedName;
    this.name = fields.name;
    this.uscc = fields.uscc;
    this.caseId = fields.caseId;
    this.claimedAt = fields.claimedAt;
  }

  static create(fields: NameClaimFields): NameClaimRecord {
    return new NameClaimRecord(fields);
  }

  static fromStored(raw: unknown): NameClaimRecord {
    const object = storedObject(raw, WHAT);
    return new NameClaimRecord({
      claimId: storedString(object, 'claimId', WHAT),
      normalisedName: storedString(object, 'normalisedName', WHAT),
      name: storedString(object, 'name', WHAT),
      uscc: storedString(object, 'uscc', WHAT),
      caseId: storedString(object, 'caseId', WHAT),
      claimedAt: storedString(object, 'claimedAt', WHAT),
    });
  }
}

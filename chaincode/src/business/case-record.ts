// The public record of a business opening case (key business.case/<caseId>). It never changes after
// OpenCase: each step lives under its own key, so departments completing different steps at the same
// time do not write (or read-conflict on) one shared record.

import { Object as DataType, Property } from 'fabric-contract-api';
import { type Actor, storedActor } from './actor';
import { type PublicLegalRepresentative } from './legal-representative';
import { EntityTypes, type EntityType, type OpenCaseRequest } from './open-case-request';
import { storedInteger, storedObject, storedOneOf, storedString } from './stored';

const WHAT = 'business case';

export interface CaseRecordFields extends Omit<OpenCaseRequest, 'normalisedName'> {
  readonly caseId: string;
  readonly normalisedName: string;
  readonly nameClaimId: string;
  readonly legalRepresentative: PublicLegalRepresentative;
  readonly openedAt: string;
  readonly openedBy: Actor;
}

@DataType()
export class CaseRecord implements CaseRecordFields {
  @Property() readonly caseId: string;
  @Property() readonly uscc: string;
  @Property() readonly name: string;
  @Property() readonly normalisedName: string;
  @Property() readonly nameClaimId: string;
  @Property() readonly entityType: EntityType;
  @Property() readonly registeredCapitalFen: number;
  @Property() readonly address: string;
  @Property() readonly businessScope: string;
  readonly legalRepresentative: PublicLegalRepresentative;
  @Property() readonly openedAt: string;
  readonly openedBy: Actor;

  private constructor(fields: CaseRecordFields) {
    this.caseId = fields.caseId;
    this.uscc = fields.uscc;
    this.name = fields.name;
    this.normalisedName = fields.normalisedName;
    this.nameClaimId = fields.nameClaimId;
    this.entityType = fields.entityType;
    this.registeredCapitalFen = fields.registeredCapitalFen;
    this.address = fields.address;
    this.businessScope = fields.businessScope;
    this.legalRepresentative = {
      maskedName: fields.legalRepresentative.maskedName,
      idHash: fields.legalRepresentative.idHash,
    };
    this.openedAt = fields.openedAt;
    this.openedBy = fields.openedBy;
  }

  /** Fields are validated by parseOpenCaseRequest and readLegalRepresentative before this is called. */
  static create(fields: CaseRecordFields): CaseRecord {
    return new CaseRecord(fields);
  }

  static fromStored(raw: unknown): CaseRecord {
    const object = storedObject(raw, WHAT);
    const person = storedObject(object.legalRepresentative, `${WHAT} legalRepresentative`);
    return new CaseRecord({
      caseId: storedString(object, 'caseId', WHAT),
      uscc: storedString(object, 'uscc', WHAT),
      name: storedString(object, 'name', WHAT),
      normalisedName: storedString(object, 'normalisedName', WHAT),
      nameClaimId: storedString(object, 'nameClaimId', WHAT),
      entityType: storedOneOf(object, 'entityType', EntityTypes, WHAT),
      registeredCapitalFen: storedInteger(object, 'registeredCapitalFen', WHAT),
      address: storedString(object, 'address', WHAT),
      businessScope: storedString(object, 'businessScope', WHAT),
      legalRepresentative: {
        maskedName: storedString(person, 'maskedName', WHAT),
        idHash: storedString(person, 'idHash', WHAT),
      },
      openedAt: storedString(object, 'openedAt', WHAT),
      openedBy: storedActor(object, 'openedBy', WHAT),
    });
  }
}

// A commissioned bag: written once, when the barcode is issued to a household, and never updated.
// Later steps are separate write-once event keys (see keys.ts), so scanning, loading and delivering
// never rewrite this key and never conflict with each other on it.

import { Object as DataType, Property } from 'fabric-contract-api';
import { StoredReader } from './stored';

export interface WasteBagFields {
  readonly barcode: string;
  readonly districtCode: string;
  /** Two-digit category code from the barcode: 01 recyclable, 02 food, 03 hazardous, 04 residual. */
  readonly category: string;
  readonly serial: number;
  /** Barcode of the first bag of the commissioning batch; names the household's private record. */
  readonly batchId: string;
  /** Salted SHA-256 (hex) of the household reference; the plain reference is in urbanPrivate only. */
  readonly householdHash: string;
  readonly commissionedAt: string;
  readonly commissionedBy: string;
  readonly txId: string;
}

@DataType()
export class WasteBag implements WasteBagFields {
  @Property() readonly barcode: string;
  @Property() readonly districtCode: string;
  @Property() readonly category: string;
  @Property() readonly serial: number;
  @Property() readonly batchId: string;
  @Property() readonly householdHash: string;
  @Property() readonly commissionedAt: string;
  @Property() readonly commissionedBy: string;
  @Property() readonly txId: string;

  private constructor(fields: WasteBagFields) {
    this.barcode = fields.barcode;
    this.districtCode = fields.districtCode;
    this.category = fields.category;
    this.serial = fields.serial;
    this.batchId = fields.batchId;
    this.householdHash = fields.householdHash;
    this.commissionedAt = fields.commissionedAt;
    this.commissionedBy = fields.commissionedBy;
    this.txId = fields.txId;
  }

  /** Built only by CommissionBags from validated input. */
  static create(fields: WasteBagFields): WasteBag {
    return new WasteBag(fields);
  }

  static fromStored(raw: unknown): WasteBag {
    const reader = new StoredReader(raw, 'waste bag');
    return new WasteBag({
      barcode: reader.string('barcode'),
      districtCode: reader.string('districtCode'),
      category: reader.string('category'),
      serial: reader.integer('serial'),
      batchId: reader.string('batchId'),
      householdHash: reader.string('householdHash'),
      commissionedAt: reader.string('commissionedAt'),
      commissionedBy: reader.string('commissionedBy'),
      txId: reader.string('txId'),
    });
  }
}

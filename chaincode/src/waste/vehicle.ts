// A registered refuse vehicle, keyed by its plate. Registered ACTIVE by an urban inspector and later
// RETIRED; a retired plate stays on the ledger (it names past loads) and is never registered again.

import { Object as DataType, Property } from 'fabric-contract-api';
import { parseUscc } from '../common/identifiers';
import { FieldReader, type JsonObject } from './input';
import { StoredReader } from './stored';
import {
  MAX_VEHICLE_CAPACITY_KG,
  RFID_TAG_PATTERN,
  RFID_TAG_RULE,
  type RegistrationStatus,
  RegistrationStatuses,
  VEHICLE_PLATE_PATTERN,
  VEHICLE_PLATE_RULE,
} from './vehicle-rules';

export interface WasteVehicleFields {
  readonly vehicleId: string;
  readonly companyUscc: string;
  readonly rfidTag: string;
  readonly capacityKg: number;
  readonly status: RegistrationStatus;
  readonly registeredAt: string;
  readonly registeredBy: string;
  readonly retiredAt?: string;
  readonly retiredBy?: string;
}

@DataType()
export class WasteVehicle implements WasteVehicleFields {
  /** The licence plate (VEHICLE_PLATE_PATTERN). */
  @Property()
  readonly vehicleId: string;

  /** The operating company's unified social credit code, canonical form. */
  @Property()
  readonly companyUscc: string;

  @Property()
  readonly rfidTag: string;

  @Property()
  readonly capacityKg: number;

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

  private constructor(fields: WasteVehicleFields) {
    this.vehicleId = fields.vehicleId;
    this.companyUscc = fields.companyUscc;
    this.rfidTag = fields.rfidTag;
    this.capacityKg = fields.capacityKg;
    this.status = fields.status;
    this.registeredAt = fields.registeredAt;
    this.registeredBy = fields.registeredBy;
    // absent rather than undefined, so the stored JSON of an active vehicle has no retirement fields
    if (fields.retiredAt !== undefined) this.retiredAt = fields.retiredAt;
    if (fields.retiredBy !== undefined) this.retiredBy = fields.retiredBy;
  }

  /** Validates `{ vehicleId, companyUscc, rfidTag, capacityKg }`; VALIDATION_FAILED lists every problem. */
  static fromInput(input: JsonObject, registeredAt: string, registeredBy: string): WasteVehicle {
    const reader = new FieldReader(input);
    const vehicleId = reader.string('vehicleId', VEHICLE_PLATE_PATTERN, VEHICLE_PLATE_RULE);
    const rawUscc = input.companyUscc;
    const uscc = typeof rawUscc === 'string' ? parseUscc(rawUscc) : undefined;
    if (uscc === undefined || !uscc.valid) {
      reader.problem('companyUscc', uscc === undefined ? 'must be text' : `invalid USCC: ${uscc.reason}`);
    }
    const rfidTag = reader.string('rfidTag', RFID_TAG_PATTERN, RFID_TAG_RULE);
    const capacityKg = reader.integer('capacityKg', 1, MAX_VEHICLE_CAPACITY_KG);
    reader.throwIfInvalid('vehicle');
    return new WasteVehicle({
      vehicleId,
      companyUscc: uscc?.valid === true ? uscc.value.canonical : '',
      rfidTag,
      capacityKg,
      status: 'ACTIVE',
      registeredAt,
      registeredBy,
    });
  }

  /** The same vehicle, retired at `retiredAt` by `retiredBy`. */
  retire(retiredAt: string, retiredBy: string): WasteVehicle {
    return new WasteVehicle({ ...this, status: 'RETIRED', retiredAt, retiredBy });
  }

  static fromStored(raw: unknown): WasteVehicle {
    const reader = new StoredReader(raw, 'waste vehicle');
    return new WasteVehicle({
      vehicleId: reader.string('vehicleId'),
      companyUscc: reader.string('companyUscc'),
      rfidTag: reader.string('rfidTag'),
      capacityKg: reader.integer('capacityKg'),
      status: reader.oneOf('status', RegistrationStatuses),
      registeredAt: reader.string('registeredAt'),
      registeredBy: reader.string('registeredBy'),
      retiredAt: reader.optionalString('retiredAt'),
      retiredBy: reader.optionalString('retiredBy'),
    });
  }
}

// Test support for the waste contract's unit tests: a channel whose transactions run in the waste
// definition, committed calls by role, and builders for sites, bag batches and scans. Not built into
// dist (src/testing is excluded).

import { type Role, Roles } from '../common/access';
import { ChaincodeNames } from '../common/definitions';
import { type ChaincodeError } from '../common/errors';
import { makeBagBarcode } from '../common/identifiers';
import { WasteContract } from '../waste/waste-contract';
import { channelLedger } from './channel';
import { type CommitResult, type InMemoryStub } from './in-memory-stub';
import { identityForRole } from './test-identity';

export const DISTRICT = '440103';
export const OTHER_DISTRICT = '440104';
export const SALT = 'salt-0123456789abcdef';
/** A valid USCC (check characters correct) for the operating company of test vehicles. */
export const COMPANY_USCC = '914403001922038216';

/** A well-formed RegisterVehicle argument for `vehicleId`. */
export function vehicleInput(vehicleId: string): Record<string, unknown> {
  return { vehicleId, companyUscc: COMPANY_USCC, rfidTag: 'E28011606000020A1B2C3D4E', capacityKg: 8000 };
}

/** The registered trucks of standardSites(). */
export const TRUCK = '粤A12345';
export const OTHER_TRUCK = '粤B67890';

export const HOUSEHOLD = 'HH-440103-明珠花园-3-1201';

type WasteMethod =
  | 'RegisterSite'
  | 'CommissionBags'
  | 'RecordScans'
  | 'RecordCollection'
  | 'RecordDelivery'
  | 'SetConfig'
  | 'RegisterVehicle'
  | 'RetireVehicle'
  | 'RegisterBin'
  | 'RetireBin'
  | 'RecordRoute'
  | 'CorrectLoadWeight';

export interface Call {
  readonly tx: InMemoryStub;
  readonly commit: CommitResult;
  readonly result: unknown;
}

export function bag(serial: number, category: '01' | '02' | '03' | '04' = '02', district = DISTRICT): string {
  return makeBagBarcode(district, category, serial);
}

export function scan(barcode: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    barcode,
    stationId: 'LW-ST-001',
    scannedAt: '2026-01-01T07:30:00+08:00',
    weightGrams: 1200,
    quality: 'CONFORMANT',
    ...overrides,
  };
}

export async function errorOf(promise: Promise<unknown>): Promise<ChaincodeError> {
  try {
    await promise;
  } catch (error) {
    return error as ChaincodeError;
  }
  throw new Error('expected the transaction to fail');
}

export class WasteWorld {
  readonly ledger = channelLedger(ChaincodeNames.Waste, { startTime: '2026-01-01T00:00:00.000Z' });
  readonly contract = new WasteContract();

  /** Starts a transaction as `role`; call the contract on tx.ctx and commit yourself. */
  transaction(role: Role, transient?: Record<string, string>): InMemoryStub {
    return this.ledger.newTransaction({ identity: identityForRole(role), transient });
  }

  /** Runs a write, commits it (it must be VALID) and returns the parsed result. */
  async call(
    role: Role,
    method: WasteMethod,
    json: unknown,
    transient?: Record<string, string>,
  ): Promise<Call> {
    const tx = this.transaction(role, transient);
    const text = await this.contract[method](tx.ctx, typeof json === 'string' ? json : JSON.stringify(json));
    // the waste namespace's own policy (UrbanMSP's peer) is all that guards it: no key-level policies
    if (tx.pendingValidationParameterWrites().length > 0) {
      throw new Error(`transaction ${method} writes key-level endorsement policies`);
    }
    const commit = tx.commit();
    if (commit.validationCode !== 'VALID') {
      throw new Error(`transaction ${method} committed as ${commit.validationCode}`);
    }
    return { tx, commit, result: JSON.parse(text) as unknown };
  }

  async read(
    method: 'GetBag' | 'GetSite' | 'GetVehicle' | 'GetBin' | 'GetLoad',
    arg: string,
  ): Promise<Record<string, unknown>> {
    const tx = this.transaction(Roles.StationOperator);
    return JSON.parse(await this.contract[method](tx.ctx, arg)) as Record<string, unknown>;
  }

  /** Registers `vehicleId` as an active truck of COMPANY_USCC. */
  async vehicle(vehicleId: string, overrides: Record<string, unknown> = {}): Promise<Call> {
    return this.call(Roles.UrbanInspector, 'RegisterVehicle', { ...vehicleInput(vehicleId), ...overrides });
  }

  async site(siteId: string, kind = 'STATION', districtCode = DISTRICT): Promise<Call> {
    return this.call(Roles.UrbanInspector, 'RegisterSite', {
      siteId,
      kind,
      districtCode,
      name: `站点 ${siteId}`,
    });
  }

  async commission(
    firstSerial: number,
    count: number,
    category = '02',
    districtCode = DISTRICT,
  ): Promise<Call> {
    return this.call(
      Roles.UrbanInspector,
      'CommissionBags',
      { districtCode, category, firstSerial, count },
      { householdRef: HOUSEHOLD, householdSalt: SALT },
    );
  }

  async scans(scans: unknown[]): Promise<Call> {
    return this.call(Roles.StationOperator, 'RecordScans', { scans });
  }

  /**
   * Sites LW-ST-001 (station), LW-ST-002 (station, other district), LW-TR-001, LW-FA-001, and the
   * active vehicles TRUCK and OTHER_TRUCK.
   */
  async standardSites(): Promise<void> {
    await this.vehicle(TRUCK);
    await this.vehicle(OTHER_TRUCK);
    await this.site('LW-ST-001');
    await this.site('LW-ST-002', 'STATION', OTHER_DISTRICT);
    await this.site('LW-TR-001', 'TRANSFER');
    await this.site('LW-FA-001', 'FACILITY');
  }

  /** Every committed public value and event payload as text, for privacy scans. */
  publicText(): string {
    const values = this.ledger.stateKeys().map((key) => this.ledger.getState(key)?.toString('utf8') ?? '');
    const events = this.ledger.events.map((event) => event.payload.toString('utf8'));
    return [...values, ...events].join('\n');
  }
}

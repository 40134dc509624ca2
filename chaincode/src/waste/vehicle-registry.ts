// RegisterVehicle, RetireVehicle and GetVehicle. A vehicle is one key named by its plate, so two
// inspectors touching the same truck conflict at commit and different trucks never do.

import { type Context } from 'fabric-contract-api';
import { type AuthorisedSubmitter } from '../common/access';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { getRecord, putRecord, recordExists } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { ItemCodes } from './domain';
import { parseJsonObjectArgument } from './input';
import { vehicleKey } from './keys';
import { WasteVehicle } from './vehicle';
import { VEHICLE_PLATE_PATTERN, VEHICLE_PLATE_RULE } from './vehicle-rules';

export async function readVehicle(ctx: Context, vehicleId: string): Promise<WasteVehicle | undefined> {
  return getRecord(ctx, vehicleKey(ctx, vehicleId), (raw) => WasteVehicle.fromStored(raw));
}

export async function registerVehicle(
  ctx: Context,
  submitter: AuthorisedSubmitter,
  json: string,
): Promise<WasteVehicle> {
  const vehicle = WasteVehicle.fromInput(
    parseJsonObjectArgument(json, 'vehicle'),
    transactionTime(ctx),
    submitter.mspId,
  );
  const key = vehicleKey(ctx, vehicle.vehicleId);
  if (await recordExists(ctx, key)) {
    // a retired plate too: its record names past loads and must not be overwritten
    throw new ConflictError(`vehicle ${vehicle.vehicleId} is already registered`, [
      { field: 'vehicleId', message: 'taken' },
    ]);
  }
  await putRecord(ctx, key, vehicle);
  emitEvent(ctx, EventNames.WasteVehicleRegistered, { ...vehicle, txId: ctx.stub.getTxID() });
  return vehicle;
}

export async function retireVehicle(
  ctx: Context,
  submitter: AuthorisedSubmitter,
  vehicleId: string,
): Promise<WasteVehicle> {
  const current = await requireVehicle(ctx, vehicleId);
  if (current.status === 'RETIRED') {
    throw new ConflictError(`vehicle ${vehicleId} is already retired`, [
      { field: 'vehicleId', message: 'already retired' },
    ]);
  }
  const retiredAt = transactionTime(ctx);
  const retired = current.retire(retiredAt, submitter.mspId);
  await putRecord(ctx, vehicleKey(ctx, vehicleId), retired);
  emitEvent(ctx, EventNames.WasteVehicleRetired, {
    ...retired,
    retiredAt,
    retiredBy: submitter.mspId,
    txId: ctx.stub.getTxID(),
  });
  return retired;
}

/** The vehicle, or VALIDATION_FAILED for a malformed plate and NOT_FOUND for an unknown one. */
export async function requireVehicle(ctx: Context, vehicleId: unknown): Promise<WasteVehicle> {
  if (typeof vehicleId !== 'string' || !VEHICLE_PLATE_PATTERN.test(vehicleId)) {
    throw new ValidationError('invalid vehicle id', [{ field: 'vehicleId', message: VEHICLE_PLATE_RULE }]);
  }
  const vehicle = await readVehicle(ctx, vehicleId);
  if (vehicle === undefined) {
    throw new NotFoundError(`vehicle ${vehicleId} not found`);
  }
  return vehicle;
}

/**
 * The vehicle a load, delivery or route names: registered and ACTIVE. It applies to the whole request,
 * so it refuses the whole call like an unknown site does; the detail starts with the code.
 */
export async function requireActiveVehicle(
  ctx: Context,
  field: string,
  vehicleId: string,
): Promise<WasteVehicle> {
  const vehicle = await readVehicle(ctx, vehicleId);
  if (vehicle === undefined) {
    throw new NotFoundError(`vehicle ${vehicleId} is not registered`, [
      { field, message: `${ItemCodes.UnknownVehicle}: register the vehicle first` },
    ]);
  }
  if (vehicle.status !== 'ACTIVE') {
    throw new RuleViolationError(`vehicle ${vehicleId} was retired on ${vehicle.retiredAt ?? ''}`, [
      { field, message: `${ItemCodes.RetiredVehicle}: a retired vehicle carries no loads` },
    ]);
  }
  return vehicle;
}

// The arguments of RecordDelivery. Which fields apply depends on the site: a transfer station only
// receives (no outcome), a treatment facility records the final outcome, and recovered weight when it
// recycles.

import {
  MAX_BATCH_ITEMS,
  MAX_LOAD_WEIGHT_GRAMS,
  type Outcome,
  Outcomes,
  SITE_ID_PATTERN,
  SITE_ID_RULE,
  type SiteKind,
} from './domain';
import { ValidationError } from '../common/errors';
import { FieldReader, parseJsonObjectArgument } from './input';
import { VEHICLE_PLATE_PATTERN, VEHICLE_PLATE_RULE } from './vehicle-rules';

export interface DeliveryInput {
  readonly facilityId: string;
  readonly vehicleId: string;
  readonly barcodes: readonly unknown[];
  readonly receivedWeightGrams: number;
  /** Absent at a transfer station, where the bags' journey goes on. */
  readonly outcome: Outcome | undefined;
  readonly recoveredWeightGrams: number | undefined;
  readonly receivedAt: string;
}

/** Every field's own rules; VALIDATION_FAILED listing every problem. */
export function parseDelivery(json: string): DeliveryInput {
  const reader = new FieldReader(parseJsonObjectArgument(json, 'delivery'));
  const input = {
    facilityId: reader.string('facilityId', SITE_ID_PATTERN, SITE_ID_RULE),
    vehicleId: reader.string('vehicleId', VEHICLE_PLATE_PATTERN, VEHICLE_PLATE_RULE),
    barcodes: reader.array('barcodes', MAX_BATCH_ITEMS),
    receivedWeightGrams: reader.integer('receivedWeightGrams', 1, MAX_LOAD_WEIGHT_GRAMS),
    outcome: reader.optionalOneOf('outcome', Outcomes),
    recoveredWeightGrams: reader.optionalInteger('recoveredWeightGrams', 0, MAX_LOAD_WEIGHT_GRAMS),
    receivedAt: reader.isoDateTime('receivedAt'),
  };
  if (input.outcome === 'RECYCLED' && input.recoveredWeightGrams === undefined) {
    reader.problem('recoveredWeightGrams', 'is required when the outcome is RECYCLED');
  }
  if (input.outcome !== 'RECYCLED' && input.recoveredWeightGrams !== undefined) {
    reader.problem('recoveredWeightGrams', 'is only recorded when the outcome is RECYCLED');
  }
  if (input.recoveredWeightGrams !== undefined && input.recoveredWeightGrams > input.receivedWeightGrams) {
    reader.problem('recoveredWeightGrams', 'cannot exceed receivedWeightGrams');
  }
  reader.throwIfInvalid('delivery');
  return input;
}

/** The outcome belongs to the facility: required there, refused at a transfer station. */
export function requireOutcomeFitsSite(input: DeliveryInput, siteKind: SiteKind): void {
  if (siteKind === 'TRANSFER' && input.outcome !== undefined) {
    throw new ValidationError('invalid delivery', [
      {
        field: 'outcome',
        message: 'is recorded only at a treatment facility; a transfer station receives the bags',
      },
    ]);
  }
  if (siteKind === 'FACILITY' && input.outcome === undefined) {
    throw new ValidationError('invalid delivery', [
      { field: 'outcome', message: `is required at a treatment facility: one of ${Outcomes.join(', ')}` },
    ]);
  }
}

// Waste configuration: the tolerance within which a truck's load weight may differ from the sum of its
// bags' scanned weights before a LOAD_WEIGHT_MISMATCH anomaly is flagged. One key, written rarely by an
// inspector and only read by collections, so it is no hot key (reads of an unchanged key never conflict).

import { Object as DataType, Property } from 'fabric-contract-api';
import { ValidationError } from '../common/errors';
import { TOLERANCE_RATIO_PATTERN, TOLERANCE_RATIO_RULE } from './domain';
import { type JsonObject } from './input';
import { StoredReader } from './stored';

/** 10 %: the default until an inspector sets another tolerance. */
export const DEFAULT_TOLERANCE_BASIS_POINTS = 1000;
const BASIS_POINTS_PER_UNIT = 10_000;

export interface WasteConfigFields {
  /** The tolerance as given, a decimal from 0 to 1 with up to 4 places, e.g. "0.1". */
  readonly toleranceRatio: string;
  /** The same tolerance in basis points (1/10 000), so comparisons use integers only. */
  readonly toleranceBasisPoints: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

@DataType()
export class WasteConfig implements WasteConfigFields {
  @Property() readonly toleranceRatio: string;
  @Property() readonly toleranceBasisPoints: number;
  @Property() readonly updatedAt: string;
  @Property() readonly updatedBy: string;

  private constructor(fields: WasteConfigFields) {
    this.toleranceRatio = fields.toleranceRatio;
    this.toleranceBasisPoints = fields.toleranceBasisPoints;
    this.updatedAt = fields.updatedAt;
    this.updatedBy = fields.updatedBy;
  }

  /** The configuration in force before any SetConfig. */
  static defaults(): WasteConfig {
    return new WasteConfig({
      toleranceRatio: '0.1',
      toleranceBasisPoints: DEFAULT_TOLERANCE_BASIS_POINTS,
      updatedAt: '',
      updatedBy: '',
    });
  }

  /** `{ "toleranceRatio": 0.15 }` or `{ "toleranceRatio": "0.15" }`. */
  static fromInput(input: JsonObject, updatedAt: string, updatedBy: string): WasteConfig {
    const raw = input.toleranceRatio;
    const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
    if (typeof text !== 'string' || !TOLERANCE_RATIO_PATTERN.test(text)) {
      throw new ValidationError('invalid waste configuration', [
        {
          field: 'toleranceRatio',
          message: TOLERANCE_RATIO_RULE,
        },
      ]);
    }
    const [whole = '0', fraction = ''] = text.split('.');
    const toleranceBasisPoints = Number(whole) * BASIS_POINTS_PER_UNIT + Number(fraction.padEnd(4, '0'));
    return new WasteConfig({ toleranceRatio: text, toleranceBasisPoints, updatedAt, updatedBy });
  }

  static fromStored(raw: unknown): WasteConfig {
    const reader = new StoredReader(raw, 'waste config');
    return new WasteConfig({
      toleranceRatio: reader.string('toleranceRatio'),
      toleranceBasisPoints: reader.integer('toleranceBasisPoints'),
      updatedAt: reader.string('updatedAt'),
      updatedBy: reader.string('updatedBy'),
    });
  }

  /** True when `actual` differs from `expected` by more than the tolerance (integers only, exact). */
  exceedsTolerance(actual: number, expected: number): boolean {
    return Math.abs(actual - expected) * BASIS_POINTS_PER_UNIT > this.toleranceBasisPoints * expected;
  }
}

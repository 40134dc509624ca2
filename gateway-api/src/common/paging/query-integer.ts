import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationArguments } from 'class-validator';

import { documentConstraint } from '../openapi/validation-keywords';

/** Optional sign and decimal digits: the only spellings of a whole number a query may use. */
const DECIMAL_INTEGER = /^-?\d+$/;

/**
 * A query value as a number when it is written in decimal digits, otherwise unchanged so the
 * validator refuses it. `Number()` alone would accept '1e30', '0x10', ' 7' and '' (as 0), and a
 * value like 1e30 passes `@IsInt()` only to reach the database as `OFFSET 1e+30`.
 */
export function parseQueryInteger(value: unknown): unknown {
  return typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value;
}

/** True for a safe integer in [min, max]: anything the parser left as text or an array fails. */
export function isIntegerInRange(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/**
 * A whole-number query parameter from `min` to `max`, with one error detail naming it whatever is
 * wrong (not a number, fractional, out of range), so the client reads one reason per parameter.
 */
export function IsQueryInteger(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => parseQueryInteger(value)),
    ValidateBy({
      name: 'isQueryInteger',
      constraints: [min, max],
      validator: {
        validate: (value: unknown): boolean => isIntegerInRange(value, min, max),
        defaultMessage: (args?: ValidationArguments): string =>
          `${args?.property ?? 'value'} must be a whole number from ${min} to ${max}`,
      },
    }),
  );
}

documentConstraint('isQueryInteger', ([min, max]) => ({ type: 'integer', minimum: min, maximum: max }));

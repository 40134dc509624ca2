import { documentConstraint } from './openapi/validation-keywords';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * A finite number with at most `maxDecimalPlaces` decimals (an amount in yuan, an area in m²).
 * class-validator's own IsNumber({ maxDecimalPlaces }) reads the decimals off `String(value)` and
 * throws on numbers JavaScript prints in exponent form (1e-7), which turned such a body into a 500;
 * rounding to the allowed places and comparing handles every number.
 */
export function hasAtMostDecimals(value: unknown, maxDecimalPlaces: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  return Number(value.toFixed(maxDecimalPlaces)) === value;
}

export function IsDecimalNumber(maxDecimalPlaces: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isDecimalNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [maxDecimalPlaces],
      options,
      validator: {
        validate: (value: unknown): boolean => hasAtMostDecimals(value, maxDecimalPlaces),
        defaultMessage: (args: ValidationArguments): string =>
          `${args.property} must be a number with at most ${maxDecimalPlaces} decimal places`,
      },
    });
  };
}

documentConstraint('isDecimalNumber', ([places]) => ({
  type: 'number',
  multipleOf: typeof places === 'number' ? 10 ** -places : undefined,
}));

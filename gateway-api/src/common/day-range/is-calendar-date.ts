import { registerDecorator, type ValidationArguments } from 'class-validator';

import { isCalendarDay } from '../../../../chaincode/src/contract';
import { documentConstraint } from '../openapi/validation-keywords';

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused). */
export function isCalendarDate(value: unknown): boolean {
  return typeof value === 'string' && isCalendarDay(value);
}

export function IsCalendarDate(): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: isCalendarDate,
        defaultMessage: (args: ValidationArguments): string =>
          `${args.property} must be a real day written YYYY-MM-DD`,
      },
    });
  };
}

// the pattern keeps months and days in range; whether the day exists (02-30) is the format's part
documentConstraint('isCalendarDate', {
  format: 'date',
  pattern: '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$',
});

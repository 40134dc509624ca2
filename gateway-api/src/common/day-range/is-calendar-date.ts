import { registerDecorator, type ValidationArguments } from 'class-validator';

import { documentConstraint } from '../openapi/validation-keywords';

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
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

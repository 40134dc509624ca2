import { registerDecorator, type ValidationArguments } from 'class-validator';

import { ISO_DATE_TIME_PATTERN, isIsoDateTime } from '../../../../chaincode/src/contract';
import { documentConstraint } from '../../common/openapi/validation-keywords';

/** The chaincode's strict ISO-8601 date-time (seconds and an explicit zone), so both refuse the same. */
export function IsIsoDateTime(): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isIsoDateTime',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isIsoDateTime(value),
        defaultMessage: (args: ValidationArguments): string =>
          `${args.property} must be an ISO-8601 date-time with a time zone, e.g. 2026-03-01T08:00:00+08:00`,
      },
    });
  };
}

documentConstraint('isIsoDateTime', { format: 'date-time', pattern: ISO_DATE_TIME_PATTERN });

import { ValidationPipe } from '@nestjs/common';
import { type ValidationError } from 'class-validator';

import { type ErrorDetail, ValidationFailedError } from './errors';

/**
 * The global pipe: DTOs are the only way request data gets in. Unknown fields are refused rather
 * than dropped, so a client's typo ("holder" for "holders") fails loudly instead of silently.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // never copy the rejected values into errors: they may hold personal data (ID numbers)
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(errors),
  });
}

export function validationFailed(errors: readonly ValidationError[]): ValidationFailedError {
  const details = toDetails(errors);
  const first = details[0];
  const message =
    first === undefined
      ? 'Invalid request'
      : `Invalid request: ${first.field ? `${first.field}: ` : ''}${first.message}` +
        (details.length > 1 ? ` (and ${details.length - 1} more)` : '');
  return new ValidationFailedError(message, { details });
}

/** One detail per failed constraint, with the dotted path of the field, e.g. `holders.0.idNumber`. */
export function toDetails(errors: readonly ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    // property is empty when the body itself is wrong (e.g. a string where an object is expected)
    const field = [parent, error.property].filter((part) => part !== undefined && part !== '').join('.');
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]): ErrorDetail =>
      field ? { field, constraint, message } : { constraint, message },
    );
    return [...own, ...toDetails(error.children ?? [], field)];
  });
}

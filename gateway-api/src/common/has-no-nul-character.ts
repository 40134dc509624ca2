import { ValidateBy, type ValidationArguments } from 'class-validator';

import { containsNulCharacter } from '../../../chaincode/src/contract';
import { documentConstraint } from './openapi/validation-keywords';

/**
 * Refuses text holding U+0000. JSON bodies are checked as a whole when parsed (json-body.ts); query
 * strings are not, and PostgreSQL cannot compare a text parameter holding NUL (it fails the query,
 * a 500), so a query parameter that reaches the index as text carries this check.
 */
export function HasNoNulCharacter(): PropertyDecorator {
  return ValidateBy({
    name: 'hasNoNulCharacter',
    validator: {
      validate: (value: unknown): boolean => !containsNulCharacter(value),
      defaultMessage: (args?: ValidationArguments): string =>
        `${args?.property ?? 'value'} must not contain U+0000`,
    },
  });
}

documentConstraint('hasNoNulCharacter', { pattern: '^[^\\u0000]*$' });

import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments } from 'class-validator';

import { type BusinessStep, BusinessSteps, IdentifierFormats } from '../../../../chaincode/src/contract';
import { ApiError } from '../../common/errors';
import { documentConstraint } from '../../common/openapi/validation-keywords';
import { requireCaseIdParam, requireStepParam } from '../business-params';

// The case routes' path parameters (a licence's USCC is the shared UsccParams), validated (and put in canonical form) by the global pipe
// with the chaincode's own rules (business-params.ts), and described in the API document from the
// same decorators.

/** Canonical form of a valid value; anything else stays as typed for the validator to refuse. */
function canonicalBy(canonical: (value: string) => string) {
  return ({ value }: { value: unknown }): unknown => {
    if (typeof value !== 'string') return value;
    try {
      return canonical(value);
    } catch {
      return value;
    }
  };
}

function checkedBy(name: string, check: (value: string) => string) {
  return (): PropertyDecorator =>
    (target: object, propertyName: string | symbol): void => {
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        validator: {
          validate: (value: unknown): boolean =>
            typeof value === 'string' && reasonOf(check, value) === undefined,
          defaultMessage: (args: ValidationArguments): string =>
            typeof args.value === 'string'
              ? (reasonOf(check, args.value) ?? 'is invalid')
              : 'must be a string',
        },
      });
    };
}

/** The detail message the check's 400 carries, or undefined when the value passes. */
function reasonOf(check: (value: string) => string, value: string): string | undefined {
  try {
    check(value);
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return error.details[0]?.message ?? error.message;
    throw error;
  }
}

const IsCaseId = checkedBy('isCaseId', requireCaseIdParam);
documentConstraint('isCaseId', {
  pattern: IdentifierFormats.caseId.pattern,
  format: IdentifierFormats.caseId.format,
});

const IsStep = checkedBy('isStep', requireStepParam);
documentConstraint('isStep', { enum: BusinessSteps });

export class CaseParams {
  @ApiProperty({ example: 'BO-91350100M000100Y43', description: 'BO- and the USCC; case-insensitive' })
  @Transform(canonicalBy(requireCaseIdParam))
  @IsCaseId()
  caseId!: string;
}

export class CaseStepParams extends CaseParams {
  @ApiProperty({
    enum: BusinessSteps,
    description: "TAX is the tax officer's, every other step the market clerk's",
  })
  @IsStep()
  step!: BusinessStep;
}

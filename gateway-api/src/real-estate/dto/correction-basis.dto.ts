import { ApiProperty } from '@nestjs/swagger';
import { IsIn, registerDecorator, type ValidationArguments } from 'class-validator';

import {
  type CorrectionBasisKind,
  CorrectionBasisKinds,
  CorrectionReferencePatterns,
  correctionReferenceProblem,
  isCorrectionBasisKind,
} from '../../../../chaincode/src/contract';
import { documentSchemaRule } from '../../common/openapi/document-rules';
import { documentConstraint } from '../../common/openapi/validation-keywords';

/**
 * The reference must fit its kind (a court case number, or the registry's reference). Checked with
 * the chaincode's own function so the gateway refuses exactly what the chaincode would; an unknown
 * kind is reported on `kind` alone.
 */
function IsReferenceForKind(): PropertyDecorator {
  // what a reference may be depends on the kind: the schema says it as a oneOf, below the class
  documentConstraint('isReferenceForKind', {});
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isReferenceForKind',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const { kind } = args.object as { kind?: unknown };
          if (!isCorrectionBasisKind(kind)) return true;
          return typeof value === 'string' && correctionReferenceProblem(kind, value) === null;
        },
        defaultMessage(args: ValidationArguments): string {
          const kind = (args.object as { kind: CorrectionBasisKind }).kind;
          const value: unknown = args.value;
          const problem =
            typeof value === 'string' ? correctionReferenceProblem(kind, value) : 'must be a string';
          return `${args.property} ${problem ?? 'is invalid'}`;
        },
      },
    });
  };
}

/**
 * CORRECTION: what the correction rests on; required when the CORRECTION changes the holders. Public
 * (recorded in the registration and the certificate), so a reference number only, never a name.
 */
export class CorrectionBasisDto {
  @ApiProperty({
    enum: CorrectionBasisKinds,
    description:
      "COURT_DECISION: a court's decision orders the correction; REGISTRY_ERROR: the registry found its own error",
  })
  @IsIn(CorrectionBasisKinds)
  kind!: CorrectionBasisKind;

  @ApiProperty({
    example: '(2026)粤0106民初123号',
    description:
      'COURT_DECISION: the court case number, e.g. (2026)粤0106民初123号 (（） or ()); REGISTRY_ERROR: the ' +
      "registry's reference for its finding, 4 to 64 letters, digits, brackets or _ . / - with at least one digit",
  })
  @IsReferenceForKind()
  reference!: string;
}

documentSchemaRule(CorrectionBasisDto, (schema) => ({
  ...schema,
  oneOf: CorrectionBasisKinds.map((kind) => ({
    properties: {
      kind: { type: 'string', enum: [kind] },
      reference: { type: 'string', pattern: CorrectionReferencePatterns[kind].source },
    },
  })),
}));

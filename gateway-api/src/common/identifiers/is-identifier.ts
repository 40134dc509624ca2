import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

import {
  type IdentifierFormat,
  IdentifierFormats,
  parseBagBarcode,
  parseCertificateNumber,
  parseResidentId,
  parseUnitNumber,
  parseUscc,
} from '../../../../chaincode/src/contract';
import { documentConstraint } from '../openapi/validation-keywords';

/**
 * class-validator decorators backed by the chaincode's own identifier validators, so the gateway
 * refuses exactly what the chaincode would (DESIGN.md "Identifier facts") before anything reaches
 * Fabric, with the validator's reason in the error detail. The chaincode checks everything again.
 */
type Parser = (input: string) => { valid: true } | { valid: false; reason: string };

function identifierDecorator(name: string, parse: Parser, documented: IdentifierFormat) {
  // the document states the layout as a pattern and names the rest (check characters) as a format
  documentConstraint(name, { pattern: documented.pattern, format: documented.format });
  return (options?: ValidationOptions): PropertyDecorator =>
    (target: object, propertyName: string | symbol): void => {
      const reasons = new WeakMap<object, string>();
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        options,
        validator: {
          validate(value: unknown, args: ValidationArguments): boolean {
            if (typeof value !== 'string') {
              reasons.set(args.object, 'must be a string');
              return false;
            }
            const result = parse(value);
            if (!result.valid) reasons.set(args.object, result.reason);
            return result.valid;
          },
          defaultMessage(args: ValidationArguments): string {
            return `${args.property} is not a valid ${name}: ${reasons.get(args.object) ?? 'malformed'}`;
          },
        },
      });
    };
}

export const IsUnitNumber = identifierDecorator('unit number', parseUnitNumber, IdentifierFormats.unitNumber);
export const IsCertificateNumber = identifierDecorator(
  'certificate number',
  parseCertificateNumber,
  IdentifierFormats.certificateNumber,
);
export const IsResidentId = identifierDecorator(
  'resident ID number',
  (input) => parseResidentId(input),
  IdentifierFormats.residentId,
);
export const IsUscc = identifierDecorator('unified social credit code', parseUscc, IdentifierFormats.uscc);
export const IsBagBarcode = identifierDecorator('bag barcode', parseBagBarcode, IdentifierFormats.bagBarcode);

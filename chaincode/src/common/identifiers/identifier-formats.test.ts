import * as fc from 'fast-check';

import { IdentifierArbitraries } from '../../contract/testing';
import { parseBagBarcode } from './bag-barcode';
import { parseCertificateNumber } from './certificate-number';
import { IdentifierFormats } from './identifier-formats';
import { parseResidentId } from './resident-id';
import { parseUnitNumber } from './unit-number';
import { parseUscc } from './uscc';
import { type Validation } from './validation';

const parsers: Record<keyof typeof IdentifierFormats, (input: string) => Validation<unknown>> = {
  unitNumber: parseUnitNumber,
  certificateNumber: parseCertificateNumber,
  residentId: (input) => parseResidentId(input),
  uscc: parseUscc,
  caseId: (input) =>
    input.startsWith('BO-') ? parseUscc(input.slice(3)) : { valid: false, reason: 'no BO-' },
  bagBarcode: parseBagBarcode,
};

describe('IdentifierFormats: what the API document says about each identifier', () => {
  it.each(Object.keys(parsers) as (keyof typeof IdentifierFormats)[])(
    '%s: every value built by the documented pattern and rule is accepted by the parser',
    (name) => {
      const { format, pattern } = IdentifierFormats[name];
      const arbitrary = IdentifierArbitraries[format];
      expect(arbitrary).toBeDefined();
      fc.assert(
        fc.property(arbitrary ?? fc.constant(''), (value) => {
          expect(value).toMatch(new RegExp(pattern, 'u'));
          expect(parsers[name](value)).toMatchObject({ valid: true });
        }),
        { numRuns: 300 },
      );
    },
  );

  it.each([
    ['unitNumber', parseUnitNumber],
    ['certificateNumber', parseCertificateNumber],
  ] as const)('%s has no check character: the pattern alone is enough', (name, parse) => {
    fc.assert(
      fc.property(fc.stringMatching(new RegExp(IdentifierFormats[name].pattern, 'u')), (value) => {
        expect(parse(value)).toMatchObject({ valid: true });
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['residentId', '11010519491231002X', '110105194912310021'],
    ['uscc', '91350100M000100Y43', '91350100M000100Y44'],
    ['bagBarcode', '440103010000000016', '440103010000000013'],
  ] as const)('%s: the pattern admits a wrong check character, which the rule refuses', (name, good, bad) => {
    const pattern = new RegExp(IdentifierFormats[name].pattern, 'u');
    expect(good).toMatch(pattern);
    expect(bad).toMatch(pattern);
    expect(parsers[name](good)).toMatchObject({ valid: true });
    expect(parsers[name](bad)).toMatchObject({ valid: false });
  });
});

import * as fc from 'fast-check';

import {
  BAG_CATEGORY_CODES,
  IdentifierFormats,
  makeBagBarcode,
  MAX_BAG_SERIAL,
  organisationCodeCheck,
  residentIdCheckCharacter,
  USCC_ALPHABET,
  usccCheckCharacter,
} from '../../common/identifiers';

// Test-only: fast-check generators of identifiers valid by their documented format
// (IdentifierFormats): the pattern, and the rule the pattern cannot say, applied the way a client
// would apply it. Keyed by the OpenAPI format name, so a request generator can look them up.

const digits = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const usccCharacters = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...USCC_ALPHABET), minLength: length, maxLength: length });
const patternOf = (format: { pattern: string }): RegExp => new RegExp(format.pattern, 'u');

const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10).replaceAll('-', ''));

const uscc = fc
  .tuple(usccCharacters(2), digits(6), usccCharacters(8))
  .map(([head, division, body]) => `${head}${division}${body}${organisationCodeCheck(body)}`)
  .map((first17) => `${first17}${usccCheckCharacter(first17)}`);

export const IdentifierArbitraries: Readonly<Record<string, fc.Arbitrary<string>>> = {
  [IdentifierFormats.unitNumber.format]: fc.stringMatching(patternOf(IdentifierFormats.unitNumber)),
  [IdentifierFormats.certificateNumber.format]: fc.stringMatching(
    patternOf(IdentifierFormats.certificateNumber),
  ),
  [IdentifierFormats.residentId.format]: fc
    .tuple(fc.constantFrom(...'123456789'), digits(5), birthDate, digits(3))
    .map((parts) => parts.join(''))
    .map((first17) => `${first17}${residentIdCheckCharacter(first17)}`),
  [IdentifierFormats.uscc.format]: uscc,
  [IdentifierFormats.caseId.format]: uscc.map((code) => `BO-${code}`),
  [IdentifierFormats.bagBarcode.format]: fc
    .tuple(digits(6), fc.constantFrom(...BAG_CATEGORY_CODES), fc.integer({ min: 0, max: MAX_BAG_SERIAL }))
    .map(([district, category, serial]) => makeBagBarcode(district, category, serial)),
};

import { type ArgumentMetadata } from '@nestjs/common';

import { USCC_ALPHABET } from '../../../../chaincode/src/contract';
import { ValidationFailedError } from '../../common/errors';
import { createValidationPipe } from '../../common/validation';
import { OpenCaseDto } from './open-case.dto';
import { ChangeLicenseStatusDto, CompleteStepDto } from './step.dto';

const USCC = '91350100M000100Y43';

const VALID = {
  uscc: USCC,
  name: '广州示例科技有限公司',
  entityType: 'LIMITED_LIABILITY_COMPANY',
  legalRepresentative: { name: '欧阳小明', idNumber: '11010519491231002X' },
  registeredCapitalCny: '1000000.50',
  address: '广州市天河区示例路1号',
  businessScope: '软件开发',
};

const pipe = createValidationPipe();
const asBody = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

async function fieldsRefused(value: unknown, metatype: ArgumentMetadata['metatype'] = OpenCaseDto) {
  try {
    await pipe.transform(value, asBody(metatype));
  } catch (error) {
    if (error instanceof ValidationFailedError) {
      expect(error.getStatus()).toBe(400);
      return [...new Set(error.details.map((detail) => detail.field))];
    }
    throw error;
  }
  return [];
}

/** Every other character at every position: the two check characters must catch each one. */
const singleCharacterChanges: [number, string, string][] = [...USCC].flatMap((original, position) =>
  [...`${USCC_ALPHABET}IOSVZ-`]
    .filter((replacement) => replacement !== original)
    .map((replacement): [number, string, string] => [
      position,
      replacement,
      USCC.slice(0, position) + replacement + USCC.slice(position + 1),
    ]),
);

describe('OpenCaseDto', () => {
  it('accepts a valid request, a lower-case USCC and a numeric capital', async () => {
    expect(await fieldsRefused(VALID)).toEqual([]);
    expect(await fieldsRefused({ ...VALID, uscc: USCC.toLowerCase(), registeredCapitalCny: 500 })).toEqual(
      [],
    );
  });

  it.each(singleCharacterChanges)(
    'refuses the USCC with position %i changed to %s (%s)',
    async (_p, _r, uscc) => {
      expect(await fieldsRefused({ ...VALID, uscc })).toEqual(['uscc']);
    },
  );

  it('refuses a USCC of the wrong length or type', async () => {
    expect(await fieldsRefused({ ...VALID, uscc: USCC.slice(1) })).toEqual(['uscc']);
    expect(await fieldsRefused({ ...VALID, uscc: 91350100 })).toEqual(['uscc']);
  });

  it.each([
    ['a wrong check character', '110105194912310021'],
    ['an impossible birth date', '110105194902301234'],
    ['17 digits', '11010519491231002'],
  ])('refuses an ID number with %s, naming legalRepresentative.idNumber', async (_case, idNumber) => {
    const body = { ...VALID, legalRepresentative: { ...VALID.legalRepresentative, idNumber } };
    expect(await fieldsRefused(body)).toEqual(['legalRepresentative.idNumber']);
  });

  it.each([
    ['entityType', { entityType: 'LLC' }],
    ['registeredCapitalCny', { registeredCapitalCny: '1.234' }],
    ['registeredCapitalCny', { registeredCapitalCny: 0 }],
    ['name', { name: 'A' }],
    ['address', { address: '' }],
    ['businessScope', { businessScope: 'x'.repeat(2001) }],
    ['legalRepresentative', { legalRepresentative: undefined }],
    ['salt', { salt: 'ab'.repeat(16) }],
  ])('refuses a bad %s, naming it', async (field, change) => {
    expect(await fieldsRefused({ ...VALID, ...change })).toEqual([field]);
  });

  it('refuses a salt sent by the client inside legalRepresentative: the gateway chooses it', async () => {
    const body = { ...VALID, legalRepresentative: { ...VALID.legalRepresentative, salt: 'ab'.repeat(16) } };
    expect(await fieldsRefused(body)).toEqual(['legalRepresentative.salt']);
  });
});

describe('step and licence DTOs', () => {
  it('needs a reference of 1 to 100 characters', async () => {
    expect(await fieldsRefused({ reference: 'SEAL-1' }, CompleteStepDto)).toEqual([]);
    expect(await fieldsRefused({ reference: '' }, CompleteStepDto)).toEqual(['reference']);
    expect(await fieldsRefused({ reference: 'x'.repeat(101) }, CompleteStepDto)).toEqual(['reference']);
  });

  it('allows only CANCELLED and REVOKED, with a reason', async () => {
    expect(await fieldsRefused({ status: 'REVOKED', reason: '吊销' }, ChangeLicenseStatusDto)).toEqual([]);
    expect(await fieldsRefused({ status: 'ACTIVE', reason: 'r' }, ChangeLicenseStatusDto)).toEqual([
      'status',
    ]);
    expect(await fieldsRefused({ status: 'CANCELLED' }, ChangeLicenseStatusDto)).toEqual(['reason']);
  });
});

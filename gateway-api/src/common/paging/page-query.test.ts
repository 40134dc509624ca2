import { type ArgumentMetadata } from '@nestjs/common';

import { ListCasesQuery, SearchEnterprisesQuery } from '../../business/dto/list.dto';
import { ListCertificatesQueryDto, ListClearancesQueryDto } from '../../real-estate/dto/list-queries.dto';
import { ListActsQueryDto } from '../../real-estate/dto/unit-params.dto';
import { ValidationFailedError } from '../errors';
import { createValidationPipe } from '../validation';
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, PageQuery } from './page-query';
import { isIntegerInRange, parseQueryInteger } from './query-integer';

// The paging parameters every list endpoint shares, through the global pipe as a query reaches it.

const pipe = createValidationPipe();
const LISTS = [
  ['PageQuery', PageQuery],
  ['ListActsQueryDto (real-estate acts)', ListActsQueryDto],
  ['ListCertificatesQueryDto (real-estate certificates)', ListCertificatesQueryDto],
  ['ListClearancesQueryDto (deed-tax clearances)', ListClearancesQueryDto],
  ['ListCasesQuery (business cases)', ListCasesQuery],
  ['SearchEnterprisesQuery (business enterprises)', SearchEnterprisesQuery],
] as const;

const asQuery = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'query', metatype });

async function refusal(
  value: object,
  metatype: ArgumentMetadata['metatype'],
): Promise<ValidationFailedError> {
  try {
    await pipe.transform(value, asQuery(metatype));
  } catch (error) {
    if (error instanceof ValidationFailedError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
}

describe('parseQueryInteger', () => {
  it.each([
    ['7', 7],
    ['007', 7],
    ['-1', -1],
    ['99999999999999999999', 1e20],
  ])('reads the decimal %j as %p', (text, number) => {
    expect(parseQueryInteger(text)).toBe(number);
  });

  it.each(['1e30', '2.5', '0x10', ' 7', '7 ', '+7', '', 'Infinity', 'NaN', '１２'])(
    'leaves %j as text for the validator to refuse',
    (text) => {
      expect(parseQueryInteger(text)).toBe(text);
    },
  );

  it('leaves a repeated parameter (an array) as it is', () => {
    expect(parseQueryInteger(['1', '2'])).toEqual(['1', '2']);
  });
});

describe('isIntegerInRange', () => {
  it.each([
    [1, true],
    [100, true],
    [0, false],
    [101, false],
    [2.5, false],
    [1e20, false],
    [Number.NaN, false],
    ['5', false],
  ])('%p in 1..100: %p', (value, expected) => {
    expect(isIntegerInRange(value, 1, 100)).toBe(expected);
  });
});

describe.each(LISTS)('%s paging', (_name, metatype) => {
  it('defaults to page 1 of 20 rows', async () => {
    await expect(pipe.transform({}, asQuery(metatype))).resolves.toMatchObject({
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });

  it('accepts the bounds as numbers', async () => {
    await expect(
      pipe.transform({ page: String(MAX_PAGE), pageSize: String(MAX_PAGE_SIZE) }, asQuery(metatype)),
    ).resolves.toMatchObject({ page: MAX_PAGE, pageSize: MAX_PAGE_SIZE });
    await expect(pipe.transform({ page: '1', pageSize: '1' }, asQuery(metatype))).resolves.toMatchObject({
      page: 1,
      pageSize: 1,
    });
  });

  it.each([
    ['page', '1e30'],
    ['page', '99999999999999999999'],
    ['page', String(MAX_PAGE + 1)],
    ['page', '2.5'],
    ['page', '-1'],
    ['page', '0'],
    ['page', 'abc'],
    ['page', ''],
    ['page', ['1', '2']],
    ['pageSize', '1e2'],
    ['pageSize', String(MAX_PAGE_SIZE + 1)],
    ['pageSize', '0.5'],
    ['pageSize', '-20'],
    ['pageSize', '0x10'],
  ])('refuses %s=%j with one detail naming it', async (field, value) => {
    const error = await refusal({ [field]: value }, metatype);
    expect(error.getStatus()).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    const max = field === 'page' ? MAX_PAGE : MAX_PAGE_SIZE;
    expect(error.details).toEqual([
      {
        field,
        constraint: 'isQueryInteger',
        message: `${field} must be a whole number from 1 to ${max}`,
      },
    ]);
  });

  it.each(['limit', 'offset', 'per_page'])('refuses the unknown parameter %s, naming it', async (field) => {
    const error = await refusal({ [field]: '10' }, metatype);
    expect(error.details).toEqual([expect.objectContaining({ field, constraint: 'whitelistValidation' })]);
  });
});

describe('the other list parameters', () => {
  it.each([
    [ListActsQueryDto, 'unitNumber', '12345'],
    [ListCasesQuery, 'status', 'DONE'],
    [ListCasesQuery, 'overTarget', 'yes'],
    [ListCasesQuery, 'overTarget', ['true', 'false']],
    [SearchEnterprisesQuery, 'uscc', '123'],
    [SearchEnterprisesQuery, 'namePrefix', ''],
    [SearchEnterprisesQuery, 'namePrefix', 'x'.repeat(101)],
    [SearchEnterprisesQuery, 'namePrefix', 'a\u0000b'],
  ])('%p refuses %s=%j, naming it', async (metatype, field, value) => {
    const error = await refusal({ [field]: value }, metatype);
    expect([...new Set(error.details.map((detail) => detail.field))]).toEqual([field]);
  });
});

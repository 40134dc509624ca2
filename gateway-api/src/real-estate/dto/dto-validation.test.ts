import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { toDetails } from '../../common/validation';
import { CreateDeedTaxClearanceDto } from './create-clearance.dto';
import { CreateRegistrationDto } from './create-registration.dto';
import { ListActsQueryDto, UnitParamsDto } from './unit-params.dto';

// What the global pipe does (whitelist, forbid unknown fields, transform), field names included.
function fieldsOf<T extends object>(type: new () => T, body: object): string[] {
  const errors = validateSync(plainToInstance(type, body), { whitelist: true, forbidNonWhitelisted: true });
  return [...new Set(toDetails(errors).map((detail) => detail.field ?? ''))];
}

const UNIT = '440184001016GB00009F00800039';
const TITLE = '粤(2026)广州市不动产权第09400110号';
const ID = '11010519491231002X';
const USCC = '91350100M000100Y43';

const first = {
  type: 'FIRST',
  unitNumber: UNIT,
  certificateNumber: TITLE,
  holders: [{ name: '张三', idNumber: ID, share: '1/1' }],
  property: { location: '广州市从化区某路1号801房', areaM2: 89.5, usage: '住宅' },
  remarks: '首次登记',
};

describe('CreateRegistrationDto', () => {
  it('accepts API.md’s example, with either bracket width', () => {
    expect(fieldsOf(CreateRegistrationDto, first)).toEqual([]);
    expect(
      fieldsOf(CreateRegistrationDto, {
        ...first,
        certificateNumber: '粤（2026）广州市不动产权第09400110号',
      }),
    ).toEqual([]);
  });

  it('accepts a mortgage with the mortgagee USCC and the contract’s own optional fields', () => {
    const body = {
      type: 'TRANSFER',
      unitNumber: UNIT,
      certificateNumber: TITLE,
      holders: [{ name: '李四', idNumber: ID.toLowerCase(), share: '1/1' }],
      deedTaxClearanceNumber: 'QS-2026-0001',
      mortgageeConsentReference: '(2026)同意001号',
      description: '买卖',
    };
    expect(fieldsOf(CreateRegistrationDto, body)).toEqual([]);
    const mortgage = {
      type: 'MORTGAGE',
      unitNumber: UNIT,
      certificateNumber: '粤(2026)广州市不动产证明第0001234号',
      mortgage: {
        mortgagee: '某银行',
        mortgageeUscc: USCC,
        amountCny: 1000000.5,
        term: { from: '2026-01-01', to: '2046-01-01' },
      },
    };
    expect(fieldsOf(CreateRegistrationDto, mortgage)).toEqual([]);
  });

  it.each([
    ['unitNumber', { unitNumber: '440184001016GB00009F0080003' }],
    ['unitNumber', { unitNumber: '440184001016GK00009F00800039' }],
    ['certificateNumber', { certificateNumber: '粤(2026)广州市不动产第09400110号' }],
    ['holders.0.idNumber', { holders: [{ name: '张三', idNumber: '110105194912310021', share: '1/1' }] }],
    ['holders.0.name', { holders: [{ name: '', idNumber: ID, share: '1/1' }] }],
    ['holders.0.share', { holders: [{ name: '张三', idNumber: ID, share: '0.5' }] }],
    ['type', { type: 'SALE' }],
    [
      'mortgage.mortgageeUscc',
      { mortgage: { mortgagee: '某银行', mortgageeUscc: '91350100M000100Y44', amountCny: 1 } },
    ],
    ['mortgage.amountCny', { mortgage: { mortgagee: '某银行', mortgageeUscc: USCC, amountCny: 1.234 } }],
    ['deedTaxClearanceNumber', { deedTaxClearanceNumber: 'no spaces allowed' }],
    ['courtOrder', { courtOrder: 'a b' }],
    ['holder', { holder: [] }],
  ])('refuses a bad %s, naming the field', (field, change) => {
    expect(fieldsOf(CreateRegistrationDto, { ...first, ...change })).toEqual([field]);
  });
});

describe('CreateRegistrationDto: correctionBasis', () => {
  const correction = {
    type: 'CORRECTION',
    unitNumber: UNIT,
    certificateNumber: TITLE,
    description: '权利人登记错误',
    holders: [{ name: '张三', idNumber: ID, share: '1/1' }],
  };

  it.each([
    ['a court decision', { kind: 'COURT_DECISION', reference: '(2026)粤0106民初123号' }],
    [
      'a court decision in full-width brackets',
      { kind: 'COURT_DECISION', reference: '（2025）最高法民终12号' },
    ],
    ["the registry's finding", { kind: 'REGISTRY_ERROR', reference: 'GZBDC-GZ-2026-0042' }],
  ])('accepts %s', (_name, correctionBasis) => {
    expect(fieldsOf(CreateRegistrationDto, { ...correction, correctionBasis })).toEqual([]);
  });

  it.each([
    ['correctionBasis.kind', { kind: 'APPLICATION', reference: 'GZBDC-2026-1' }],
    ['correctionBasis.kind', { reference: 'GZBDC-2026-1' }],
    ['correctionBasis.reference', { kind: 'COURT_DECISION', reference: 'GZBDC-GZ-2026-0042' }],
    ['correctionBasis.reference', { kind: 'COURT_DECISION', reference: '张三' }],
    ['correctionBasis.reference', { kind: 'REGISTRY_ERROR', reference: '张三' }],
    ['correctionBasis.reference', { kind: 'REGISTRY_ERROR', reference: 'ERR 2026 1' }],
    ['correctionBasis.reference', { kind: 'REGISTRY_ERROR', reference: `E${'1'.repeat(64)}` }],
    ['correctionBasis.reference', { kind: 'REGISTRY_ERROR', reference: 20261 }],
    ['correctionBasis.reference', { kind: 'REGISTRY_ERROR' }],
    ['correctionBasis.party', { kind: 'REGISTRY_ERROR', reference: 'GZBDC-2026-1', party: '张三' }],
    ['correctionBasis', 'GZBDC-2026-1'],
  ])('refuses a bad basis, naming %s', (field, correctionBasis) => {
    expect(fieldsOf(CreateRegistrationDto, { ...correction, correctionBasis })).toEqual([field]);
  });

  it('says what a court decision reference looks like', () => {
    const errors = validateSync(
      plainToInstance(CreateRegistrationDto, {
        ...correction,
        correctionBasis: { kind: 'COURT_DECISION', reference: 'X-1' },
      }),
    );
    expect(toDetails(errors)).toEqual([
      expect.objectContaining({
        field: 'correctionBasis.reference',
        message: expect.stringContaining('court case number') as unknown,
      }),
    ]);
  });
});

describe('CreateDeedTaxClearanceDto', () => {
  const body = {
    unitNumber: UNIT,
    transfereeIdNumbers: [ID],
    receiptNumber: 'QS-2026-0001',
    taxPaidCny: 30000,
  };

  it('accepts a clearance', () => {
    expect(fieldsOf(CreateDeedTaxClearanceDto, body)).toEqual([]);
  });

  it.each([
    ['unitNumber', { unitNumber: 'X' }],
    ['transfereeIdNumbers', { transfereeIdNumbers: ['110105194912310021'] }],
    ['transfereeIdNumbers', { transfereeIdNumbers: [] }],
    ['transfereeIdNumbers', { transfereeIdNumbers: [ID, ID] }],
    ['receiptNumber', { receiptNumber: '税' }],
    ['taxPaidCny', { taxPaidCny: -1 }],
    ['taxPaidCny', { taxPaidCny: 0.001 }],
    ['taxPaidCny', { taxPaidCny: 10_000_000_000_000 }],
  ])('refuses a bad %s, naming the field', (field, change) => {
    expect(fieldsOf(CreateDeedTaxClearanceDto, { ...body, ...change })).toEqual([field]);
  });
});

describe('path and query parameters', () => {
  it('checks the unit number of GET /units/{unitNumber}', () => {
    expect(fieldsOf(UnitParamsDto, { unitNumber: UNIT })).toEqual([]);
    expect(fieldsOf(UnitParamsDto, { unitNumber: '440184001016GB00009F0080003X' })).toEqual(['unitNumber']);
  });

  it('turns page and pageSize into numbers and bounds them', () => {
    const query = plainToInstance(ListActsQueryDto, { page: '2', pageSize: '50' });
    expect(query).toEqual({ page: 2, pageSize: 50 });
    expect(fieldsOf(ListActsQueryDto, { pageSize: '1000' })).toEqual(['pageSize']);
    expect(fieldsOf(ListActsQueryDto, { page: '0' })).toEqual(['page']);
    expect(fieldsOf(ListActsQueryDto, { unitNumber: 'nope' })).toEqual(['unitNumber']);
  });
});

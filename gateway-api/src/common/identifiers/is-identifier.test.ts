import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { makeBagBarcode } from '../../../../chaincode/src/contract';
import { IsBagBarcode, IsCertificateNumber, IsResidentId, IsUnitNumber, IsUscc } from './is-identifier';

class Probe {
  @IsUnitNumber()
  unitNumber!: string;

  @IsCertificateNumber()
  certificateNumber!: string;

  @IsResidentId()
  idNumber!: string;

  @IsUscc()
  uscc!: string;

  @IsBagBarcode()
  barcode!: string;
}

const valid = {
  unitNumber: '440184001016GB00009F00800039',
  certificateNumber: '粤（2026）广州市不动产权第09400110号',
  idNumber: '11010519491231002X',
  uscc: '91350100M000100Y43',
  barcode: makeBagBarcode('440103', '01', 1),
};

function errorsFor(values: Record<string, unknown>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const error of validateSync(plainToInstance(Probe, values))) {
    found[error.property] = Object.values(error.constraints ?? {}).join('; ');
  }
  return found;
}

describe('identifier decorators', () => {
  it('accept the published examples (both bracket widths)', () => {
    expect(errorsFor(valid)).toEqual({});
    expect(errorsFor({ ...valid, certificateNumber: '粤(2026)广州市不动产权第09400110号' })).toEqual({});
  });

  it.each([
    ['unitNumber', '440184001016GB00009F0080003'],
    ['certificateNumber', '粤(2026)广州市不动产第09400110号'],
    ['idNumber', '110105194912310021'],
    ['uscc', '91350100M000100Y44'],
    ['barcode', '440103010000000010'],
  ])('refuse a bad %s with the validator reason, naming the field', (field, value) => {
    const errors = errorsFor({ ...valid, [field]: value });
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(new RegExp(`^${field} is not a valid .+: .+`));
  });

  it('refuses non-strings', () => {
    expect(Object.keys(errorsFor({ ...valid, uscc: 42 }))).toEqual(['uscc']);
  });
});

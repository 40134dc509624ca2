import { createHash } from 'node:crypto';
import { maskName, saltedIdHash } from '../common/personal-data';
import { capitalToFen } from './open-case-request';

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['张小三', '张*三'],
    ['欧阳小明', '欧**明'],
    ['阿依古丽·买买提', '阿******提'],
    ['王', '*'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('saltedIdHash', () => {
  it('is SHA-256 of salt:id and changes with the salt', () => {
    expect(saltedIdHash('00', '11010519491231002X')).toBe(
      createHash('sha256').update('00:11010519491231002X').digest('hex'),
    );
    expect(saltedIdHash('01', '11010519491231002X')).not.toBe(saltedIdHash('00', '11010519491231002X'));
  });
});

describe('capitalToFen', () => {
  it.each([
    [100, 10000],
    ['100', 10000],
    ['0.01', 1],
    [1.5, 150],
    ['1000000.50', 100000050],
    ['10000000000000', 1_000_000_000_000_000],
  ])('reads %j as %d fen', (value, fen) => {
    expect(capitalToFen(value)).toBe(fen);
  });

  it.each([0, '0', -1, '1.005', '01', '1e3', 1e21, Number.NaN, '10000000000000.01', null, '', ' 1'])(
    'refuses %j',
    (value) => {
      expect(capitalToFen(value)).toBeUndefined();
    },
  );
});

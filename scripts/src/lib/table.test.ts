import { displayWidth, tableLines } from './table';

describe('tableLines', () => {
  it('counts CJK characters as two columns, so a plate lines up with the cells below it', () => {
    expect(displayWidth('粤A12345')).toBe(8);
    expect(displayWidth('LW-ST-001')).toBe(9);
    expect(
      tableLines(
        ['device', 'bound to', 'state'],
        [
          ['truck-1', 'vehicle 粤A12345', 'active'],
          ['scanner-1', 'site LW-ST-001', 'REVOKED'],
        ],
      ),
    ).toEqual([
      'device     bound to          state',
      'truck-1    vehicle 粤A12345  active',
      'scanner-1  site LW-ST-001    REVOKED',
    ]);
  });
});

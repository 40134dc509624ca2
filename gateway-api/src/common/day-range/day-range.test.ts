import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import {
  daysInRange,
  eachDay,
  IsCalendarDate,
  IsNotBeforeDay,
  IsWithinDaysOf,
  nextDay,
  shanghaiDayStart,
} from '.';

class Range {
  @IsCalendarDate()
  from!: unknown;

  @IsCalendarDate()
  @IsNotBeforeDay('from')
  @IsWithinDaysOf('from', 366)
  to!: unknown;
}

const refused = (from: unknown, to: unknown): string[] =>
  validateSync(plainToInstance(Range, { from, to })).map((error) => error.property);

describe('day ranges', () => {
  it('counts, steps and lists days across month, year and leap-day ends', () => {
    expect(daysInRange('2026-03-01', '2026-03-01')).toBe(1);
    expect(daysInRange('2028-01-01', '2028-12-31')).toBe(366);
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(eachDay('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(eachDay('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('starts a Shanghai day at 16:00 UTC the day before, in the index timestamps’ form', () => {
    expect(shanghaiDayStart('2026-03-01')).toBe('2026-02-28T16:00:00.000Z');
    expect(shanghaiDayStart('2027-01-01')).toBe('2026-12-31T16:00:00.000Z');
  });

  it.each([
    ['2026-03-01', '2026-03-01', []],
    ['2026-03-02', '2026-03-01', ['to']],
    ['2028-01-01', '2028-12-31', []],
    ['2026-01-01', '2027-01-01', []],
    ['2026-01-01', '2027-01-02', ['to']],
    // one bad end is named once: the range rules leave a malformed day to its own rule
    ['2026-02-30', '2026-03-01', ['from']],
    ['not-a-day', '2026-03-01', ['from']],
    ['2026-03-01', '2026-13-01', ['to']],
    [undefined, '2026-03-01', ['from']],
    [['2026-03-01', '2026-03-02'], '2026-03-01', ['from']],
  ])('from %j to %j → refused %j', (from, to, fields) => {
    expect(refused(from, to)).toEqual(fields);
  });
});

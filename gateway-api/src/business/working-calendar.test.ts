import { type ConfigService } from '@nestjs/config';

import { type EnvironmentVariables } from '../config/env.schema';
import { validateEnv } from '../config/validate-env';
import { BusinessWorkingCalendar, workingCalendarFromEnv } from './working-calendar';

function calendarOf(env: Record<string, string> = {}): BusinessWorkingCalendar {
  const config = validateEnv(env);
  const service = {
    get: (key: keyof EnvironmentVariables) => config[key],
  } as unknown as ConfigService<EnvironmentVariables, true>;
  return new BusinessWorkingCalendar(service);
}

const HOUR = 3_600_000;

describe('business working calendar from the environment', () => {
  it('defaults to Shanghai, 09:00–12:00 and 13:30–18:00, Monday to Friday', () => {
    expect(workingCalendarFromEnv(validateEnv({}))).toEqual({
      utcOffsetMinutes: 480,
      periods: [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '18:00' },
      ],
      weekdays: [1, 2, 3, 4, 5],
      holidays: [],
      extraWorkingDays: [],
    });
    expect(calendarOf().targetMillis).toBe(3.75 * HOUR);
  });

  it('reads holidays, make-up days and other periods', () => {
    const env = {
      BUSINESS_WORKING_PERIODS: '08:30-12:00',
      BUSINESS_WORKING_WEEKDAYS: '1,2,3,4,5,6',
      BUSINESS_HOLIDAYS: '2026-10-01,2026-10-02',
      BUSINESS_EXTRA_WORKING_DAYS: '2026-09-27',
      BUSINESS_UTC_OFFSET_MINUTES: '0',
    };
    expect(workingCalendarFromEnv(validateEnv(env))).toEqual({
      utcOffsetMinutes: 0,
      periods: [{ start: '08:30', end: '12:00' }],
      weekdays: [1, 2, 3, 4, 5, 6],
      holidays: ['2026-10-01', '2026-10-02'],
      extraWorkingDays: ['2026-09-27'],
    });
  });

  it.each([
    ['BUSINESS_WORKING_PERIODS', '9:00-12:00'],
    ['BUSINESS_WORKING_WEEKDAYS', '0,1'],
    ['BUSINESS_HOLIDAYS', '2026-1-1'],
    ['BUSINESS_EXTRA_WORKING_DAYS', 'tomorrow'],
    ['BUSINESS_UTC_OFFSET_MINUTES', '900'],
  ])('refuses %s=%s at start-up, naming the variable', (variable, value) => {
    expect(() => validateEnv({ [variable]: value })).toThrow(variable);
  });

  it('refuses overlapping periods when the calendar is built', () => {
    expect(() => calendarOf({ BUSINESS_WORKING_PERIODS: '09:00-12:00,11:00-18:00' })).toThrow(RangeError);
  });
});

describe('elapsed working time and the target deadline (working-time.ts)', () => {
  const calendar = calendarOf();

  it('counts working time only: Monday 11:00 to 14:30 Shanghai is 2 h', () => {
    // 2026-03-02 is a Monday; 11:00 +08:00 = 03:00Z
    const report = calendar.report('2026-03-02T03:00:00.000Z', '2026-03-02T06:30:00.000Z');
    expect(report).toEqual({ elapsedWorkingMillis: 2 * HOUR, targetMillis: 3.75 * HOUR, withinTarget: true });
  });

  it('a case opened Friday 17:00 is within target until Monday 11:45', () => {
    // Friday 2026-03-06 17:00 +08:00 = 09:00Z; 1 h on Friday, then 2 h 45 min from Monday 09:00
    expect(calendar.targetDeadline('2026-03-06T09:00:00.000Z')).toBe('2026-03-09T03:45:00.000Z');
    expect(calendar.report('2026-03-06T09:00:00.000Z', '2026-03-09T03:45:00.000Z').withinTarget).toBe(true);
    expect(calendar.report('2026-03-06T09:00:00.000Z', '2026-03-09T03:45:00.001Z').withinTarget).toBe(false);
  });

  it('the deadline stretches over the lunch break in which the target is reached exactly', () => {
    // Monday 08:15 → 3 h 45 min = the morning (3 h) + 45 min after lunch: 14:15
    expect(calendar.targetDeadline('2026-03-02T00:15:00.000Z')).toBe('2026-03-02T06:15:00.000Z');
    // Monday 09:45 → 2 h 15 min in the morning + 1 h 30 min: 15:00
    expect(calendar.targetDeadline('2026-03-02T01:45:00.000Z')).toBe('2026-03-02T07:00:00.000Z');
  });

  it('a holiday moves the deadline', () => {
    const withHoliday = calendarOf({ BUSINESS_HOLIDAYS: '2026-03-09' });
    expect(withHoliday.targetDeadline('2026-03-06T09:00:00.000Z')).toBe('2026-03-10T03:45:00.000Z');
  });
});

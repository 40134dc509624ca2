import {
  SHANGHAI_WORKING_CALENDAR,
  type WorkingCalendar,
  elapsedWorkingMillis,
  halfWorkingDayMillis,
  isoWeekday,
  workingDayMillis,
  workingTimeReport,
} from './working-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Shanghai wall-clock time (UTC+8) as a UTC instant. 2026-03-02 is a Monday. */
function sh(local: string): string {
  return new Date(Date.parse(`${local}:00+08:00`)).toISOString();
}

describe('elapsedWorkingMillis (Asia/Shanghai, Mon–Fri 9:00–12:00 and 13:30–18:00)', () => {
  it.each([
    ['inside the morning', '2026-03-02T09:15', '2026-03-02T10:45', 90 * MINUTE],
    ['across lunch', '2026-03-02T11:00', '2026-03-02T14:00', 90 * MINUTE],
    ['a whole day', '2026-03-02T00:00', '2026-03-03T00:00', 7.5 * HOUR],
    ['before opening to the first minute', '2026-03-02T08:00', '2026-03-02T09:01', MINUTE],
    ['within lunch only', '2026-03-02T12:05', '2026-03-02T13:25', 0],
    ['overnight', '2026-03-02T17:30', '2026-03-03T09:30', 60 * MINUTE],
    ['Friday evening to Monday morning', '2026-03-06T17:00', '2026-03-09T10:00', 2 * HOUR],
    ['a weekend only', '2026-03-07T09:00', '2026-03-08T18:00', 0],
    ['one working week', '2026-03-02T00:00', '2026-03-09T00:00', 5 * 7.5 * HOUR],
    ['end before start', '2026-03-02T11:00', '2026-03-02T10:00', 0],
    ['exactly the periods', '2026-03-02T13:30', '2026-03-02T18:00', 4.5 * HOUR],
  ])('%s', (_label, from, to, expected) => {
    expect(elapsedWorkingMillis(sh(from), sh(to))).toBe(expected);
  });

  it('uses the fixed +08:00 offset: 01:00Z is 09:00 in Shanghai', () => {
    expect(elapsedWorkingMillis('2026-03-02T01:00:00.000Z', '2026-03-02T02:00:00.000Z')).toBe(HOUR);
    expect(elapsedWorkingMillis('2026-03-01T16:00:00Z', '2026-03-02T01:00:00Z')).toBe(0);
  });

  it('counts milliseconds exactly', () => {
    expect(elapsedWorkingMillis('2026-03-02T01:00:00.001Z', '2026-03-02T01:00:00.250Z')).toBe(249);
  });

  it('skips configured holidays and counts make-up working days', () => {
    const calendar: WorkingCalendar = {
      ...SHANGHAI_WORKING_CALENDAR,
      holidays: ['2026-03-03'],
      extraWorkingDays: ['2026-03-07'],
    };
    expect(elapsedWorkingMillis(sh('2026-03-02T17:00'), sh('2026-03-04T10:00'), calendar)).toBe(2 * HOUR);
    expect(elapsedWorkingMillis(sh('2026-03-07T08:00'), sh('2026-03-07T20:00'), calendar)).toBe(7.5 * HOUR);
  });

  it('honours other hours and weekdays', () => {
    const calendar: WorkingCalendar = {
      utcOffsetMinutes: 0,
      periods: [{ start: '08:00', end: '16:00' }],
      weekdays: [6],
      holidays: [],
      extraWorkingDays: [],
    };
    expect(elapsedWorkingMillis('2026-03-06T00:00:00Z', '2026-03-09T00:00:00Z', calendar)).toBe(8 * HOUR);
    expect(halfWorkingDayMillis(calendar)).toBe(4 * HOUR);
  });

  it.each([
    ['a local time string', () => elapsedWorkingMillis('2026-03-02 09:00', '2026-03-02T10:00:00Z')],
    [
      'an offset instead of Z',
      () => elapsedWorkingMillis('2026-03-02T09:00:00+08:00', '2026-03-03T00:00:00Z'),
    ],
    [
      'overlapping periods',
      () =>
        elapsedWorkingMillis('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z', {
          ...SHANGHAI_WORKING_CALENDAR,
          periods: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        }),
    ],
    [
      'a bad holiday',
      () =>
        elapsedWorkingMillis('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z', {
          ...SHANGHAI_WORKING_CALENDAR,
          holidays: ['2026-3-3'],
        }),
    ],
    ['a span of decades', () => elapsedWorkingMillis('1990-01-01T00:00:00Z', '2026-01-01T00:00:00Z')],
  ])('refuses %s', (_label, run) => {
    expect(run).toThrow(RangeError);
  });
});

describe('the half-working-day target', () => {
  it('is half of 7.5 working hours: 3 h 45 min', () => {
    expect(workingDayMillis()).toBe(7.5 * HOUR);
    expect(halfWorkingDayMillis()).toBe(3.75 * HOUR);
  });

  it('is met at exactly 3 h 45 min and missed one millisecond later', () => {
    const opened = sh('2026-03-02T09:00');
    expect(workingTimeReport(opened, sh('2026-03-02T14:15'))).toEqual({
      elapsedWorkingMillis: 3.75 * HOUR,
      targetMillis: 3.75 * HOUR,
      withinTarget: true,
    });
    const late = new Date(Date.parse(sh('2026-03-02T14:15')) + 1).toISOString();
    expect(workingTimeReport(opened, late).withinTarget).toBe(false);
  });

  it('lets a case opened Friday afternoon finish Monday morning within target', () => {
    expect(workingTimeReport(sh('2026-03-06T16:30'), sh('2026-03-09T10:30')).withinTarget).toBe(true);
  });
});

describe('isoWeekday', () => {
  it('knows 1970-01-01 was a Thursday and handles days before it', () => {
    expect(isoWeekday(0)).toBe(4);
    expect(isoWeekday(-1)).toBe(3);
    expect(isoWeekday(Date.parse('2026-03-02T00:00:00Z') / 86_400_000)).toBe(1);
  });
});

// Elapsed WORKING time between two instants, against the city's target of "half a working day" for a
// business opening case. Pure and deterministic, with no Fabric, Intl or time-zone database: the
// calendar's zone is a fixed UTC offset (Asia/Shanghai is UTC+8 all year, no daylight saving), so local
// wall-clock time is plain arithmetic on epoch milliseconds. The gateway mirrors (or imports) this file.
//
// Definitions:
// - A working day is a date whose ISO weekday is in `weekdays` and which is not in `holidays`, or a date
//   listed in `extraWorkingDays` (China's make-up working weekends, 调休).
// - Working time is the part of [start, end) that falls into one of the day's `periods`
//   (default 09:00–12:00 and 13:30–18:00), so a lunch break or a night does not count.
// - "Half a working day" is half of the working time of one working day: (3 h + 4.5 h) / 2 = 3 h 45 min
//   with the default periods. It is NOT "the morning" (3 h) or "the afternoon" (4.5 h): the two halves
//   are unequal, and the target must not depend on when a case happens to open.

const MINUTE = 60_000;
const DAY = 86_400_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** A case open for longer than this is a data error, not a slow case; it bounds the day loop. */
const MAX_SPAN_DAYS = 366 * 20;

export interface WorkingPeriod {
  /** Local wall-clock time HH:MM. */
  readonly start: string;
  /** Local wall-clock time HH:MM, after start. */
  readonly end: string;
}

export interface WorkingCalendar {
  /** Minutes east of UTC; Asia/Shanghai is +480. */
  readonly utcOffsetMinutes: number;
  /** Non-overlapping, in order. */
  readonly periods: readonly WorkingPeriod[];
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  readonly weekdays: readonly number[];
  /** Local dates YYYY-MM-DD that are not working days although their weekday is. */
  readonly holidays: readonly string[];
  /** Local dates YYYY-MM-DD that are working days although their weekday is not. */
  readonly extraWorkingDays: readonly string[];
}

export const SHANGHAI_WORKING_CALENDAR: WorkingCalendar = {
  utcOffsetMinutes: 480,
  periods: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ],
  weekdays: [1, 2, 3, 4, 5],
  holidays: [],
  extraWorkingDays: [],
};

interface CompiledCalendar {
  readonly offsetMillis: number;
  readonly periods: readonly (readonly [number, number])[];
  readonly weekdays: ReadonlySet<number>;
  readonly holidays: ReadonlySet<string>;
  readonly extraWorkingDays: ReadonlySet<string>;
}

/** Milliseconds of working time in [start, end); 0 when end is not after start. */
export function elapsedWorkingMillis(
  startIso: string,
  endIso: string,
  calendar: WorkingCalendar = SHANGHAI_WORKING_CALENDAR,
): number {
  const compiled = compileCalendar(calendar);
  const start = parseInstant(startIso) + compiled.offsetMillis;
  const end = parseInstant(endIso) + compiled.offsetMillis;
  if (end <= start) {
    return 0;
  }
  const firstDay = Math.floor(start / DAY);
  const lastDay = Math.floor((end - 1) / DAY);
  if (lastDay - firstDay > MAX_SPAN_DAYS) {
    throw new RangeError(`working time over more than ${MAX_SPAN_DAYS} days is not computed`);
  }
  let total = 0;
  for (let day = firstDay; day <= lastDay; day += 1) {
    if (isWorkingDay(day, compiled)) {
      const dayStart = day * DAY;
      for (const [from, to] of compiled.periods) {
        total += Math.max(0, Math.min(end, dayStart + to) - Math.max(start, dayStart + from));
      }
    }
  }
  return total;
}

/** Working milliseconds of one working day of the calendar (7.5 h by default). */
export function workingDayMillis(calendar: WorkingCalendar = SHANGHAI_WORKING_CALENDAR): number {
  return compileCalendar(calendar).periods.reduce((sum, [from, to]) => sum + (to - from), 0);
}

/** The target: half a working day (3 h 45 min by default), see the header. */
export function halfWorkingDayMillis(calendar: WorkingCalendar = SHANGHAI_WORKING_CALENDAR): number {
  return workingDayMillis(calendar) / 2;
}

export interface WorkingTimeReport {
  readonly elapsedWorkingMillis: number;
  readonly targetMillis: number;
  readonly withinTarget: boolean;
}

/** Elapsed working time from `openedAt` to `completedAt` (or `now` while open) against the target. */
export function workingTimeReport(
  openedAt: string,
  until: string,
  calendar: WorkingCalendar = SHANGHAI_WORKING_CALENDAR,
): WorkingTimeReport {
  const elapsed = elapsedWorkingMillis(openedAt, until, calendar);
  const target = halfWorkingDayMillis(calendar);
  return { elapsedWorkingMillis: elapsed, targetMillis: target, withinTarget: elapsed <= target };
}

/** ISO weekday (1 = Monday) of a day number counted from 1970-01-01, which was a Thursday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

function isWorkingDay(dayNumber: number, calendar: CompiledCalendar): boolean {
  // toISOString on a UTC instant is fully specified by ECMAScript: no zone, no locale.
  const date = new Date(dayNumber * DAY).toISOString().slice(0, 10);
  if (calendar.extraWorkingDays.has(date)) {
    return true;
  }
  return calendar.weekdays.has(isoWeekday(dayNumber)) && !calendar.holidays.has(date);
}

function parseInstant(iso: string): number {
  const millis = ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(millis)) {
    throw new RangeError(`not an ISO-8601 UTC instant: ${JSON.stringify(iso)}`);
  }
  return millis;
}

function clockMillis(text: string): number {
  const match = CLOCK.exec(text);
  if (match === null) {
    throw new RangeError(`not a wall-clock time HH:MM: ${JSON.stringify(text)}`);
  }
  return (Number(match[1]) * 60 + Number(match[2])) * MINUTE;
}

function compileCalendar(calendar: WorkingCalendar): CompiledCalendar {
  const { utcOffsetMinutes } = calendar;
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60) {
    throw new RangeError(`utcOffsetMinutes must be an integer within ±840, got ${utcOffsetMinutes}`);
  }
  const periods = calendar.periods.map(
    (period) => [clockMillis(period.start), clockMillis(period.end)] as const,
  );
  periods.forEach(([from, to], index) => {
    const previous = periods[index - 1];
    if (to <= from || (previous !== undefined && from < previous[1])) {
      throw new RangeError('working periods must be non-empty, in order and not overlapping');
    }
  });
  if (!calendar.weekdays.every((day) => Number.isInteger(day) && day >= 1 && day <= 7)) {
    throw new RangeError('weekdays must be ISO weekdays 1 (Monday) to 7 (Sunday)');
  }
  for (const date of [...calendar.holidays, ...calendar.extraWorkingDays]) {
    if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      throw new RangeError(`not a date YYYY-MM-DD: ${JSON.stringify(date)}`);
    }
  }
  return {
    offsetMillis: utcOffsetMinutes * MINUTE,
    periods,
    weekdays: new Set(calendar.weekdays),
    holidays: new Set(calendar.holidays),
    extraWorkingDays: new Set(calendar.extraWorkingDays),
  };
}

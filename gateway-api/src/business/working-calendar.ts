import { Injectable, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import {
  halfWorkingDayMillis,
  type WorkingCalendar,
  workingTimeReport,
  type WorkingTimeReport,
} from '../../../chaincode/src/contract';
import { type EnvironmentVariables } from '../config/env.schema';

/** The BUSINESS_* variables of the validated environment that describe the calendar. */
export type CalendarEnv = Pick<
  EnvironmentVariables,
  | 'BUSINESS_UTC_OFFSET_MINUTES'
  | 'BUSINESS_WORKING_PERIODS'
  | 'BUSINESS_WORKING_WEEKDAYS'
  | 'BUSINESS_HOLIDAYS'
  | 'BUSINESS_EXTRA_WORKING_DAYS'
>;

const list = (text: string): string[] => (text === '' ? [] : text.split(','));

/** Builds the working-time calendar from the environment (formats already checked by env.schema). */
export function workingCalendarFromEnv(env: CalendarEnv): WorkingCalendar {
  return {
    utcOffsetMinutes: env.BUSINESS_UTC_OFFSET_MINUTES,
    periods: list(env.BUSINESS_WORKING_PERIODS).map((period) => {
      const [start = '', end = ''] = period.split('-');
      return { start, end };
    }),
    weekdays: list(env.BUSINESS_WORKING_WEEKDAYS).map(Number),
    holidays: list(env.BUSINESS_HOLIDAYS),
    extraWorkingDays: list(env.BUSINESS_EXTRA_WORKING_DAYS),
  };
}

/** Bounds the search for a case's target deadline; a calendar with no working time in it has none. */
const DEADLINE_SEARCH_DAYS = 400;
const DAY_MILLIS = 86_400_000;

/**
 * The configured calendar, shared by the case read (elapsed time) and the index projector (deadline).
 * Built once at start-up: a calendar working-time.ts refuses (periods out of order or overlapping)
 * throws here and stops the gateway, like any other bad variable.
 */
@Injectable()
export class BusinessWorkingCalendar {
  readonly calendar: WorkingCalendar;
  readonly targetMillis: number;

  constructor(config: ConfigService<EnvironmentVariables, true>) {
    const get = <K extends keyof CalendarEnv>(key: K): CalendarEnv[K] => config.get(key, { infer: true });
    this.calendar = workingCalendarFromEnv({
      BUSINESS_UTC_OFFSET_MINUTES: get('BUSINESS_UTC_OFFSET_MINUTES'),
      BUSINESS_WORKING_PERIODS: get('BUSINESS_WORKING_PERIODS'),
      BUSINESS_WORKING_WEEKDAYS: get('BUSINESS_WORKING_WEEKDAYS'),
      BUSINESS_HOLIDAYS: get('BUSINESS_HOLIDAYS'),
      BUSINESS_EXTRA_WORKING_DAYS: get('BUSINESS_EXTRA_WORKING_DAYS'),
    });
    this.targetMillis = halfWorkingDayMillis(this.calendar);
  }

  /** Elapsed working time from `openedAt` to `until` against the half-working-day target. */
  report(openedAt: string, until: string): WorkingTimeReport {
    return workingTimeReport(openedAt, until, this.calendar);
  }

  /**
   * The last instant at which a case opened at `openedAt` is still within target: the index stores it
   * so "over target" is one comparison in SQL (`until > deadline`) for open and completed cases alike.
   * Elapsed working time never decreases, so a binary search over milliseconds finds it; undefined
   * when the calendar has too little working time ahead (then a case is never over target).
   */
  targetDeadline(openedAt: string): string | undefined {
    const start = Date.parse(openedAt);
    const within = (millis: number): boolean =>
      this.report(openedAt, new Date(millis).toISOString()).withinTarget;
    let high = start + DEADLINE_SEARCH_DAYS * DAY_MILLIS;
    if (this.targetMillis <= 0 || within(high)) return undefined;
    let low = start; // invariant: within(low) && !within(high)
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (within(middle)) low = middle;
      else high = middle;
    }
    return new Date(low).toISOString();
  }
}

/**
 * Provides BusinessWorkingCalendar alone, so IndexModule can import it for the business projectors
 * without importing the business controllers.
 */
@Module({ providers: [BusinessWorkingCalendar], exports: [BusinessWorkingCalendar] })
export class BusinessCalendarModule {}

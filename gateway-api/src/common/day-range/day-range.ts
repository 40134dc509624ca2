// `?from=&to=` day ranges of the index lists: Asia/Shanghai calendar days (China has one zone, fixed
// +08:00), both ends included. The DTO checks each day and that `to` is not before `from`; the query
// services turn a range into UTC instants (for ISO timestamps) or compare stored `day` columns.

import { ValidateBy, type ValidationArguments } from 'class-validator';

import { documentConstraint } from '../openapi/validation-keywords';
import { isCalendarDate } from './is-calendar-date';

const DAY_MILLIS = 24 * 60 * 60 * 1000;
const SHANGHAI_OFFSET_MILLIS = 8 * 60 * 60 * 1000;

/** Days from `from` to `to`, both included (1 for the same day). Both are valid YYYY-MM-DD days. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MILLIS) + 1;
}

/** The day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MILLIS).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included, in order. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = nextDay(day)) days.push(day);
  return days;
}

/**
 * The first instant of a Shanghai day as an ISO-8601 UTC string (`toISOString` form), the form the
 * index stores timestamps in, so `stored >= start(from) AND stored < start(nextDay(to))` compares text.
 */
export function shanghaiDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MILLIS).toISOString();
}

/** The other end of the range when it is a real day; otherwise its own rules refuse it, not this one. */
function otherDay(args: ValidationArguments): string | undefined {
  const [field] = args.constraints as [string];
  const value = (args.object as Record<string, unknown>)[field];
  return isCalendarDate(value) ? (value as string) : undefined;
}

/**
 * On `to`: not before the day in `field` (`from`). Compared as text, which orders YYYY-MM-DD days;
 * when either day is missing or not a real day, this rule has nothing to say (that field's rules do),
 * so one bad parameter is named once.
 */
export function IsNotBeforeDay(field: string): PropertyDecorator {
  return ValidateBy({
    name: 'isNotBeforeDay',
    constraints: [field],
    validator: {
      validate: (value: unknown, args?: ValidationArguments): boolean => {
        const from = args === undefined ? undefined : otherDay(args);
        return !isCalendarDate(value) || from === undefined || (value as string) >= from;
      },
      defaultMessage: (args?: ValidationArguments): string =>
        `${args?.property ?? 'to'} must not be before ${field}`,
    },
  });
}

/** On `to`: at most `maxDays` days from the day in `field`, both included. */
export function IsWithinDaysOf(field: string, maxDays: number): PropertyDecorator {
  return ValidateBy({
    name: 'isWithinDaysOf',
    constraints: [field, maxDays],
    validator: {
      validate: (value: unknown, args?: ValidationArguments): boolean => {
        const from = args === undefined ? undefined : otherDay(args);
        return !isCalendarDate(value) || from === undefined || daysInRange(from, value as string) <= maxDays;
      },
      defaultMessage: (args?: ValidationArguments): string =>
        `${args?.property ?? 'to'} must be at most ${maxDays} days from ${field}, both included`,
    },
  });
}

// cross-field rules: no JSON-schema keyword says them, the DTOs' descriptions do
documentConstraint('isNotBeforeDay', {});
documentConstraint('isWithinDaysOf', {});

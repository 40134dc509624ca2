export { daysInRange, eachDay, IsNotBeforeDay, IsWithinDaysOf, nextDay, shanghaiDayStart } from './day-range';
export { IsCalendarDate, isCalendarDate } from './is-calendar-date';
export { DayRangePageQuery } from './day-range-page-query';

// The city's calendar day of a moment. Routes are planned per day, and a truck's round that starts at
// 05:30 local time belongs to that local day even though it is the evening before in UTC.

const SHANGHAI_OFFSET_MILLIS = 8 * 60 * 60 * 1000;

/** YYYY-MM-DD in Asia/Shanghai (no daylight saving) of an ISO date-time that passed isIsoDateTime. */
export function shanghaiDay(isoDateTime: string): string {
  return new Date(Date.parse(isoDateTime) + SHANGHAI_OFFSET_MILLIS).toISOString().slice(0, 10);
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (match === null) {
    return false;
  }
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

// The city's calendar day of a moment, and what counts as a calendar day. Routes are planned per
// day, and a truck's round that starts at 05:30 local time belongs to that local day even though it
// is the evening before in UTC. The gateway's index files its rows by the same function.

import { isCalendarDate } from '../common/identifiers/resident-id';

/** China has one zone, UTC+08:00 without daylight saving, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MILLIS = 8 * 60 * 60 * 1000;

/**
 * YYYY-MM-DD in Asia/Shanghai of an ISO-8601 date-time with a zone, e.g. 2026-03-01T23:30:00Z belongs
 * to 2026-03-02; undefined if unreadable. Fractions beyond milliseconds are cut first: isIsoDateTime
 * accepts up to nine digits, Date.parse is only specified for three.
 */
export function shanghaiDay(isoDateTime: string): string | undefined {
  const millis = Date.parse(isoDateTime.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(millis)) return undefined;
  return new Date(millis + SHANGHAI_OFFSET_MILLIS).toISOString().slice(0, 10);
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

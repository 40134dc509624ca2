/** China has one zone, UTC+08:00 without daylight saving, so a fixed offset is exact. */
export const SHANGHAI_OFFSET = '+08:00';
const OFFSET_MILLIS = 8 * 60 * 60 * 1000;

/**
 * The Asia/Shanghai calendar day (YYYY-MM-DD) of an ISO-8601 date-time with a zone, e.g. a scan at
 * 2026-03-01T23:30:00Z belongs to 2026-03-02. Fractions beyond milliseconds are cut first: the
 * chaincode accepts up to nine digits, Date.parse is only specified for three. Undefined if unreadable.
 */
export function shanghaiDay(isoDateTime: string): string | undefined {
  const millis = Date.parse(isoDateTime.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(millis)) return undefined;
  return new Date(millis + OFFSET_MILLIS).toISOString().slice(0, 10);
}

/** A payload rule (event-payload.ts): `field` must be a date-time whose Shanghai day can be told. */
export const shanghaiDateTime =
  (field: string) =>
  (isoDateTime: string): string | undefined =>
    shanghaiDay(isoDateTime) === undefined ? `${field} must be an ISO-8601 date-time` : undefined;

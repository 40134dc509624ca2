import { shanghaiDay } from '../../../../chaincode/src/contract';

/** China has one zone, UTC+08:00 without daylight saving, so a fixed offset is exact. */
export const SHANGHAI_OFFSET = '+08:00';

/**
 * The Asia/Shanghai calendar day (YYYY-MM-DD) of an ISO-8601 date-time with a zone, undefined if
 * unreadable: the chaincode's own function, so a route's day and the index's day never disagree.
 */
export { shanghaiDay };

/** A payload rule (event-payload.ts): `field` must be a date-time whose Shanghai day can be told. */
export const shanghaiDateTime =
  (field: string) =>
  (isoDateTime: string): string | undefined =>
    shanghaiDay(isoDateTime) === undefined ? `${field} must be an ISO-8601 date-time` : undefined;

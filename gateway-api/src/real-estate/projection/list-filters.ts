import { And, type FindOperator, LessThan, MoreThanOrEqual } from 'typeorm';

import { parseCertificateNumber } from '../../../../chaincode/src/contract';
import { nextDay, shanghaiDayStart } from '../../common/day-range';

// What the list filters compare with: the forms the index stores (the chaincode's canonical numbers,
// ISO-8601 UTC instants of a fixed width, which order as text on SQLite and PostgreSQL alike).

/** The Shanghai days `from`..`to` (both included, either left open) as a range of stored instants. */
export function withinDays(from?: string, to?: string): FindOperator<string> | undefined {
  const start = from === undefined ? undefined : MoreThanOrEqual(shanghaiDayStart(from));
  const end = to === undefined ? undefined : LessThan(shanghaiDayStart(nextDay(to)));
  return start !== undefined && end !== undefined ? And(start, end) : (start ?? end);
}

/** A certificate number as the chaincode keys it: half-width brackets (the DTO checked it parses). */
export function canonicalCertificate(certificateNumber: string): string {
  const parsed = parseCertificateNumber(certificateNumber);
  return parsed.valid ? parsed.value.canonical : certificateNumber;
}

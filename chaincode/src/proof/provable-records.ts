// The records whose last write a verifier may ask about (LatestWrite): the public records a citizen
// checks, each with the number of attributes of its composite key. Private record types are not here:
// their keys live in collections, and even a public index of who touched them is not for everyone.
// Each is answered only by the proof contract of the definition that holds it (RecordTypeHome).

import { type Context } from 'fabric-contract-api';
import { type ChaincodeName, RecordTypeHome } from '../common/definitions';
import { ValidationError } from '../common/errors';
import { isRecordType, type RecordType, RecordTypes, recordKey } from '../common/ledger';

/** Record type → how many key attributes name one record of it. */
export const ProvableRecordTypes: ReadonlyMap<RecordType, number> = new Map<RecordType, number>([
  [RecordTypes.RealEstateCertificate, 1], // certificate number
  [RecordTypes.BusinessLicense, 1], // USCC
  [RecordTypes.WasteBag, 1], // barcode: the commissioning
  [RecordTypes.WasteBagEvent, 2], // barcode, numbered step (1-COLLECTED …)
]);

// Longer than any identifier we issue, short enough that a caller cannot make the peer build huge keys.
const MAX_ATTRIBUTE_CHARS = 128;

/** The provable record types `home` holds, in table order. */
export function provableRecordTypesOf(home: ChaincodeName): RecordType[] {
  return [...ProvableRecordTypes.keys()].filter((type) => RecordTypeHome[type] === home);
}

/**
 * The composite key of one provable record of `home`'s namespace, from the record type and a JSON
 * array of its key attributes (the contract API has no variadic parameters). VALIDATION_FAILED names
 * what is wrong: a record type of another definition names that definition.
 */
export function provableRecordKey(
  ctx: Context,
  home: ChaincodeName,
  recordType: string,
  keyJson: string,
): string {
  if (isRecordType(recordType) && RecordTypeHome[recordType] !== home) {
    const owner = RecordTypeHome[recordType];
    throw new ValidationError(
      `record type ${recordType} is held by definition ${owner}, not ${home}: ask proof:LatestWrite of ${owner}`,
      [{ field: 'recordType', message: `held by definition ${owner}` }],
    );
  }
  const arity = ProvableRecordTypes.get(recordType as RecordType);
  if (arity === undefined) {
    const own = provableRecordTypesOf(home);
    throw new ValidationError('not a provable record type', [
      {
        field: 'recordType',
        message:
          own.length === 0
            ? `definition ${home} holds no provable record type`
            : `must be one of ${own.join(', ')}`,
      },
    ]);
  }
  const attributes = parseAttributes(keyJson, arity);
  return recordKey(ctx, recordType as RecordType, ...attributes);
}

function parseAttributes(keyJson: string, arity: number): [string, ...string[]] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(keyJson);
  } catch {
    parsed = undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === arity &&
    parsed.every((part) => typeof part === 'string' && part.length <= MAX_ATTRIBUTE_CHARS);
  if (!valid) {
    throw new ValidationError('invalid record key', [
      {
        field: 'key',
        message: `must be a JSON array of ${arity} string(s) of at most ${MAX_ATTRIBUTE_CHARS} characters`,
      },
    ]);
  }
  return parsed as [string, ...string[]];
}

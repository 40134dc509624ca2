// Typed access to world state and private data. Records are stored as canonical JSON under composite
// keys whose object type is the record type's namespace, so record types can never collide and a
// partial-key query lists one type only. Reads return `unknown` to a caller-supplied parser: stored
// bytes are validated like any other input before the chaincode relies on them.

import { type Context } from 'fabric-contract-api';
import { type ChaincodeStub } from 'fabric-shim';
import { stateBatches, type StateWrite } from './batched-state';
import { toCanonicalBytes } from './canonical-json';
import { NotFoundError, ValidationError } from './errors';

/** One composite-key namespace per record type. Add new record types here; values must stay unique. */
export const RecordTypes = {
  Smoke: 'smoke',
  RealEstateUnit: 'realestate.unit',
  RealEstateRegistration: 'realestate.registration',
  RealEstateCertificate: 'realestate.certificate',
  DeedTaxClearance: 'realestate.clearance',
  RealEstateHolders: 'realestate.holders',
  RealEstateHolderUnit: 'realestate.holderUnit',
  RealEstateCertificateCode: 'realestate.certificateCode',
  RealEstateParticulars: 'realestate.particulars',
  DeedTaxTransferees: 'realestate.transferees',
  BusinessCase: 'business.case',
  BusinessStep: 'business.step',
  /** The TAX step of a business case, recorded by the tax bureau in its own namespace (tax). */
  BusinessTaxStep: 'business.taxStep',
  BusinessLicense: 'business.license',
  BusinessNameClaim: 'business.name',
  BusinessLegalRepresentative: 'business.legalrep',
  WasteSite: 'waste-site',
  WasteBag: 'waste-bag',
  WasteBagEvent: 'waste-bag-event',
  WasteAnomaly: 'waste-anomaly',
  WasteLoad: 'waste-load',
  WasteDelivery: 'waste-delivery',
  WasteConfig: 'waste-config',
  WasteHousehold: 'waste-household',
  WasteVehicle: 'waste-vehicle',
  WasteBin: 'waste-bin',
  WasteRoute: 'waste-route',
  WasteLoadCorrection: 'waste-load-correction',
} as const;

export type RecordType = (typeof RecordTypes)[keyof typeof RecordTypes];

export type Parser<T> = (raw: unknown) => T;

export interface StoredRecord<T> {
  readonly key: string;
  readonly attributes: readonly string[];
  readonly record: T;
}

const recordTypeValues: ReadonlySet<string> = new Set<string>(Object.values(RecordTypes));
const decoder = new TextDecoder('utf-8', { fatal: true });

export function isRecordType(value: unknown): value is RecordType {
  return typeof value === 'string' && recordTypeValues.has(value);
}

/** The composite key of a record: Fabric's `\u0000type\u0000attr1\u0000…` format. */
export function recordKey(ctx: Context, type: RecordType, ...attributes: [string, ...string[]]): string {
  attributes.forEach(assertKeyAttribute);
  return ctx.stub.createCompositeKey(type, attributes);
}

export function splitRecordKey(ctx: Context, key: string): { type: RecordType; attributes: string[] } {
  const { objectType, attributes } = ctx.stub.splitCompositeKey(key);
  // The shim returns objectType null for a simple key, despite its type declaration.
  if (!isRecordType(objectType) || attributes.length === 0) {
    throw new Error(`not a record key: ${JSON.stringify(key)}`);
  }
  return { type: objectType, attributes };
}

/**
 * What one transaction has read ahead and the writes it holds back, per stub (the shim makes a stub
 * per transaction). Serving a later read from `prefetched` answers what the peer would: within a
 * transaction Fabric reads committed state only, never the transaction's own writes.
 */
interface TransactionBatches {
  readonly prefetched: Map<string, Uint8Array>;
  /** By collection and key: the last write of each, in the order of the last writes. */
  pendingWrites: Map<string, StateWrite> | undefined;
}

const batchesOfTransaction = new WeakMap<ChaincodeStub, TransactionBatches>();

function transactionBatches(ctx: Context): TransactionBatches {
  let batches = batchesOfTransaction.get(ctx.stub);
  if (batches === undefined) {
    batches = { prefetched: new Map(), pendingWrites: undefined };
    batchesOfTransaction.set(ctx.stub, batches);
  }
  return batches;
}

/**
 * Reads `keys` from the peer in as few round trips as it allows (1000 keys each); later reads of
 * these keys in this transaction (getRecord, recordExists) are answered from them. The read set is
 * the same as reading each key on its own.
 */
export async function prefetchRecords(ctx: Context, keys: readonly string[]): Promise<void> {
  const batches = transactionBatches(ctx);
  const wanted = [...new Set(keys)].filter((key) => !batches.prefetched.has(key));
  wanted.forEach((key) => splitRecordKey(ctx, key));
  const values = await stateBatches(ctx.stub).getStates(wanted);
  wanted.forEach((key, index) => batches.prefetched.set(key, values[index] ?? new Uint8Array()));
}

/**
 * Runs `work` holding back its putRecord, putPrivateRecord and deletePrivateRecord calls, then sends
 * them to the peer in as few round trips as it allows. If `work` throws nothing is sent (the
 * transaction fails anyway). The write set is the same as writing each key on its own; reads inside
 * `work` still see committed state only.
 */
export async function withBatchedWrites<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  const batches = transactionBatches(ctx);
  if (batches.pendingWrites !== undefined) {
    return work();
  }
  const pending = new Map<string, StateWrite>();
  batches.pendingWrites = pending;
  try {
    const result = await work();
    await stateBatches(ctx.stub).putStates([...pending.values()]);
    return result;
  } finally {
    batches.pendingWrites = undefined;
  }
}

/** True when the write was held back for the open batch of this transaction. */
function heldBack(ctx: Context, write: StateWrite): boolean {
  const pending = batchesOfTransaction.get(ctx.stub)?.pendingWrites;
  if (pending === undefined) {
    return false;
  }
  // re-inserted so the batch keeps the order of the last writes, as successive calls would
  const id = `${write.collection ?? ''}\u0000${write.key}`;
  pending.delete(id);
  pending.set(id, write);
  return true;
}

export async function putRecord(ctx: Context, key: string, value: unknown): Promise<void> {
  splitRecordKey(ctx, key);
  const bytes = toCanonicalBytes(value);
  if (!heldBack(ctx, { key, value: bytes })) {
    await ctx.stub.putState(key, bytes);
  }
}

async function readState(ctx: Context, key: string): Promise<Uint8Array> {
  splitRecordKey(ctx, key);
  return batchesOfTransaction.get(ctx.stub)?.prefetched.get(key) ?? (await ctx.stub.getState(key));
}

/** The parsed record, or undefined when the key has no value. Reads see committed state only. */
export async function getRecord<T>(ctx: Context, key: string, parse: Parser<T>): Promise<T | undefined> {
  return decode(key, await readState(ctx, key), parse);
}

/** Like {@link getRecord}, but a missing record is a NotFoundError naming `what`. */
export async function requireRecord<T>(
  ctx: Context,
  key: string,
  parse: Parser<T>,
  what: string,
): Promise<T> {
  const record = await getRecord(ctx, key, parse);
  if (record === undefined) {
    throw new NotFoundError(`${what} not found`);
  }
  return record;
}

export async function recordExists(ctx: Context, key: string): Promise<boolean> {
  const bytes = await readState(ctx, key);
  return bytes !== undefined && bytes.length > 0;
}

/** All records of `type` whose key starts with `attributes`, in key order (deterministic). */
export async function listRecords<T>(
  ctx: Context,
  type: RecordType,
  attributes: readonly string[],
  parse: Parser<T>,
): Promise<StoredRecord<T>[]> {
  attributes.forEach(assertKeyAttribute);
  const results: StoredRecord<T>[] = [];
  const iterator = await ctx.stub.getStateByPartialCompositeKey(type, [...attributes]);
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const { key, value } = next.value;
      const record = decode(key, value, parse);
      if (record !== undefined) {
        results.push({ key, attributes: splitRecordKey(ctx, key).attributes, record });
      }
    }
  } finally {
    await iterator.close();
  }
  return results;
}

/** Private data counterpart of {@link putRecord}; the value is usually built from transient data. */
export async function putPrivateRecord(
  ctx: Context,
  collection: string,
  key: string,
  value: unknown,
): Promise<void> {
  splitRecordKey(ctx, key);
  const bytes = toCanonicalBytes(value);
  if (!heldBack(ctx, { key, value: bytes, collection })) {
    await ctx.stub.putPrivateData(collection, key, bytes);
  }
}

export async function getPrivateRecord<T>(
  ctx: Context,
  collection: string,
  key: string,
  parse: Parser<T>,
): Promise<T | undefined> {
  splitRecordKey(ctx, key);
  return decode(key, await ctx.stub.getPrivateData(collection, key), parse);
}

export async function deletePrivateRecord(ctx: Context, collection: string, key: string): Promise<void> {
  splitRecordKey(ctx, key);
  if (!heldBack(ctx, { key, value: null, collection })) {
    await ctx.stub.deletePrivateData(collection, key);
  }
}

/**
 * Private data counterpart of {@link listRecords}. Only a peer of the collection's members holds the
 * values, so call it from evaluate-only transactions: elsewhere the list is simply empty.
 */
export async function listPrivateRecords<T>(
  ctx: Context,
  collection: string,
  type: RecordType,
  attributes: readonly string[],
  parse: Parser<T>,
): Promise<StoredRecord<T>[]> {
  attributes.forEach(assertKeyAttribute);
  const results: StoredRecord<T>[] = [];
  // Async iteration, not `await` + next()/close(): fabric-shim 2.5 resolves this query (unlike
  // getStateByPartialCompositeKey) to `{ iterator }`, not the iterator; its async iterator handles
  // both shapes and closes the query at the end or on an early exit.
  for await (const { key, value } of ctx.stub.getPrivateDataByPartialCompositeKey(collection, type, [
    ...attributes,
  ])) {
    const record = decode(key, value, parse);
    if (record !== undefined) {
      results.push({ key, attributes: splitRecordKey(ctx, key).attributes, record });
    }
  }
  return results;
}

function decode<T>(key: string, bytes: Uint8Array | undefined, parse: Parser<T>): T | undefined {
  if (bytes === undefined || bytes.length === 0) {
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    // Only this chaincode writes these keys, so unreadable bytes mean a bug, not bad input.
    throw new Error(`stored value of ${JSON.stringify(key)} is not UTF-8 JSON`, { cause: error });
  }
  return parse(raw);
}

// The shim only rejects empty attributes; U+0000 would split the attribute in two and U+10FFFF is the
// upper bound of partial-key range queries, so either would make keys ambiguous.
function assertKeyAttribute(attribute: string, index: number): void {
  if (attribute.length === 0 || attribute.includes('\u0000') || attribute.includes('\u{10FFFF}')) {
    throw new ValidationError('invalid key attribute', [
      { field: `key[${index}]`, message: 'must be non-empty and contain neither U+0000 nor U+10FFFF' },
    ]);
  }
}

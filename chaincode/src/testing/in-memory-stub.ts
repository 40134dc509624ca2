// An in-memory ChaincodeStub for unit tests that behaves like the peer where our code can tell:
// - reads see committed state only; the transaction's own writes appear after commit() (Fabric has
//   no read-your-writes);
// - getState of a missing key returns an empty buffer; putting an empty value deletes the key;
// - keys are ordered by UTF-8 bytes (LevelDB), range ends are exclusive, an empty start key skips
//   composite keys, and composite keys use the shim's own \u0000 format;
// - commit() validates the read set (MVCC_READ_CONFLICT) and range reads (PHANTOM_READ_CONFLICT)
//   against state committed meanwhile, and applies nothing when they fail;
// - only the last setEvent reaches the committed transaction.
// - getHistoryForKey lists the committed writes of a public key, newest first, each with the
//   writing transaction's id and timestamp (a policy change alone is no entry), and is not re-checked
//   at commit;
// Not simulated: endorsement policies (validated by peers at commit), CouchDB rich queries (our peers
// run LevelDB, which rejects them), pagination, chaincode-to-chaincode calls.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Context } from 'fabric-contract-api';
import {
  ChaincodeStub as ShimStub,
  ClientIdentity,
  newLogger,
  type ChaincodeProposal,
  type ChaincodeResponse,
  type ChaincodeStub,
  type Iterators,
  type SerializedIdentity,
  type SplitCompositekey,
  type StateQueryResponse,
  type Timestamp,
} from 'fabric-shim';
import { type TestIdentity } from './test-identity';
import {
  compareKeys,
  type KeyRange,
  PUBLIC_STATE,
  type WorldState,
  type WriteMap,
  type WriteSet,
} from './world-state';

export type ValidationCode = 'VALID' | 'MVCC_READ_CONFLICT' | 'PHANTOM_READ_CONFLICT';

export interface ChaincodeEventRecord {
  readonly name: string;
  readonly payload: Buffer;
}

export interface CommitResult {
  readonly txId: string;
  readonly validationCode: ValidationCode;
  readonly blockNumber: number;
  /** The transaction's event (the last setEvent), present only when the transaction is valid. */
  readonly event?: ChaincodeEventRecord;
}

export interface PendingWrite {
  readonly namespace: string;
  readonly key: string;
  /** null for a delete. */
  readonly value: Buffer | null;
}

/** What the ledger gives each transaction; see InMemoryLedger.newTransaction. */
export interface TransactionEnvironment {
  readonly state: WorldState;
  readonly chaincodeName: string;
  readonly channelId: string;
  readonly collections: ReadonlySet<string> | undefined;
  readonly txId: string;
  readonly timestamp: Date;
  readonly identity: TestIdentity;
  readonly peerMspId: string;
  readonly transient: ReadonlyMap<string, Uint8Array>;
  readonly args: readonly string[];
  /** Records the validated transaction, written at `timestamp`; returns its block number. */
  readonly record: (
    result: Omit<CommitResult, 'blockNumber'>,
    writes: WriteSet | undefined,
    timestamp: Date,
  ) => number;
}

type Long = Timestamp['seconds'];
type QueryResult = Promise<Iterators.StateQueryIterator> & AsyncIterable<Iterators.KV>;

// The shim's timestamps carry seconds as a `long` Long. Load the very class the shim uses, through the
// shim's own resolution, rather than depending on `long` ourselves.
const shimLong: unknown = createRequire(require.resolve('fabric-shim'))('long');
if (typeof (shimLong as { fromNumber?: unknown }).fromNumber !== 'function') {
  throw new Error('fabric-shim no longer provides the long package');
}
const LongClass = shimLong as { fromNumber(value: number, unsigned?: boolean): Long };

const MAX_UNICODE_RUNE = '\u{10FFFF}';
const EMPTY_KEY_SUBSTITUTE = '\u0001';

interface RangeRead extends KeyRange {
  readonly consumed: [string, number][];
  exhausted: boolean;
}

export class InMemoryStub implements ChaincodeStub {
  static readonly RESPONSE_CODE = ShimStub.RESPONSE_CODE;

  /** The transaction context, wired as fabric-contract-api wires it (real ClientIdentity included). */
  readonly ctx: Context;

  readonly #env: TransactionEnvironment;
  #timestamp: Date;
  readonly #reads = new Map<string, Map<string, number | undefined>>();
  readonly #rangeReads: RangeRead[] = [];
  readonly #writes: WriteSet = { values: new Map(), validationParameters: new Map() };
  readonly #events: ChaincodeEventRecord[] = [];
  #finished = false;

  constructor(env: TransactionEnvironment) {
    this.#env = env;
    this.#timestamp = validDate(env.timestamp);
    const ctx = new Context();
    ctx.stub = this;
    ctx.clientIdentity = new ClientIdentity(this);
    ctx.logging = { setLevel: () => undefined, getLogger: (name?: string) => newLogger(name ?? 'test') };
    this.ctx = ctx;
  }

  // ---- test controls -------------------------------------------------------------------------

  /** Every setEvent call of this transaction, in order (Fabric keeps only the last one). */
  get events(): readonly ChaincodeEventRecord[] {
    return this.#events;
  }

  /**
   * Value writes (puts and deletes) made so far, sorted by namespace then key: handy to assert that
   * a failed transaction wrote nothing. Validation-parameter writes are not listed.
   */
  pendingWrites(): PendingWrite[] {
    const writes: PendingWrite[] = [];
    for (const [namespace, entries] of this.#writes.values) {
      for (const [key, value] of entries) {
        writes.push({ namespace, key, value });
      }
    }
    return writes.sort((a, b) => compareKeys(a.namespace, b.namespace) || compareKeys(a.key, b.key));
  }

  /** Keys whose validation parameter (key-level policy) this transaction sets, sorted like pendingWrites. */
  pendingValidationParameterWrites(): { namespace: string; key: string }[] {
    const writes: { namespace: string; key: string }[] = [];
    for (const [namespace, entries] of this.#writes.validationParameters) {
      for (const key of entries.keys()) writes.push({ namespace, key });
    }
    return writes.sort((a, b) => compareKeys(a.namespace, b.namespace) || compareKeys(a.key, b.key));
  }

  /** Sets the transaction timestamp (the client sets it in the proposal header on a real network). */
  setTxTimestamp(value: Date | string): void {
    this.#assertActive();
    this.#timestamp = validDate(typeof value === 'string' ? new Date(value) : value);
  }

  /** Validates the read set against committed state and, when valid, applies the writes. */
  commit(): CommitResult {
    this.#assertActive();
    this.#finished = true;
    const validationCode = this.#validate();
    const last = this.#events[this.#events.length - 1];
    const valid = validationCode === 'VALID';
    const result = {
      txId: this.#env.txId,
      validationCode,
      ...(valid && last !== undefined ? { event: last } : {}),
    };
    const blockNumber = this.#env.record(result, valid ? this.#writes : undefined, this.#timestamp);
    return { ...result, blockNumber };
  }

  // ---- transaction information ---------------------------------------------------------------

  getArgs(): string[] {
    return [...this.#env.args];
  }

  /** Not in the typed interface, but the real stub has it and fabric-shim's contract router calls it. */
  getBufferArgs(): Buffer[] {
    return this.#env.args.map((arg) => Buffer.from(arg, 'utf8'));
  }

  getStringArgs(): string[] {
    return [...this.#env.args];
  }

  getFunctionAndParameters(): { params: string[]; fcn: string } {
    const [fcn = '', ...params] = this.#env.args;
    return { fcn, params };
  }

  getTxID(): string {
    return this.#env.txId;
  }

  getChannelID(): string {
    return this.#env.channelId;
  }

  getCreator(): SerializedIdentity {
    return { mspid: this.#env.identity.mspId, idBytes: Buffer.from(this.#env.identity.certificate, 'utf8') };
  }

  /** The MSP of the peer running the chaincode (CORE_PEER_LOCALMSPID on a real chaincode server). */
  getMspID(): string {
    return this.#env.peerMspId;
  }

  getTransient(): Map<string, Uint8Array> {
    return new Map([...this.#env.transient].map(([key, value]) => [key, Buffer.from(value)]));
  }

  getSignedProposal(): ChaincodeProposal.SignedProposal {
    return unsupported('getSignedProposal');
  }

  getTxTimestamp(): Timestamp {
    const millis = this.#timestamp.getTime();
    const seconds = Math.floor(millis / 1000);
    return { seconds: LongClass.fromNumber(seconds, true), nanos: (millis - seconds * 1000) * 1_000_000 };
  }

  getDateTimestamp(): Date {
    return new Date(this.#timestamp.getTime());
  }

  getBinding(): string {
    return unsupported('getBinding');
  }

  // ---- public state --------------------------------------------------------------------------

  async getState(key: string): Promise<Uint8Array> {
    return Promise.resolve(this.#read(PUBLIC_STATE, key));
  }

  async putState(key: string, value: Uint8Array): Promise<void> {
    this.#write(PUBLIC_STATE, key, value);
    return Promise.resolve();
  }

  async deleteState(key: string): Promise<void> {
    this.#write(PUBLIC_STATE, key, null);
    return Promise.resolve();
  }

  async setStateValidationParameter(key: string, ep: Uint8Array): Promise<void> {
    this.#writeValidationParameter(PUBLIC_STATE, key, ep);
    return Promise.resolve();
  }

  async getStateValidationParameter(key: string): Promise<Uint8Array> {
    return Promise.resolve(this.#readValidationParameter(PUBLIC_STATE, key));
  }

  getStateByRange(startKey: string, endKey: string): QueryResult {
    // Same substitution and check as the shim: '' would otherwise include composite keys.
    const start = startKey === '' ? EMPTY_KEY_SUBSTITUTE : startKey;
    for (const key of [start, endKey]) {
      if (key.startsWith('\u0000')) {
        throw new Error(`first character of the key [${key}] contains a null character which is not allowed`);
      }
    }
    return this.#rangeQuery({ namespace: PUBLIC_STATE, startKey: start, endKey });
  }

  getStateByRangeWithPagination(): Promise<StateQueryResponse<Iterators.StateQueryIterator>> &
    AsyncIterable<Iterators.KV> {
    return unsupported('getStateByRangeWithPagination');
  }

  getStateByPartialCompositeKey(objectType: string, attributes: string[]): QueryResult {
    const partial = this.createCompositeKey(objectType, attributes);
    return this.#rangeQuery({
      namespace: PUBLIC_STATE,
      startKey: partial,
      endKey: partial + MAX_UNICODE_RUNE,
    });
  }

  getStateByPartialCompositeKeyWithPagination(): Promise<StateQueryResponse<Iterators.StateQueryIterator>> &
    AsyncIterable<Iterators.KV> {
    return unsupported('getStateByPartialCompositeKeyWithPagination');
  }

  getQueryResult(): QueryResult {
    return unsupported('getQueryResult (rich queries need CouchDB; our peers use LevelDB)');
  }

  getQueryResultWithPagination(): Promise<StateQueryResponse<Iterators.StateQueryIterator>> &
    AsyncIterable<Iterators.KV> {
    return unsupported('getQueryResultWithPagination');
  }

  getHistoryForKey(
    key: string,
  ): Promise<Iterators.HistoryQueryIterator> & AsyncIterable<Iterators.KeyModification> {
    this.#assertActive();
    assertKey(key);
    const entries = this.#env.state.history(key).map((entry): Iterators.KeyModification => ({
      txId: entry.txId,
      value: Buffer.from(entry.value),
      isDelete: entry.isDelete,
      timestamp: shimHistoryTimestamp(entry.timestamp),
    }));
    return queryOf(entries);
  }

  async invokeChaincode(): Promise<ChaincodeResponse> {
    return Promise.resolve(unsupported('invokeChaincode'));
  }

  setEvent(name: string, payload: Uint8Array): void {
    this.#assertActive();
    if (typeof name !== 'string' || name === '') {
      throw new Error('Event name must be a non-empty string');
    }
    this.#events.push({ name, payload: Buffer.from(payload) });
  }

  // The shim's own implementations: they only format strings, so the key format is exactly Fabric's.
  createCompositeKey(objectType: string, attributes: string[]): string {
    return ShimStub.prototype.createCompositeKey.call(this, objectType, attributes);
  }

  splitCompositeKey(compositeKey: string): SplitCompositekey {
    return ShimStub.prototype.splitCompositeKey.call(this, compositeKey);
  }

  // ---- private data --------------------------------------------------------------------------

  async getPrivateData(collection: string, key: string): Promise<Uint8Array> {
    this.#assertCollection(collection);
    assertPrivateKey(key);
    return Promise.resolve(this.#read(collection, key));
  }

  async getPrivateDataHash(collection: string, key: string): Promise<Uint8Array> {
    const value = await this.getPrivateData(collection, key);
    return value.length === 0 ? Buffer.alloc(0) : createHash('sha256').update(value).digest();
  }

  async putPrivateData(collection: string, key: string, value: Uint8Array): Promise<void> {
    this.#assertCollection(collection);
    assertPrivateKey(key);
    this.#write(collection, key, value);
    return Promise.resolve();
  }

  async deletePrivateData(collection: string, key: string): Promise<void> {
    this.#assertCollection(collection);
    assertPrivateKey(key);
    this.#write(collection, key, null);
    return Promise.resolve();
  }

  /** Purging also removes history on a real peer; here, with no history kept, it is a delete. */
  async purgePrivateData(collection: string, key: string): Promise<void> {
    return this.deletePrivateData(collection, key);
  }

  async setPrivateDataValidationParameter(collection: string, key: string, ep: Uint8Array): Promise<void> {
    this.#assertCollection(collection);
    assertPrivateKey(key);
    this.#writeValidationParameter(collection, key, ep);
    return Promise.resolve();
  }

  async getPrivateDataValidationParameter(collection: string, key: string): Promise<Uint8Array> {
    this.#assertCollection(collection);
    assertPrivateKey(key);
    return Promise.resolve(this.#readValidationParameter(collection, key));
  }

  getPrivateDataByRange(collection: string, startKey: string, endKey: string): QueryResult {
    this.#assertCollection(collection);
    const start = startKey === '' ? EMPTY_KEY_SUBSTITUTE : startKey;
    return this.#rangeQuery({ namespace: collection, startKey: start, endKey });
  }

  getPrivateDataByPartialCompositeKey(
    collection: string,
    objectType: string,
    attributes: string[],
  ): QueryResult {
    this.#assertCollection(collection);
    const partial = this.createCompositeKey(objectType, attributes);
    return this.#rangeQuery({ namespace: collection, startKey: partial, endKey: partial + MAX_UNICODE_RUNE });
  }

  getPrivateDataQueryResult(): QueryResult {
    return unsupported('getPrivateDataQueryResult (rich queries need CouchDB; our peers use LevelDB)');
  }

  // ---- internals -----------------------------------------------------------------------------

  #read(namespace: string, key: string): Buffer {
    this.#assertActive();
    const current = this.#env.state.get(namespace, key);
    this.#recordRead(namespace, key, current?.version);
    return current === undefined ? Buffer.alloc(0) : Buffer.from(current.value);
  }

  #recordRead(namespace: string, key: string, version: number | undefined): void {
    let reads = this.#reads.get(namespace);
    if (reads === undefined) {
      reads = new Map();
      this.#reads.set(namespace, reads);
    }
    // The first read's version is what the peer would have recorded.
    if (!reads.has(key)) {
      reads.set(key, version);
    }
  }

  #write(namespace: string, key: string, value: Uint8Array | null): void {
    this.#assertActive();
    assertKey(key);
    // An empty value is written as a delete in Fabric's read-write set.
    const stored = value === null || value.length === 0 ? null : Buffer.from(value);
    writeEntry(this.#writes.values, namespace, key, stored);
  }

  #writeValidationParameter(namespace: string, key: string, ep: Uint8Array): void {
    this.#assertActive();
    assertKey(key);
    writeEntry(this.#writes.validationParameters, namespace, key, Buffer.from(ep));
  }

  #readValidationParameter(namespace: string, key: string): Uint8Array {
    this.#assertActive();
    this.#recordRead(namespace, key, this.#env.state.get(namespace, key)?.version);
    const parameter = this.#env.state.validationParameter(namespace, key);
    // The shim returns undefined for a key without a policy, whatever its type declaration says;
    // mirroring that keeps tests honest about the case.
    return (parameter === undefined ? undefined : Buffer.from(parameter)) as Uint8Array;
  }

  #rangeQuery(range: KeyRange): QueryResult {
    this.#assertActive();
    const read: RangeRead = { ...range, consumed: [], exhausted: false };
    this.#rangeReads.push(read);
    const entries = this.#env.state.range(range);
    const chaincodeName = this.#env.chaincodeName;
    let position = 0;
    const iterator: Iterators.StateQueryIterator = {
      next: () => {
        const entry = entries[position];
        position += 1;
        if (entry === undefined) {
          read.exhausted = true;
          return Promise.resolve({ done: true } as Iterators.NextResult<Iterators.KV>);
        }
        const [key, versioned] = entry;
        read.consumed.push([key, versioned.version]);
        const value: Iterators.KV = { namespace: chaincodeName, key, value: Buffer.from(versioned.value) };
        return Promise.resolve({ value, done: false });
      },
      close: () => Promise.resolve(),
    };
    return Object.assign(Promise.resolve(iterator), {
      async *[Symbol.asyncIterator](): AsyncGenerator<Iterators.KV> {
        try {
          for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
            yield next.value;
          }
        } finally {
          await iterator.close();
        }
      },
    });
  }

  #validate(): ValidationCode {
    for (const [namespace, reads] of this.#reads) {
      for (const [key, version] of reads) {
        if (this.#env.state.get(namespace, key)?.version !== version) {
          return 'MVCC_READ_CONFLICT';
        }
      }
    }
    return this.#rangeReads.every((read) => this.#rangeUnchanged(read)) ? 'VALID' : 'PHANTOM_READ_CONFLICT';
  }

  // Like the peer, re-run the range up to where the chaincode stopped reading.
  #rangeUnchanged(read: RangeRead): boolean {
    const lastConsumed = read.consumed[read.consumed.length - 1];
    if (!read.exhausted && lastConsumed === undefined) {
      return true;
    }
    const again = read.exhausted
      ? this.#env.state.range(read)
      : this.#env.state.range({ ...read, endKey: lastConsumed?.[0] ?? read.endKey, endInclusive: true });
    return (
      again.length === read.consumed.length &&
      again.every(([key, value], index) => {
        const seen = read.consumed[index];
        return seen !== undefined && seen[0] === key && seen[1] === value.version;
      })
    );
  }

  #assertCollection(collection: string): void {
    if (typeof collection !== 'string' || collection === '') {
      throw new Error('collection must be a valid string');
    }
    const known = this.#env.collections;
    if (known !== undefined && !known.has(collection)) {
      throw new Error(`collection ${collection} is not defined for chaincode ${this.#env.chaincodeName}`);
    }
  }

  #assertActive(): void {
    if (this.#finished) {
      throw new Error(`transaction ${this.#env.txId} has already been committed`);
    }
  }
}

function validDate(date: Date): Date {
  if (Number.isNaN(date.getTime())) {
    throw new Error('invalid transaction timestamp');
  }
  return new Date(date.getTime());
}

function assertKey(key: string): void {
  if (typeof key !== 'string' || key === '') {
    throw new Error('key must not be an empty string');
  }
  // The peer requires valid UTF-8; a lone surrogate would be silently replaced on the wire.
  if (!isWellFormed(key)) {
    throw new Error(`key ${JSON.stringify(key)} is not valid UTF-8`);
  }
}

// The shim checks private data keys before they reach the peer.
function assertPrivateKey(key: string): void {
  if (typeof key !== 'string' || key === '') {
    throw new Error('key must be a valid string');
  }
}

function isWellFormed(text: string): boolean {
  return Buffer.from(text, 'utf8').toString('utf8') === text;
}

function writeEntry(writes: WriteMap, namespace: string, key: string, value: Buffer | null): void {
  let entries = writes.get(namespace);
  if (entries === undefined) {
    entries = new Map();
    writes.set(namespace, entries);
  }
  entries.set(key, value);
}

/**
 * The timestamp as fabric-shim's history iterator really delivers it: the protobuf Timestamp's
 * toObject(), whose seconds are a plain number, not the Long that the shim's typings declare.
 */
function shimHistoryTimestamp(date: Date): Timestamp {
  const millis = date.getTime();
  const seconds = Math.floor(millis / 1000);
  return { seconds, nanos: (millis - seconds * 1000) * 1_000_000 } as unknown as Timestamp;
}

/** A query answer in the shim's shape: a promise of the iterator that is also async-iterable. */
function queryOf<T>(entries: readonly T[]): Promise<Iterators.CommonIterator<T>> & AsyncIterable<T> {
  let position = 0;
  const iterator: Iterators.CommonIterator<T> = {
    next: () => {
      const value = entries[position];
      position += 1;
      return Promise.resolve(
        value === undefined ? ({ done: true } as Iterators.NextResult<T>) : { value, done: false },
      );
    },
    close: () => Promise.resolve(),
  };
  return Object.assign(Promise.resolve(iterator), {
    async *[Symbol.asyncIterator](): AsyncGenerator<T> {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    },
  });
}

function unsupported(name: string): never {
  throw new Error(`${name} is not supported by the in-memory stub`);
}

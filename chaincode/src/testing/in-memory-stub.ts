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
// - invokeChaincode (same channel) runs the called definition's contracts through fabric-shim's router
//   in the same simulation: the callee sees its own namespace's committed state, its reads and writes
//   join this transaction's read-write set under its namespace, it answers { status, message,
//   payload } (a thrown error is status 500), and a chaincode already on the call stack cannot be
//   entered again (the peer refuses: its transaction context for that txid exists).
// Not simulated: endorsement policies (validated by peers at commit), CouchDB rich queries (our peers
// run LevelDB, which rejects them), pagination, calls to another channel.

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
import {
  type NamespaceAccess,
  type RangeRead,
  type ReadWriteSet,
  type ValidationCode,
} from './read-write-set';
import { InMemoryPeerHandler } from './in-memory-peer-handler';
import { type TestIdentity } from './test-identity';
import { compareKeys, type KeyRange, PUBLIC_STATE, type WorldState } from './world-state';

export { type ValidationCode } from './read-write-set';

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
  /** The chaincode (definition) whose namespace the write goes to. */
  readonly chaincodeName: string;
  /** '' for public state, else the private data collection. */
  readonly namespace: string;
  readonly key: string;
  /** null for a delete. */
  readonly value: Buffer | null;
}

/** What the ledger gives each transaction (and each chaincode it calls); see InMemoryLedger. */
export interface TransactionEnvironment {
  /** Committed state of this chaincode's namespace. */
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
  /** The transaction's read-write set, shared with every chaincode it calls. */
  readonly rwset: ReadWriteSet;
  /** Chaincodes on the call stack, outermost first, this one last. */
  readonly callStack: readonly string[];
  /** Runs `args` on another chaincode of the channel, as the peer does for invokeChaincode. */
  readonly invoke: (
    caller: TransactionEnvironment,
    chaincodeName: string,
    args: readonly string[],
  ) => Promise<ChaincodeResponse>;
  /**
   * Validates the read-write set, applies it when valid and records the transaction with its event
   * (written at `timestamp`); returns the result. Absent for a called chaincode: only the
   * transaction as a whole commits.
   */
  readonly commit:
    | ((request: {
        readonly txId: string;
        readonly event: ChaincodeEventRecord | undefined;
        readonly timestamp: Date;
      }) => CommitResult)
    | undefined;
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

export class InMemoryStub implements ChaincodeStub {
  static readonly RESPONSE_CODE = ShimStub.RESPONSE_CODE;

  /** The transaction context, wired as fabric-contract-api wires it (real ClientIdentity included). */
  readonly ctx: Context;

  /** Where fabric-shim keeps its handler: answers the batched messages (batched-state.ts). */
  readonly handler = new InMemoryPeerHandler(this);

  readonly #env: TransactionEnvironment;
  readonly #access: NamespaceAccess;
  #timestamp: Date;
  readonly #events: ChaincodeEventRecord[] = [];
  #finished = false;

  constructor(env: TransactionEnvironment) {
    this.#env = env;
    this.#access = env.rwset.of(env.chaincodeName);
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
   * Value writes (puts and deletes) of the whole transaction so far, called chaincodes included,
   * sorted by chaincode, namespace, key: handy to assert that a failed transaction wrote nothing.
   * Validation-parameter writes are not listed.
   */
  pendingWrites(): PendingWrite[] {
    const writes: PendingWrite[] = [];
    for (const [chaincodeName, access] of this.#env.rwset.entries()) {
      for (const [namespace, entries] of access.writes.values) {
        for (const [key, value] of entries) {
          writes.push({ chaincodeName, namespace, key, value });
        }
      }
    }
    return writes.sort(byLocation);
  }

  /** Keys whose validation parameter (key-level policy) the transaction sets, sorted like pendingWrites. */
  pendingValidationParameterWrites(): { chaincodeName: string; namespace: string; key: string }[] {
    const writes: { chaincodeName: string; namespace: string; key: string }[] = [];
    for (const [chaincodeName, access] of this.#env.rwset.entries()) {
      for (const [namespace, entries] of access.writes.validationParameters) {
        for (const key of entries.keys()) writes.push({ chaincodeName, namespace, key });
      }
    }
    return writes.sort(byLocation);
  }

  /** Sets the transaction timestamp (the client sets it in the proposal header on a real network). */
  setTxTimestamp(value: Date | string): void {
    this.#assertActive();
    this.#timestamp = validDate(typeof value === 'string' ? new Date(value) : value);
  }

  /** Validates the read set against committed state and, when valid, applies the writes. */
  commit(): CommitResult {
    const commit = this.#env.commit;
    if (commit === undefined) {
      throw new Error(`chaincode ${this.#env.chaincodeName} was called by another: only the caller commits`);
    }
    this.#assertActive();
    this.#finished = true;
    return commit({
      txId: this.#env.txId,
      event: this.#events[this.#events.length - 1],
      timestamp: this.#timestamp,
    });
  }

  /** Ends a called chaincode's part: the peer's context for it is gone once it has answered. */
  finish(): void {
    this.#finished = true;
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

  /**
   * Calls another chaincode of this channel (`channel` empty or this channel's name). The answer is
   * the callee's response, an error status included; what the peer itself refuses (a chaincode not
   * defined, or one already on the call stack) is thrown, as the shim throws the peer's ERROR.
   */
  async invokeChaincode(chaincodeName: string, args: string[], channel: string): Promise<ChaincodeResponse> {
    this.#assertActive();
    if (channel !== '' && channel !== this.#env.channelId) {
      return unsupported(`invokeChaincode on another channel (${channel})`);
    }
    return this.#env.invoke({ ...this.#env, timestamp: this.#timestamp }, chaincodeName, [...args]);
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
    this.#access.recordRead(namespace, key, current?.version);
    return current === undefined ? Buffer.alloc(0) : Buffer.from(current.value);
  }

  #write(namespace: string, key: string, value: Uint8Array | null): void {
    this.#assertActive();
    assertKey(key);
    // An empty value is written as a delete in Fabric's read-write set.
    const stored = value === null || value.length === 0 ? null : Buffer.from(value);
    this.#access.write(namespace, key, stored);
  }

  #writeValidationParameter(namespace: string, key: string, ep: Uint8Array): void {
    this.#assertActive();
    assertKey(key);
    this.#access.writeValidationParameter(namespace, key, Buffer.from(ep));
  }

  #readValidationParameter(namespace: string, key: string): Uint8Array {
    this.#assertActive();
    this.#access.recordRead(namespace, key, this.#env.state.get(namespace, key)?.version);
    const parameter = this.#env.state.validationParameter(namespace, key);
    // The shim returns undefined for a key without a policy, whatever its type declaration says;
    // mirroring that keeps tests honest about the case.
    return (parameter === undefined ? undefined : Buffer.from(parameter)) as Uint8Array;
  }

  #rangeQuery(range: KeyRange): QueryResult {
    this.#assertActive();
    const read: RangeRead = this.#access.recordRangeRead(range);
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

function byLocation(
  a: { chaincodeName: string; namespace: string; key: string },
  b: { chaincodeName: string; namespace: string; key: string },
): number {
  return (
    compareKeys(a.chaincodeName, b.chaincodeName) ||
    compareKeys(a.namespace, b.namespace) ||
    compareKeys(a.key, b.key)
  );
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

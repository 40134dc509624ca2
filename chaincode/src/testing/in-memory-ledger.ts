// A test ledger: committed world state shared by the transactions it creates. Each transaction is an
// InMemoryStub with its own context; commit() makes its writes visible to later transactions.
//
//   const ledger = new InMemoryLedger();
//   const tx = ledger.newTransaction({ identity: identityForRole(Roles.RegistryClerk) });
//   await new SmokeContract().Put(tx.ctx, 'k', 'v');
//   tx.commit();

import { createHash } from 'node:crypto';
import { type ChaincodeEventRecord, type CommitResult, InMemoryStub } from './in-memory-stub';
import { type TestIdentity } from './test-identity';
import { PUBLIC_STATE, WorldState, type WriteSet } from './world-state';

export interface LedgerOptions {
  readonly chaincodeName?: string;
  readonly channelId?: string;
  /** Private data collections that exist; others are refused as on a peer. Unset: any name. */
  readonly collections?: readonly string[];
  /** Timestamp of the first transaction; each further one is one second later unless set. */
  readonly startTime?: Date | string;
}

export interface TransactionOptions {
  readonly identity: TestIdentity;
  readonly txId?: string;
  readonly timestamp?: Date | string;
  readonly transient?: Readonly<Record<string, string | Uint8Array>>;
  /** Function name and arguments, as getArgs() reports them. */
  readonly args?: readonly string[];
  /** MSP of the peer running the chaincode (getMspID); defaults to the submitter's. */
  readonly peerMspId?: string;
}

export interface CommittedEvent extends ChaincodeEventRecord {
  readonly txId: string;
  readonly blockNumber: number;
}

const DEFAULT_START = '2026-01-01T00:00:00.000Z';

export class InMemoryLedger {
  readonly chaincodeName: string;
  readonly channelId: string;
  readonly #state = new WorldState();
  readonly #collections: ReadonlySet<string> | undefined;
  readonly #transactions: Omit<CommitResult, 'blockNumber'>[] = [];
  readonly #events: CommittedEvent[] = [];
  readonly #startMillis: number;
  #created = 0;

  constructor(options: LedgerOptions = {}) {
    this.chaincodeName = options.chaincodeName ?? 'govtrace';
    this.channelId = options.channelId ?? 'govtrace';
    this.#collections = options.collections === undefined ? undefined : new Set(options.collections);
    this.#startMillis = new Date(options.startTime ?? DEFAULT_START).getTime();
  }

  /** Starts a transaction; its reads see what is committed now and whatever commits before it does. */
  newTransaction(options: TransactionOptions): InMemoryStub {
    const sequence = this.#created;
    this.#created += 1;
    return new InMemoryStub({
      state: this.#state,
      chaincodeName: this.chaincodeName,
      channelId: this.channelId,
      collections: this.#collections,
      txId: options.txId ?? createHash('sha256').update(`${this.channelId}/${sequence}`).digest('hex'),
      timestamp: new Date(options.timestamp ?? this.#startMillis + sequence * 1000),
      identity: options.identity,
      peerMspId: options.peerMspId ?? options.identity.mspId,
      transient: new Map(
        Object.entries(options.transient ?? {}).map(([key, value]) => [key, Buffer.from(value)] as const),
      ),
      args: options.args ?? [],
      record: (result, writes, timestamp) => this.#record(result, writes, timestamp),
    });
  }

  /** Committed public value, or undefined. */
  getState(key: string): Buffer | undefined {
    return copy(this.#state.get(PUBLIC_STATE, key)?.value);
  }

  getPrivateData(collection: string, key: string): Buffer | undefined {
    return copy(this.#state.get(collection, key)?.value);
  }

  getStateValidationParameter(key: string): Buffer | undefined {
    return copy(this.#state.validationParameter(PUBLIC_STATE, key));
  }

  /** Committed public keys in LevelDB order. */
  stateKeys(): string[] {
    return this.#state.keys(PUBLIC_STATE);
  }

  /** Events of valid transactions, in commit order. */
  get events(): readonly CommittedEvent[] {
    return this.#events;
  }

  /** Every committed transaction, valid or not, in commit order (one per block). */
  get transactions(): readonly Omit<CommitResult, 'blockNumber'>[] {
    return this.#transactions;
  }

  #record(result: Omit<CommitResult, 'blockNumber'>, writes: WriteSet | undefined, timestamp: Date): number {
    this.#transactions.push(result);
    const blockNumber = this.#transactions.length;
    if (writes !== undefined) {
      this.#state.apply(writes, { txId: result.txId, timestamp });
    }
    if (result.event !== undefined) {
      this.#events.push({ ...result.event, txId: result.txId, blockNumber });
    }
    return blockNumber;
  }
}

function copy(value: Buffer | undefined): Buffer | undefined {
  return value === undefined ? undefined : Buffer.from(value);
}

// A test ledger: one channel's committed world state, one namespace per chaincode definition, shared
// by the transactions it creates. Each transaction is an InMemoryStub with its own context; commit()
// makes its writes visible to later transactions.
//
//   const ledger = new InMemoryLedger();
//   const tx = ledger.newTransaction({ identity: identityForRole(Roles.RegistryClerk) });
//   await new SmokeContract().Put(tx.ctx, 'k', 'v');
//   tx.commit();
//
// With `chaincodes`, the ledger also has definitions deployed: a transaction may run in any of them
// (`newTransaction({ chaincodeName })`), and invokeChaincode reaches their contracts through
// fabric-shim's router (testing/channel.ts deploys the production definitions).

import { createHash } from 'node:crypto';
import { type ChaincodeResponse } from 'fabric-shim';
import {
  type ChaincodeEventRecord,
  type CommitResult,
  InMemoryStub,
  type TransactionEnvironment,
} from './in-memory-stub';
import { ReadWriteSet } from './read-write-set';
import { type ContractClass, ShimRouter } from './shim-router';
import { type TestIdentity } from './test-identity';
import { PUBLIC_STATE, WorldState } from './world-state';

/** A chaincode definition deployed on the test channel. */
export interface DeployedChaincode {
  readonly contracts: readonly ContractClass[];
  /** Its private data collections; others are refused as on a peer. Unset: any name. */
  readonly collections?: readonly string[];
}

export interface LedgerOptions {
  /** The chaincode a transaction runs in unless it names another. */
  readonly chaincodeName?: string;
  readonly channelId?: string;
  /**
   * Private data collections of the default chaincode when it is not among `chaincodes`; others are
   * refused as on a peer. Unset: any name.
   */
  readonly collections?: readonly string[];
  /** Definitions deployed on the channel, by name: what invokeChaincode can reach. */
  readonly chaincodes?: Readonly<Record<string, DeployedChaincode>>;
  /** Timestamp of the first transaction; each further one is one second later unless set. */
  readonly startTime?: Date | string;
}

export interface TransactionOptions {
  readonly identity: TestIdentity;
  /** The chaincode the transaction invokes; default: the ledger's chaincodeName. */
  readonly chaincodeName?: string;
  readonly txId?: string;
  readonly timestamp?: Date | string;
  readonly transient?: Readonly<Record<string, string | Uint8Array>>;
  /** Function name and arguments, as getArgs() reports them. */
  readonly args?: readonly string[];
  /** MSP of the peer running the chaincode (getMspID); defaults to the submitter's. */
  readonly peerMspId?: string;
}

export interface CommittedEvent extends ChaincodeEventRecord {
  /** The chaincode the transaction invoked: a chaincode event is that chaincode's. */
  readonly chaincodeName: string;
  readonly txId: string;
  readonly blockNumber: number;
}

export interface CommittedTransaction extends Omit<CommitResult, 'blockNumber'> {
  readonly chaincodeName: string;
}

const DEFAULT_START = '2026-01-01T00:00:00.000Z';

export class InMemoryLedger {
  readonly chaincodeName: string;
  readonly channelId: string;
  readonly #states = new Map<string, WorldState>();
  readonly #deployed: ReadonlyMap<string, DeployedChaincode>;
  readonly #defaultCollections: ReadonlySet<string> | undefined;
  readonly #routers = new Map<string, ShimRouter>();
  readonly #transactions: CommittedTransaction[] = [];
  readonly #events: CommittedEvent[] = [];
  readonly #startMillis: number;
  #created = 0;

  constructor(options: LedgerOptions = {}) {
    this.chaincodeName = options.chaincodeName ?? 'govtrace';
    this.channelId = options.channelId ?? 'govtrace';
    this.#deployed = new Map(Object.entries(options.chaincodes ?? {}));
    this.#defaultCollections = options.collections === undefined ? undefined : new Set(options.collections);
    this.#startMillis = new Date(options.startTime ?? DEFAULT_START).getTime();
  }

  /** Starts a transaction; its reads see what is committed now and whatever commits before it does. */
  newTransaction(options: TransactionOptions): InMemoryStub {
    const sequence = this.#created;
    this.#created += 1;
    const chaincodeName = options.chaincodeName ?? this.chaincodeName;
    const txId = options.txId ?? createHash('sha256').update(`${this.channelId}/${sequence}`).digest('hex');
    const rwset = new ReadWriteSet();
    return new InMemoryStub({
      state: this.#stateOf(chaincodeName),
      chaincodeName,
      channelId: this.channelId,
      collections: this.#collectionsOf(chaincodeName),
      txId,
      timestamp: new Date(options.timestamp ?? this.#startMillis + sequence * 1000),
      identity: options.identity,
      peerMspId: options.peerMspId ?? options.identity.mspId,
      transient: new Map(
        Object.entries(options.transient ?? {}).map(([key, value]) => [key, Buffer.from(value)] as const),
      ),
      args: options.args ?? [],
      rwset,
      callStack: [chaincodeName],
      invoke: (caller, callee, args) => this.#invoke(caller, callee, args),
      commit: ({ event, timestamp }) => this.#commit(chaincodeName, txId, rwset, event, timestamp),
    });
  }

  /** Committed public value of the chaincode's namespace (default: the ledger's), or undefined. */
  getState(key: string, chaincodeName = this.chaincodeName): Buffer | undefined {
    return copy(this.#states.get(chaincodeName)?.get(PUBLIC_STATE, key)?.value);
  }

  getPrivateData(collection: string, key: string, chaincodeName = this.chaincodeName): Buffer | undefined {
    return copy(this.#states.get(chaincodeName)?.get(collection, key)?.value);
  }

  getStateValidationParameter(key: string, chaincodeName = this.chaincodeName): Buffer | undefined {
    return copy(this.#states.get(chaincodeName)?.validationParameter(PUBLIC_STATE, key));
  }

  /** Committed public keys of the chaincode's namespace in LevelDB order. */
  stateKeys(chaincodeName = this.chaincodeName): string[] {
    return this.#states.get(chaincodeName)?.keys(PUBLIC_STATE) ?? [];
  }

  /** Chaincodes whose namespace holds committed state, in name order. */
  get namespaces(): string[] {
    return [...this.#states.keys()].filter((name) => this.stateKeys(name).length > 0).sort();
  }

  /** Events of valid transactions, in commit order. */
  get events(): readonly CommittedEvent[] {
    return this.#events;
  }

  /** Every committed transaction, valid or not, in commit order (one per block). */
  get transactions(): readonly CommittedTransaction[] {
    return this.#transactions;
  }

  #commit(
    chaincodeName: string,
    txId: string,
    rwset: ReadWriteSet,
    event: ChaincodeEventRecord | undefined,
    timestamp: Date,
  ): CommitResult {
    const validationCode = rwset.validate((name) => this.#stateOf(name));
    const valid = validationCode === 'VALID';
    const result = { txId, validationCode, ...(valid && event !== undefined ? { event } : {}) };
    this.#transactions.push({ ...result, chaincodeName });
    const blockNumber = this.#transactions.length;
    if (valid) {
      for (const [name, access] of rwset.entries()) {
        this.#stateOf(name).apply(access.writes, { txId, timestamp });
      }
      if (event !== undefined) this.#events.push({ ...event, chaincodeName, txId, blockNumber });
    }
    return { ...result, blockNumber };
  }

  /**
   * What the peer does for invokeChaincode on the same channel: refuses a chaincode it does not have
   * or one already on the call stack (Fabric keeps one context per chaincode and txid), else runs
   * the callee in the caller's simulation and hands back its response.
   */
  async #invoke(
    caller: TransactionEnvironment,
    chaincodeName: string,
    args: readonly string[],
  ): Promise<ChaincodeResponse> {
    if (caller.callStack.includes(chaincodeName)) {
      throw new Error(`txid: ${caller.txId}(${caller.channelId}) exists`);
    }
    const router = this.#routerFor(chaincodeName);
    const callee = new InMemoryStub({
      ...caller,
      state: this.#stateOf(chaincodeName),
      chaincodeName,
      collections: this.#collectionsOf(chaincodeName),
      args,
      callStack: [...caller.callStack, chaincodeName],
      commit: undefined,
    });
    try {
      return await router.invoke(callee);
    } finally {
      callee.finish();
    }
  }

  #routerFor(chaincodeName: string): ShimRouter {
    let router = this.#routers.get(chaincodeName);
    if (router === undefined) {
      const deployed = this.#deployed.get(chaincodeName);
      if (deployed === undefined) {
        throw new Error(
          `make sure the chaincode ${chaincodeName} has been successfully defined on channel ` +
            `${this.channelId} and try again: chaincode definition for '${chaincodeName}' not found`,
        );
      }
      router = new ShimRouter(deployed.contracts);
      this.#routers.set(chaincodeName, router);
    }
    return router;
  }

  #collectionsOf(chaincodeName: string): ReadonlySet<string> | undefined {
    const deployed = this.#deployed.get(chaincodeName);
    if (deployed !== undefined) {
      return deployed.collections === undefined ? undefined : new Set(deployed.collections);
    }
    return chaincodeName === this.chaincodeName ? this.#defaultCollections : undefined;
  }

  #stateOf(chaincodeName: string): WorldState {
    let state = this.#states.get(chaincodeName);
    if (state === undefined) {
      state = new WorldState();
      this.#states.set(chaincodeName, state);
    }
    return state;
  }
}

function copy(value: Buffer | undefined): Buffer | undefined {
  return value === undefined ? undefined : Buffer.from(value);
}

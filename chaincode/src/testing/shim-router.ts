// Runs a transaction through fabric-shim's own contract router, the code fabric-chaincode-node server
// runs for every proposal: argument parsing from contract metadata, context creation, and turning a
// thrown error into the 500 response whose message the peer passes on. Tests use it to check the
// wire behaviour that calling contract methods directly would skip.

import { createRequire } from 'node:module';
import { type Contract, JSONSerializer } from 'fabric-contract-api';
import { type InMemoryStub } from './in-memory-stub';

/** A contract class as fabric-chaincode-node instantiates it: with no arguments. */
export type ContractClass = new () => Contract;

export interface ShimResponse {
  readonly status: number;
  readonly message: string;
  readonly payload: Buffer;
}

interface Router {
  readonly metadata: unknown;
  Invoke(stub: InMemoryStub): Promise<{ status: number; message?: string; payload?: Uint8Array }>;
}

type RouterClass = new (
  contracts: unknown[],
  serializers: unknown,
  metadata: unknown,
  title: string,
  version: string,
) => Router;

const loaded: unknown = createRequire(require.resolve('fabric-shim'))(
  './lib/contract-spi/chaincodefromcontract',
);
if (typeof loaded !== 'function') {
  throw new Error('fabric-shim no longer provides lib/contract-spi/chaincodefromcontract');
}
const ChaincodeFromContract = loaded as RouterClass;

// The serializer set bootstrap.js uses when the chaincode declares none (ours does not).
const defaultSerializers = { transaction: 'jsonSerializer', serializers: { jsonSerializer: JSONSerializer } };

export class ShimRouter {
  readonly #router: Router;

  constructor(contracts: readonly ContractClass[]) {
    // The router appends its system contract to the array it is given, so hand it a copy.
    this.#router = new ChaincodeFromContract([...contracts], defaultSerializers, {}, 'govtrace', 'test');
  }

  /**
   * The contract metadata the router built from the classes: what `GetMetadata` answers on a peer.
   */
  metadata(): unknown {
    return this.#router.metadata;
  }

  /**
   * Invokes the function named by the stub's args (e.g. ['smoke:Put', 'k', 'v']). A thrown error is
   * the 500 response whose message is the error's message, as the server answers the peer.
   */
  async invoke(stub: InMemoryStub): Promise<ShimResponse> {
    const response = await this.#router.Invoke(stub);
    return {
      status: response.status,
      message: response.message ?? '',
      payload: Buffer.from(response.payload ?? new Uint8Array(0)),
    };
  }
}

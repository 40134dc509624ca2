import { type Context } from 'fabric-contract-api';
import { ChaincodeStub } from 'fabric-shim';

/**
 * Just enough of a transaction context for the chaincode's key functions (chaincode/src/*\/keys.ts,
 * recordKey), with fabric-shim's own composite-key code: tests compare the keys the index derives
 * from payloads with the keys the chaincode writes. Test-only (fabric-shim is the chaincode's
 * dependency, not the gateway's).
 */
export const chaincodeKeyContext = {
  stub: {
    createCompositeKey: (type: string, attributes: string[]): string =>
      ChaincodeStub.prototype.createCompositeKey.call(undefined, type, attributes),
    splitCompositeKey: (key: string) => ChaincodeStub.prototype.splitCompositeKey.call(undefined, key),
  },
} as unknown as Context;

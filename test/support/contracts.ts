import { type Contract, type Network } from '@hyperledger/fabric-gateway';
import { ContractHome } from '../../chaincode/src/contract';

// Each department's contracts live in a chaincode definition of their own (issue 13), so a client
// names the definition as well as the contract. The one table that says which definition serves a
// contract is chaincode/src/common/definitions.ts; tests take it from there, never spell it out.

/** A contract with one home definition (every one but `proof`, which each definition serves). */
export type DomainContract = keyof typeof ContractHome;

/** The contract `name` in the definition that serves it, on `network`. */
export function contractOf(network: Network, name: DomainContract): Contract {
  return network.getContract(ContractHome[name], name);
}

// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { type Contract } from 'fabric-contract-api';
import { definitionsFor } from './definitions';
import { Transactions } from './transactions';
import { DefinitionEntries } from '../testing/channel';

/** fabric-contract-api keeps its decorators' metadata with reflect-metadata, which it loads. */
const metadataOf = Reflect as unknown as { getMetadata(key: string, target: object): unknown };

/** The transaction names a contract class declares with @Transaction (fabric-contract-api's metadata). */
function declared(contract: Contract): string[] {
  const prototype = Object.getPrototypeOf(contract) as object;
  const metadata = metadataOf.getMetadata('fabric:transactions', prototype) as { name: string }[] | undefined;
  return (metadata ?? []).map((transaction) => transaction.name).sort();
}

describe('Transactions, the one list of transaction names', () => {
  const served = definitionsFor('test-fixtures').flatMap((definition) =>
    DefinitionEntries[definition.name].map((entry): Contract => new entry()),
  );

  it.each(served.map((contract) => [contract.getName(), contract] as const))(
    'names exactly the transactions contract %s declares',
    (name, contract) => {
      const listed = Object.keys(Transactions[name as keyof typeof Transactions]).sort();
      expect(listed).toEqual(declared(contract));
    },
  );

  it('lists no contract that no definition serves', () => {
    const names = new Set(served.map((contract) => contract.getName()));
    expect(Object.keys(Transactions).filter((name) => !names.has(name))).toEqual([]);
  });
});

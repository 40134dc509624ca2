// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractHome, definitionsFor } from '../common/definitions';
import { DefinitionEntries } from '../testing/channel';

const chaincodeDir = join(__dirname, '..', '..');
const definitions = definitionsFor('test-fixtures');

describe('one entry and one module path per chaincode definition', () => {
  it.each(definitions.map((definition) => [definition.name, definition] as const))(
    "%s serves exactly its definition's contracts, the default first",
    (_name, definition) => {
      const served = DefinitionEntries[definition.name].map((contract) => new contract().getName());
      expect(served).toEqual(definition.contracts);
      for (const contract of definition.contracts) {
        if (contract !== 'proof') expect(ContractHome[contract]).toBe(definition.name);
      }
    },
  );

  it.each(definitions.map((definition) => [definition.name] as const))(
    "module-paths/%s/package.json loads that definition's built entry",
    (name) => {
      const manifest = JSON.parse(
        readFileSync(join(chaincodeDir, 'module-paths', name, 'package.json'), 'utf8'),
      ) as Record<string, unknown>;
      // fabric-chaincode-node's bootstrap requires main and reports name and version as the metadata's
      expect(manifest).toMatchObject({
        name: `@govtrace/chaincode-${name}`,
        version: expect.stringMatching(/^\d+\.\d+\.\d+$/) as unknown,
        main: `../../dist/definitions/${name}.js`,
      });
    },
  );

  it('has no entry or module path that is not a definition', () => {
    const names = definitions.map((definition) => definition.name).sort();
    expect(readdirSync(join(chaincodeDir, 'module-paths')).sort()).toEqual(names);
    const entries = readdirSync(__dirname).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    );
    expect(entries.map((file) => file.replace(/\.ts$/, '')).sort()).toEqual(names);
  });
});

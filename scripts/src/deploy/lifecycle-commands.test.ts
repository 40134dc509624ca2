import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { paths } from '../lib/paths';
import { parseTopology } from '../network/topology';
import { loadDefinitionConfigs } from './chaincode-definitions';
import { definitionFlags, parseCommittedDefinitions } from './lifecycle-commands';

const topology = parseTopology(parse(readFileSync(paths.shippedTopologyFile, 'utf8')));

describe('parseCommittedDefinitions', () => {
  it('reads every definition of `querycommitted -O json` without a name', () => {
    const stdout = JSON.stringify({
      chaincode_definitions: [
        { name: 'realestate', sequence: 2, version: 'a1', endorsement_plugin: 'escc', collections: {} },
        { name: 'govtrace', sequence: 9, version: 'old' },
      ],
    });
    expect([...parseCommittedDefinitions(stdout)]).toEqual([
      ['realestate', { version: 'a1', sequence: 2 }],
      ['govtrace', { version: 'old', sequence: 9 }],
    ]);
  });

  it('reads an empty channel', () => {
    expect(parseCommittedDefinitions('{}').size).toBe(0);
    expect(parseCommittedDefinitions('').size).toBe(0);
  });
});

describe('definitionFlags', () => {
  it('names the definition, its policy and its collections; smoke has no collections flag', async () => {
    const configs = await loadDefinitionConfigs(topology);
    const tax = configs.get('tax');
    const smoke = configs.get('smoke');
    if (!tax || !smoke) throw new Error('missing configuration');
    expect(definitionFlags(topology, tax, 'v1', 3)).toEqual([
      '--signature-policy',
      "OR('TaxMSP.peer')",
      '--collections-config',
      `${paths.networkRoot}/chaincode/collections/tax.json`,
      '--channelID',
      'govtrace',
      '--name',
      'tax',
      '--version',
      'v1',
      '--sequence',
      '3',
    ]);
    expect(definitionFlags(topology, smoke, 'v1', 1)).not.toContain('--collections-config');
  });
});

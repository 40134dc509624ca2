import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { type ChaincodeName } from '../../../chaincode/src/contract';
import { OperatorError } from '../lib/errors';
import { networkPath, paths } from '../lib/paths';
import { parseTopology } from '../network/topology';
import {
  collectionsFileOf,
  definitionsFile,
  loadDefinitionConfigs,
  orOfPeers,
} from './chaincode-definitions';

// The shipped network/ files against chaincode/src/common/definitions.ts, and copies of them with one
// drift each: every drift must stop the load, naming the file and what the table says.

interface RawDefinitions {
  definitions: Record<string, { endorsementPolicy?: string }>;
}
interface RawCollection {
  name: string;
  policy: string;
  endorsementPolicy?: { signaturePolicy?: string; channelConfigPolicy?: string };
}

const topology = parseTopology(parse(readFileSync(paths.shippedTopologyFile, 'utf8')));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'govtrace-definitions-'));
  cpSync(definitionsFile(), definitionsFile(dir));
  cpSync(path.join(paths.networkDefinition, 'collections'), path.join(dir, 'collections'), {
    recursive: true,
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Each collection's name and derived counts, as `deploy` hands them to Fabric. */
function counts(configs: Awaited<ReturnType<typeof loadDefinitionConfigs>>, name: ChaincodeName): unknown {
  const json = configs.get(name)?.collections?.json ?? '[]';
  return (JSON.parse(json) as Record<string, unknown>[]).map((c) => [
    c['name'],
    c['requiredPeerCount'],
    c['maxPeerCount'],
  ]);
}

function editDefinitions(mutate: (raw: RawDefinitions) => void): void {
  const raw = parse(readFileSync(definitionsFile(dir), 'utf8')) as RawDefinitions;
  mutate(raw);
  writeFileSync(definitionsFile(dir), stringify(raw));
}
function editCollections(
  name: 'realestate' | 'tax',
  mutate: (raw: RawCollection[]) => RawCollection[],
): void {
  const file = collectionsFileOf(name, dir);
  writeFileSync(file, JSON.stringify(mutate(JSON.parse(readFileSync(file, 'utf8')) as RawCollection[])));
}

describe('orOfPeers', () => {
  it("reads OR('A.peer', …) and nothing else", () => {
    expect(orOfPeers("OR('RegistryMSP.peer')")).toEqual(['RegistryMSP']);
    expect(orOfPeers(" OR( 'TaxMSP.peer' ,'UrbanMSP.peer' ) ")).toEqual(['TaxMSP', 'UrbanMSP']);
    expect(orOfPeers("AND('RegistryMSP.peer')")).toBeUndefined();
    expect(orOfPeers("OR('RegistryMSP.member')")).toBeUndefined();
    expect(orOfPeers("OutOf(1, 'RegistryMSP.peer')")).toBeUndefined();
    expect(orOfPeers("OR('RegistryMSP.peer', OR('TaxMSP.peer'))")).toBeUndefined();
  });
});

describe('loadDefinitionConfigs', () => {
  it("loads the shipped files: each production definition is its department's peer alone", async () => {
    const configs = await loadDefinitionConfigs(topology);
    expect([...configs.keys()]).toEqual(['realestate', 'tax', 'business', 'waste', 'smoke']);
    expect(configs.get('realestate')?.endorsementPolicy).toBe("OR('RegistryMSP.peer')");
    expect(configs.get('tax')?.endorsementPolicy).toBe("OR('TaxMSP.peer')");
    expect(configs.get('business')?.endorsementPolicy).toBe("OR('MarketMSP.peer')");
    expect(configs.get('waste')?.endorsementPolicy).toBe("OR('UrbanMSP.peer')");
    expect(orOfPeers(configs.get('smoke')?.endorsementPolicy ?? '')).toHaveLength(4);
    expect(configs.get('smoke')?.collections).toBeUndefined();
    expect(configs.get('tax')?.collections?.file).toBe(networkPath('chaincode', 'collections', 'tax.json'));
  });

  it('keeps deedTaxShared with tax, its members the tax bureau and the registry', () => {
    const [shared, ...others] = JSON.parse(readFileSync(collectionsFileOf('tax'), 'utf8')) as RawCollection[];
    expect(others).toEqual([]);
    expect(shared?.name).toBe('deedTaxShared');
    expect(shared?.policy).toBe("OR('TaxMSP.member', 'RegistryMSP.member')");
    expect(shared?.endorsementPolicy).toEqual({ signaturePolicy: "OR('TaxMSP.peer')" });
  });

  it('gives each definition its own fingerprint, which changes with its policy or collections only', async () => {
    const before = await loadDefinitionConfigs(topology, dir);
    editCollections('tax', (raw) => raw.map((c) => ({ ...c, blockToLive: 10 })));
    const after = await loadDefinitionConfigs(topology, dir);
    expect(after.get('tax')?.fingerprint).not.toBe(before.get('tax')?.fingerprint);
    expect(after.get('realestate')?.fingerprint).toBe(before.get('realestate')?.fingerprint);
  });

  it('derives the dissemination counts from the topology, and a second peer is a new fingerprint', async () => {
    const one = await loadDefinitionConfigs(topology, dir);
    expect(counts(one, 'realestate')).toEqual([['registryPrivate', 0, 0]]);
    expect(counts(one, 'tax')).toEqual([['deedTaxShared', 1, 1]]);

    const [registry, ...others] = topology.peerOrgs;
    if (!registry) throw new Error('no registry');
    const first = registry.peers[0];
    const second = { ...first, name: 'peer1', port: 7061, chaincodePort: 7062, operationsPort: 9454 };
    const two = await loadDefinitionConfigs(
      { ...topology, peerOrgs: [{ ...registry, peers: [first, second] }, ...others] },
      dir,
    );
    expect(counts(two, 'realestate')).toEqual([['registryPrivate', 1, 1]]);
    expect(counts(two, 'tax')).toEqual([['deedTaxShared', 1, 2]]);
    for (const name of ['realestate', 'tax'] as const) {
      expect(two.get(name)?.fingerprint).not.toBe(one.get(name)?.fingerprint);
    }
    for (const name of ['business', 'waste', 'smoke'] as const) {
      expect(two.get(name)?.fingerprint).toBe(one.get(name)?.fingerprint);
    }
  });

  it('ships collections without hand-written dissemination counts', () => {
    for (const name of ['realestate', 'tax', 'business', 'waste'] as const) {
      const raw = readFileSync(collectionsFileOf(name), 'utf8');
      expect(raw).not.toMatch(/requiredPeerCount|maxPeerCount/);
    }
  });

  it.each<[string, () => void, RegExp]>([
    [
      'a production definition any department may endorse (the old single policy)',
      () =>
        editDefinitions((raw) => {
          raw.definitions['realestate'] = {
            endorsementPolicy: "OR('RegistryMSP.peer', 'MarketMSP.peer', 'TaxMSP.peer', 'UrbanMSP.peer')",
          };
        }),
      /realestate\.endorsementPolicy .*definitions\.ts says OR\('RegistryMSP\.peer'\)$/,
    ],
    [
      'another department as the endorser',
      () => editDefinitions((raw) => (raw.definitions['waste'] = { endorsementPolicy: "OR('TaxMSP.peer')" })),
      /waste\.endorsementPolicy .* says OR\('UrbanMSP\.peer'\)/,
    ],
    [
      'a policy of another form',
      () => editDefinitions((raw) => (raw.definitions['tax'] = { endorsementPolicy: "AND('TaxMSP.peer')" })),
      /tax\.endorsementPolicy is "AND/,
    ],
    [
      'a definition missing',
      () => editDefinitions((raw) => delete raw.definitions['business']),
      /definition business is missing/,
    ],
    [
      'a definition the table does not have',
      () =>
        editDefinitions((raw) => (raw.definitions['govtrace'] = { endorsementPolicy: "OR('TaxMSP.peer')" })),
      /govtrace is no chaincode definition/,
    ],
    [
      'a collection in the wrong definition',
      () =>
        editCollections('realestate', (raw) => [
          ...raw,
          { name: 'deedTaxShared', policy: "OR('RegistryMSP.member')" },
        ]),
      /collections\/realestate\.json: the collections of realestate are \["registryPrivate","deedTaxShared"\]/,
    ],
    [
      'a collection missing',
      () => editCollections('tax', () => []),
      /the collections of tax are \[\]; .* says \["deedTaxShared"\]/,
    ],
    [
      'a collection-level endorsement policy naming another department',
      () =>
        editCollections('tax', (raw) =>
          raw.map((c) => ({ ...c, endorsementPolicy: { signaturePolicy: "OR('RegistryMSP.peer')" } })),
        ),
      /deedTaxShared\.endorsementPolicy must be \{ "signaturePolicy": "OR\('TaxMSP\.peer'\)" \}/,
    ],
    [
      'a collection-level channel policy',
      () =>
        editCollections('tax', (raw) =>
          raw.map((c) => ({ ...c, endorsementPolicy: { channelConfigPolicy: 'Endorsement' } })),
        ),
      /deedTaxShared\.endorsementPolicy must be/,
    ],
    [
      'a hand-written maxPeerCount',
      () => editCollections('realestate', (raw) => raw.map((c) => ({ ...c, maxPeerCount: 0 }))),
      /registryPrivate sets maxPeerCount; deploy derives them .*: remove them from the file/,
    ],
    [
      'collections for the smoke fixture',
      () =>
        writeFileSync(
          collectionsFileOf('smoke', dir),
          JSON.stringify([{ name: 'smokePrivate', policy: "OR('TaxMSP.member')" }]),
        ),
      /the collections of smoke are \["smokePrivate"\]/,
    ],
  ])('refuses %s', async (_label, drift, reason) => {
    drift();
    const load = loadDefinitionConfigs(topology, dir);
    await expect(load).rejects.toThrow(OperatorError);
    await expect(loadDefinitionConfigs(topology, dir)).rejects.toThrow(reason);
  });
});

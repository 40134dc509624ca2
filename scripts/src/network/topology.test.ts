import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { OperatorError } from '../lib/errors';
import { paths } from '../lib/paths';
import {
  address,
  anchorPeer,
  chaincodeServer,
  fqdn,
  listeningSockets,
  parseTopology,
  peerProcessName,
} from './topology';

// The raw document, typed just enough for the mutations below.
interface RawPeer {
  name: string;
  host: string;
  port: number;
  chaincodePort: number;
  operationsPort: number;
  [other: string]: unknown;
}
interface RawTopology {
  peerOrgs: {
    key: string;
    mspId: string;
    ca?: unknown;
    peers: RawPeer[];
    [other: string]: unknown;
    chaincodeServers: { host: string; ports: Record<string, number> };
  }[];
  ordererOrg: { orderers: { adminPort: number }[] };
}

const shipped = (): RawTopology => parse(readFileSync(paths.shippedTopologyFile, 'utf8')) as RawTopology;
const org = (t: RawTopology, i: number): RawTopology['peerOrgs'][number] => {
  const found = t.peerOrgs[i];
  if (!found) throw new Error(`no org ${i}`);
  return found;
};
const peer0 = (t: RawTopology, i: number): RawPeer => {
  const found = org(t, i).peers[0];
  if (!found) throw new Error(`org ${i} has no peer`);
  return found;
};
/** The shipped topology with a second registry peer, as a deployment with two disks writes it. */
const withSecondRegistryPeer = (): RawTopology => {
  const t = shipped();
  org(t, 0).peers.push({
    name: 'peer1',
    host: '127.0.0.1',
    port: 7061,
    chaincodePort: 7062,
    operationsPort: 9454,
  });
  return t;
};

describe('topology.yaml', () => {
  it('describes three orderers and the four departments on loopback', () => {
    const topology = parseTopology(shipped());
    expect(topology.ordererOrg.orderers.map((o) => o.name)).toEqual(['orderer1', 'orderer2', 'orderer3']);
    expect(topology.peerOrgs.map((o) => o.mspId)).toEqual(['RegistryMSP', 'MarketMSP', 'TaxMSP', 'UrbanMSP']);
    expect(listeningSockets(topology).every((s) => s.host === '127.0.0.1')).toBe(true);
  });

  it('keeps one peer per department locally (CI time and memory on a 2-core machine)', () => {
    const topology = parseTopology(shipped());
    expect(topology.peerOrgs.map((o) => o.peers.map((p) => p.name))).toEqual([
      ['peer0'],
      ['peer0'],
      ['peer0'],
      ['peer0'],
    ]);
    expect(topology.peerOrgs.map((o) => peerProcessName(o, anchorPeer(o)))).toEqual([
      'peer-registry',
      'peer-market',
      'peer-tax',
      'peer-urban',
    ]);
  });

  it('reads a second peer: the first stays the anchor, each has its own name, host name and sockets', () => {
    const topology = parseTopology(withSecondRegistryPeer());
    const registry = topology.peerOrgs[0];
    if (!registry) throw new Error('no registry');
    expect(registry.peers.map((p) => [p.name, p.port, p.chaincodePort, p.operationsPort])).toEqual([
      ['peer0', 7051, 7052, 9444],
      ['peer1', 7061, 7062, 9454],
    ]);
    expect(anchorPeer(registry).name).toBe('peer0');
    expect(registry.peers.map((p) => peerProcessName(registry, p))).toEqual([
      'peer-registry',
      'peer-registry-peer1',
    ]);
    expect(registry.peers.map((p) => fqdn.peer(registry, p))).toEqual([
      'peer0.registry.govtrace.local',
      'peer1.registry.govtrace.local',
    ]);
    const sockets = listeningSockets(topology).filter((s) => s.label.startsWith('registry peer'));
    expect(sockets).toEqual([
      { label: 'registry peer0', host: '127.0.0.1', port: 7051 },
      { label: 'registry peer0 chaincode listener', host: '127.0.0.1', port: 7052 },
      { label: 'registry peer0 operations', host: '127.0.0.1', port: 9444 },
      { label: 'registry peer1', host: '127.0.0.1', port: 7061 },
      { label: 'registry peer1 chaincode listener', host: '127.0.0.1', port: 7062 },
      { label: 'registry peer1 operations', host: '127.0.0.1', port: 9454 },
    ]);
    expect(topology.peerOrgs.slice(1).every((o) => o.peers.length === 1)).toBe(true);
  });

  it.each<[string, (t: RawTopology) => void, string]>([
    [
      'the old one-peer key `peer`',
      (t) => {
        const o = org(t, 1);
        o['peer'] = o.peers[0];
        delete (o as { peers?: unknown }).peers;
      },
      'peerOrgs[1].peer is no longer read: one peer is now written as `peers: [',
    ],
    [
      '`peer` next to `peers`',
      (t) => (org(t, 0)['peer'] = peer0(t, 0)),
      'peerOrgs[0].peer is no longer read',
    ],
    ['an empty peer list', (t) => (org(t, 2).peers = []), 'peerOrgs[2].peers must be a non-empty list'],
    [
      'a peer list that is a mapping',
      (t) => ((org(t, 2) as Record<string, unknown>)['peers'] = peer0(t, 2)),
      'peerOrgs[2].peers must be a non-empty list',
    ],
    ['an unknown key in an org', (t) => (org(t, 3)['peerz'] = []), 'peerOrgs[3].peerz is not a known key'],
    [
      'an unknown key in a peer',
      (t) => (peer0(t, 0)['adminPort'] = 7070),
      'peerOrgs[0].peers[0].adminPort is not a known key',
    ],
    [
      'two peers of one org with one name',
      (t) => (org(t, 0).peers[1] = { ...peer0(t, 0), port: 7061, chaincodePort: 7062, operationsPort: 9454 }),
      'peer name (org/peer) "registry/peer0" is used twice',
    ],
    [
      "a second peer on the first's port",
      (t) => org(t, 0).peers.push({ ...peer0(t, 0), name: 'peer1' }),
      '"127.0.0.1:7051" is used twice',
    ],
    [
      'a peer named like the chaincode servers’ TLS identity',
      (t) => (peer0(t, 0).name = 'chaincode'),
      'peerOrgs[0].peers[0].name is reserved',
    ],
    ['a peer name with upper case', (t) => (peer0(t, 0).name = 'Peer0'), 'peerOrgs[0].peers[0].name must be'],
    [
      'a peer process name that is another org’s first peer’s',
      (t) => {
        org(t, 0).peers.push({
          name: 'x',
          host: '127.0.0.1',
          port: 7071,
          chaincodePort: 7072,
          operationsPort: 9455,
        });
        org(t, 1).key = 'registry-x';
      },
      'peer process name "peer-registry-x" is used twice',
    ],
  ])('refuses %s', (_label, mutate, expected) => {
    const document = withSecondRegistryPeer();
    mutate(document);
    expect(() => parseTopology(document)).toThrow(OperatorError);
    expect(() => parseTopology(document)).toThrow(expected);
  });

  it.each([
    ['a port used twice', (t: RawTopology) => (peer0(t, 1).port = peer0(t, 0).port), 'is used twice'],
    [
      'a port below 1024',
      (t: RawTopology) => ((t.ordererOrg.orderers[0] ?? { adminPort: 0 }).adminPort = 80),
      'orderers[0].adminPort',
    ],
    ['a missing field', (t: RawTopology) => delete org(t, 2).ca, 'peerOrgs[2].ca'],
    ['a duplicate MSP id', (t: RawTopology) => (org(t, 3).mspId = 'TaxMSP'), 'MSP id "TaxMSP"'],
    ['an empty orderer list', (t: RawTopology) => (t.ordererOrg.orderers = []), 'non-empty list'],
    ['a bad host', (t: RawTopology) => (peer0(t, 0).host = 'bad host'), 'peerOrgs[0].peers[0].host'],
    [
      'a definition without a chaincode server port',
      (t: RawTopology) => delete org(t, 1).chaincodeServers.ports['smoke'],
      'peerOrgs[1].chaincodeServers.ports.smoke',
    ],
    [
      'a chaincode server port for a definition that does not exist',
      (t: RawTopology) => (org(t, 0).chaincodeServers.ports['govtrace'] = 7060),
      'names no chaincode definition: govtrace',
    ],
    [
      "a chaincode server port that is another node's",
      (t: RawTopology) => (org(t, 2).chaincodeServers.ports['waste'] = peer0(t, 2).port),
      '"127.0.0.1:9051" is used twice',
    ],
    [
      'two definitions on one chaincode server port',
      (t: RawTopology) => (org(t, 3).chaincodeServers.ports['tax'] = 10055),
      '"127.0.0.1:10055" is used twice',
    ],
  ])('refuses %s, naming the field', (_label, mutate, expected) => {
    const document = shipped();
    mutate(document);
    expect(() => parseTopology(document)).toThrow(OperatorError);
    expect(() => parseTopology(document)).toThrow(expected);
  });

  it("gives each department one chaincode server port per definition, on the servers' one host", () => {
    const topology = parseTopology(shipped());
    const ports = (key: string): number[] => {
      const found = topology.peerOrgs.find((o) => o.key === key);
      if (!found) throw new Error(`no org ${key}`);
      return (['realestate', 'tax', 'business', 'waste', 'smoke'] as const).map(
        (name) => chaincodeServer(found, name).port,
      );
    };
    expect(ports('registry')).toEqual([7055, 7056, 7057, 7058, 7059]);
    expect(ports('market')).toEqual([8055, 8056, 8057, 8058, 8059]);
    expect(ports('tax')).toEqual([9055, 9056, 9057, 9058, 9059]);
    expect(ports('urban')).toEqual([10055, 10056, 10057, 10058, 10059]);
    // the socket-conflict check covers every one of them
    const checked = listeningSockets(topology).filter((s) => s.label.includes('chaincode server'));
    expect(checked).toHaveLength(20);
    expect(checked[0]).toEqual({
      label: 'registry chaincode server realestate',
      host: '127.0.0.1',
      port: 7055,
    });
  });

  it('brackets IPv6 hosts in addresses', () => {
    expect(address({ host: '::1', port: 7051 })).toBe('[::1]:7051');
    expect(address({ host: '127.0.0.1', port: 7051 }, 9)).toBe('127.0.0.1:9');
  });
});

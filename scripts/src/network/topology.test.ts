import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { OperatorError } from '../lib/errors';
import { paths } from '../lib/paths';
import { address, chaincodeServer, listeningSockets, parseTopology } from './topology';

// The raw document, typed just enough for the mutations below.
interface RawTopology {
  peerOrgs: {
    mspId: string;
    ca?: unknown;
    peer: { host: string; port: number };
    chaincodeServers: { host: string; ports: Record<string, number> };
  }[];
  ordererOrg: { orderers: { adminPort: number }[] };
}

const shipped = (): RawTopology => parse(readFileSync(paths.topologyFile, 'utf8')) as RawTopology;
const org = (t: RawTopology, i: number): RawTopology['peerOrgs'][number] => {
  const found = t.peerOrgs[i];
  if (!found) throw new Error(`no org ${i}`);
  return found;
};

describe('topology.yaml', () => {
  it('describes three orderers and the four departments on loopback', () => {
    const topology = parseTopology(shipped());
    expect(topology.ordererOrg.orderers.map((o) => o.name)).toEqual(['orderer1', 'orderer2', 'orderer3']);
    expect(topology.peerOrgs.map((o) => o.mspId)).toEqual(['RegistryMSP', 'MarketMSP', 'TaxMSP', 'UrbanMSP']);
    expect(listeningSockets(topology).every((s) => s.host === '127.0.0.1')).toBe(true);
  });

  it.each([
    ['a port used twice', (t: RawTopology) => (org(t, 1).peer.port = org(t, 0).peer.port), 'is used twice'],
    [
      'a port below 1024',
      (t: RawTopology) => ((t.ordererOrg.orderers[0] ?? { adminPort: 0 }).adminPort = 80),
      'orderers[0].adminPort',
    ],
    ['a missing field', (t: RawTopology) => delete org(t, 2).ca, 'peerOrgs[2].ca'],
    ['a duplicate MSP id', (t: RawTopology) => (org(t, 3).mspId = 'TaxMSP'), 'MSP id "TaxMSP"'],
    ['an empty orderer list', (t: RawTopology) => (t.ordererOrg.orderers = []), 'non-empty list'],
    ['a bad host', (t: RawTopology) => (org(t, 0).peer.host = 'bad host'), 'peerOrgs[0].peer.host'],
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
      (t: RawTopology) => (org(t, 2).chaincodeServers.ports['waste'] = org(t, 2).peer.port),
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

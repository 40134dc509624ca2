import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { OperatorError } from '../lib/errors';
import { paths } from '../lib/paths';
import { address, listeningSockets, parseTopology } from './topology';

// The raw document, typed just enough for the mutations below.
interface RawTopology {
  peerOrgs: { mspId: string; ca?: unknown; peer: { host: string; port: number } }[];
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
  ])('refuses %s, naming the field', (_label, mutate, expected) => {
    const document = shipped();
    mutate(document);
    expect(() => parseTopology(document)).toThrow(OperatorError);
    expect(() => parseTopology(document)).toThrow(expected);
  });

  it('brackets IPv6 hosts in addresses', () => {
    expect(address({ host: '::1', port: 7051 })).toBe('[::1]:7051');
    expect(address({ host: '127.0.0.1', port: 7051 }, 9)).toBe('127.0.0.1:9');
  });
});

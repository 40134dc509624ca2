import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { OperatorError } from '../lib/errors';
import { paths } from '../lib/paths';
import { address, listeningSockets, parseTopology } from './topology';

const shipped = (): unknown => parse(readFileSync(paths.topologyFile, 'utf8'));

describe('topology.yaml', () => {
  it('describes three orderers and the four departments on loopback', () => {
    const topology = parseTopology(shipped());
    expect(topology.ordererOrg.orderers.map((o) => o.name)).toEqual(['orderer1', 'orderer2', 'orderer3']);
    expect(topology.peerOrgs.map((o) => o.mspId)).toEqual(['RegistryMSP', 'MarketMSP', 'TaxMSP', 'UrbanMSP']);
    expect(listeningSockets(topology).every((s) => s.host === '127.0.0.1')).toBe(true);
  });

  it.each([
    ['a port used twice', (t: Record<string, any>) => (t.peerOrgs[1].peer.port = t.peerOrgs[0].peer.port), 'is used twice'],
    ['a port below 1024', (t: Record<string, any>) => (t.ordererOrg.orderers[0].adminPort = 80), 'orderers[0].adminPort'],
    ['a missing field', (t: Record<string, any>) => delete t.peerOrgs[2].ca, 'peerOrgs[2].ca'],
    ['a duplicate MSP id', (t: Record<string, any>) => (t.peerOrgs[3].mspId = 'TaxMSP'), 'MSP id "TaxMSP"'],
    ['an empty orderer list', (t: Record<string, any>) => (t.ordererOrg.orderers = []), 'non-empty list'],
    ['a bad host', (t: Record<string, any>) => (t.peerOrgs[0].peer.host = 'bad host'), 'peerOrgs[0].peer.host'],
  ])('refuses %s, naming the field', (_label, mutate, expected) => {
    const document = shipped() as Record<string, any>;
    mutate(document);
    expect(() => parseTopology(document)).toThrow(OperatorError);
    expect(() => parseTopology(document)).toThrow(expected);
  });

  it('brackets IPv6 hosts in addresses', () => {
    expect(address({ host: '::1', port: 7051 })).toBe('[::1]:7051');
    expect(address({ host: '127.0.0.1', port: 7051 }, 9)).toBe('127.0.0.1:9');
  });
});

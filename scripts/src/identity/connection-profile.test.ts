import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { paths } from '../lib/paths';
import { crypto } from '../network/crypto-layout';
import { parseTopology } from '../network/topology';
import { connectionProfile } from './connection-profile';

const topology = parseTopology(parse(readFileSync(paths.shippedTopologyFile, 'utf8')));

describe('connectionProfile', () => {
  it("names the channel and each department's peer as the gateway dials it, and no chaincode", () => {
    const profile = connectionProfile(topology);
    expect(profile.channel).toBe('govtrace');
    // the gateway takes the chaincode definitions' names from chaincode/src/common/definitions.ts
    expect(Object.keys(profile).sort()).toEqual(['channel', 'peers']);
    expect(profile.peers.map((p) => [p.mspId, p.endpoint, p.hostnameOverride])).toEqual([
      ['RegistryMSP', '127.0.0.1:7051', 'peer0.registry.govtrace.local'],
      ['MarketMSP', '127.0.0.1:8051', 'peer0.market.govtrace.local'],
      ['TaxMSP', '127.0.0.1:9051', 'peer0.tax.govtrace.local'],
      ['UrbanMSP', '127.0.0.1:10051', 'peer0.urban.govtrace.local'],
    ]);
    const registry = topology.peerOrgs[0];
    if (!registry) throw new Error('no org');
    expect(profile.peers[0]?.tlsRootCertPath).toBe(crypto.peerTlsCa(registry));
    expect(profile.peers[0]?.tlsRootCertPath).toMatch(/tlsca\.registry\.govtrace\.local-cert\.pem$/);
  });
});

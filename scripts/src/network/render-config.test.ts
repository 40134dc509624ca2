import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { paths } from '../lib/paths';
import { cryptoRoot } from './crypto-layout';
import { renderConfigtx, renderCryptoConfig } from './render-config';
import { parseTopology } from './topology';

const read = (file: string): string => readFileSync(path.join(paths.networkDefinition, file), 'utf8');
const topology = parseTopology(parse(read('topology.yaml')));

interface Spec {
  Hostname: string;
  SANS: string[];
}

describe('renderCryptoConfig', () => {
  const rendered = parse(renderCryptoConfig(read('crypto-config.yaml'), topology)) as {
    OrdererOrgs: { Specs: Spec[] }[];
    PeerOrgs: { Domain: string; Specs: Spec[] }[];
  };

  it('gives each orderer a spec with its host in the TLS names', () => {
    expect(rendered.OrdererOrgs[0]?.Specs.map((s) => s.Hostname)).toEqual([
      'orderer1',
      'orderer2',
      'orderer3',
    ]);
    expect(rendered.OrdererOrgs[0]?.Specs[0]?.SANS).toContain('127.0.0.1');
  });

  it('gives each department its peer, chaincode server and Fabric CA TLS identities', () => {
    for (const org of rendered.PeerOrgs) {
      expect(org.Specs.map((s) => s.Hostname)).toEqual(['peer0', 'chaincode', 'ca']);
      expect(org.Specs[2]?.SANS).toContain('127.0.0.1');
    }
  });

  it('gives each peer of a department its own TLS identity, with its own host in the names', () => {
    const [registry, ...others] = topology.peerOrgs;
    if (!registry) throw new Error('no org');
    const second = { ...registry.peers[0], name: 'peer1', host: 'peer1.registry.example', port: 7061 };
    const two = {
      ...topology,
      peerOrgs: [{ ...registry, peers: [registry.peers[0], second] as const }, ...others],
    };
    const specs = (
      parse(renderCryptoConfig(read('crypto-config.yaml'), two)) as { PeerOrgs: { Specs: Spec[] }[] }
    ).PeerOrgs[0]?.Specs;
    expect(specs?.map((s) => s.Hostname)).toEqual(['peer0', 'peer1', 'chaincode', 'ca']);
    expect(specs?.[1]?.SANS).toEqual(['peer1.registry.example', '127.0.0.1', 'localhost']);
    // the anchor peer stays the first one
    const configtx = parse(renderConfigtx(read('configtx.yaml'), two), { merge: true }) as {
      Organizations: { ID: string; AnchorPeers?: { Host: string; Port: number }[] }[];
    };
    expect(configtx.Organizations.find((o) => o.ID === 'RegistryMSP')?.AnchorPeers).toEqual([
      { Host: '127.0.0.1', Port: 7051 },
    ]);
  });

  it("puts the chaincode servers' host in their one TLS certificate, whatever the definition", () => {
    const [registry, ...others] = topology.peerOrgs;
    if (!registry) throw new Error('no org');
    const remote = {
      ...topology,
      peerOrgs: [
        { ...registry, chaincodeServers: { ...registry.chaincodeServers, host: 'cc.registry.example' } },
        ...others,
      ],
    };
    const specs = (
      parse(renderCryptoConfig(read('crypto-config.yaml'), remote)) as { PeerOrgs: { Specs: Spec[] }[] }
    ).PeerOrgs[0]?.Specs;
    expect(specs?.find((s) => s.Hostname === 'chaincode')?.SANS).toEqual([
      'cc.registry.example',
      '127.0.0.1',
      'localhost',
    ]);
  });
});

describe('renderConfigtx', () => {
  const rendered = parse(renderConfigtx(read('configtx.yaml'), topology), { merge: true }) as {
    Organizations: { ID: string; MSPDir: string; AnchorPeers?: unknown[]; OrdererEndpoints?: string[] }[];
    Profiles: {
      GovtraceChannel: {
        Orderer: { EtcdRaft: { Consenters: { Host: string; Port: number; ClientTLSCert: string }[] } };
        Application: { Organizations: { ID: string; AnchorPeers: { Host: string; Port: number }[] }[] };
      };
    };
  };

  it('makes MSP folders absolute inside the runtime crypto folder', () => {
    for (const org of rendered.Organizations) expect(org.MSPDir.startsWith(cryptoRoot())).toBe(true);
  });

  it('lists the three Raft consenters in the profile, through the merge keys', () => {
    const consenters = rendered.Profiles.GovtraceChannel.Orderer.EtcdRaft.Consenters;
    expect(consenters.map((c) => c.Port)).toEqual([7050, 7150, 7250]);
    expect(consenters[0]?.ClientTLSCert).toMatch(/orderer1\.orderer\.govtrace\.local\/tls\/server\.crt$/);
  });

  it('sets each department as an anchor peer at its topology address', () => {
    const orgs = rendered.Profiles.GovtraceChannel.Application.Organizations;
    expect(orgs.map((o) => [o.ID, o.AnchorPeers[0]?.Port])).toEqual([
      ['RegistryMSP', 7051],
      ['MarketMSP', 8051],
      ['TaxMSP', 9051],
      ['UrbanMSP', 10051],
    ]);
  });
});

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { networkPath, paths } from '../lib/paths';
import { cryptoRoot } from '../network/crypto-layout';
import { parseTopology } from '../network/topology';
import { renderCaServerConfig } from './ca-server-config';
import { caFiles, caSiteFor } from './ca-site';

const topology = parseTopology(parse(readFileSync(paths.shippedTopologyFile, 'utf8')));
const registry = topology.peerOrgs[0];
if (!registry) throw new Error('no org in topology.yaml');
const site = caSiteFor(registry);

interface RenderedConfig {
  address: string;
  port: number;
  tls: { enabled: boolean; certfile: string; keyfile: string };
  ca: { name: string; certfile: string; keyfile: string };
  registry: { identities: { name: string; pass: string; type: string; attrs: Record<string, unknown> }[] };
  signing: { default: { usage: string[] } };
  operations: { listenAddress: string };
}

describe('the Fabric CA of a department', () => {
  it("signs with the org's MSP CA from cryptogen and serves TLS with its cryptogen node `ca`", () => {
    expect(site.name).toBe('ca-registry');
    expect(site.home).toBe(networkPath('ca', 'registry'));
    const orgDir = path.join(cryptoRoot(), 'peerOrganizations', 'registry.govtrace.local');
    expect(site.signing).toEqual({
      cert: path.join(orgDir, 'ca', 'ca.registry.govtrace.local-cert.pem'),
      key: path.join(orgDir, 'ca', 'priv_sk'),
    });
    expect(site.tls.cert).toBe(path.join(orgDir, 'peers', 'ca.registry.govtrace.local', 'tls', 'server.crt'));
    expect(site.tlsRootCert).toBe(path.join(orgDir, 'peers', 'ca.registry.govtrace.local', 'tls', 'ca.crt'));
    expect([site.host, site.port, site.operationsPort]).toEqual(['127.0.0.1', 7054, 9448]);
    expect(caFiles(site).adminPassword).toBe(path.join(site.home, 'admin-password'));
  });

  it("renders a configuration with the topology's address, the org CA and the given admin password", () => {
    const text = renderCaServerConfig(site, 'generated-password');
    const config = parse(text) as RenderedConfig;
    expect([config.address, config.port]).toEqual(['127.0.0.1', 7054]);
    expect(config.tls).toMatchObject({ enabled: true, certfile: site.tls.cert, keyfile: site.tls.key });
    expect(config.ca).toEqual({
      name: 'ca-registry',
      certfile: site.signing.cert,
      keyfile: site.signing.key,
    });
    expect(config.registry.identities).toHaveLength(1);
    expect(config.registry.identities[0]).toMatchObject({
      name: 'admin',
      pass: 'generated-password',
      type: 'client',
    });
    expect(config.registry.identities[0]?.attrs).toMatchObject({ 'hf.Revoker': true, 'hf.GenCRL': true });
    expect(config.signing.default.usage).toEqual(['digital signature']);
    // Never Fabric CA's default operations address, which is orderer1's.
    expect(config.operations.listenAddress).toBe('127.0.0.1:9448');
    expect(text).not.toContain('9443');
  });
});

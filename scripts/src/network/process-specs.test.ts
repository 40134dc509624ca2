import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { networkPath, paths } from '../lib/paths';
import {
  chaincodeServerName,
  chaincodeServerSpec,
  legacyChaincodeServerName,
  peerSpec,
} from './process-specs';
import { parseTopology } from './topology';

const topology = parseTopology(parse(readFileSync(paths.shippedTopologyFile, 'utf8')));
const org = (key: string) => {
  const found = topology.peerOrgs.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no org ${key}`);
  return found;
};
const flag = (args: readonly string[], name: string): string | undefined => args[args.indexOf(name) + 1];

describe('chaincode server process specs', () => {
  it("runs one server per org and definition, loading that definition's module on its port", () => {
    const spec = chaincodeServerSpec(org('market'), 'tax', 'tax_abc:0123');
    expect(spec.name).toBe('chaincode-market-tax');
    expect(flag(spec.args, '--chaincode-address')).toBe('127.0.0.1:8056');
    expect(flag(spec.args, '--chaincode-id')).toBe('tax_abc:0123');
    expect(flag(spec.args, '--module-path')).toBe(path.join(paths.chaincodeSource, 'module-paths', 'tax'));
    expect(spec.listens).toEqual([{ label: 'market chaincode server tax', host: '127.0.0.1', port: 8056 }]);
    expect(spec.health).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 8056 });
  });

  it("uses the org's one chaincode TLS identity for every definition, clients from the org's TLS CA", () => {
    const a = chaincodeServerSpec(org('urban'), 'waste', 'w:1');
    const b = chaincodeServerSpec(org('urban'), 'smoke', 's:1');
    for (const name of [
      '--chaincode-tls-cert-file',
      '--chaincode-tls-key-file',
      '--chaincode-tls-client-cacert-file',
    ]) {
      expect(flag(a.args, name)).toBe(flag(b.args, name));
    }
    expect(flag(a.args, '--chaincode-tls-cert-file')).toMatch(
      /chaincode\.urban\.govtrace\.local\/tls\/server\.crt$/,
    );
  });

  it('gives every (org, definition) its own process name, none the single-definition one', () => {
    const names = topology.peerOrgs.flatMap((each) =>
      (['realestate', 'tax', 'business', 'waste', 'smoke'] as const).map((name) =>
        chaincodeServerName(each, name),
      ),
    );
    expect(new Set(names).size).toBe(20);
    expect(names).toContain('chaincode-registry-realestate');
    expect(names).not.toContain(legacyChaincodeServerName(org('registry')));
  });
});

describe('peer process specs', () => {
  const raw = parse(readFileSync(paths.shippedTopologyFile, 'utf8')) as {
    peerOrgs: { key: string; peers: Record<string, unknown>[] }[];
  };
  raw.peerOrgs[0]?.peers.push({
    name: 'peer1',
    host: '127.0.0.1',
    port: 7061,
    chaincodePort: 7062,
    operationsPort: 9454,
  });
  const two = parseTopology(raw);
  const registry = two.peerOrgs[0];
  if (!registry) throw new Error('no registry');
  const [first, second] = registry.peers;
  if (!second) throw new Error('no second peer');
  const specs = [peerSpec(registry, first), peerSpec(registry, second)];

  it('runs one process per peer; the first keeps the one-peer name and data folder', () => {
    expect(specs.map((s) => s.name)).toEqual(['peer-registry', 'peer-registry-peer1']);
    expect(specs.map((s) => s.env['CORE_PEER_FILESYSTEMPATH'])).toEqual([
      networkPath('peers', 'registry'),
      networkPath('peers', 'registry-peer1'),
    ]);
    expect(specs.map((s) => s.env['CORE_PEER_ID'])).toEqual([
      'peer0.registry.govtrace.local',
      'peer1.registry.govtrace.local',
    ]);
  });

  it('gives each peer its own ports, sockets, identity and operations endpoint', () => {
    const [a, b] = specs;
    expect(b?.env['CORE_PEER_ADDRESS']).toBe('127.0.0.1:7061');
    expect(b?.env['CORE_PEER_LISTENADDRESS']).toBe('127.0.0.1:7061');
    expect(b?.env['CORE_PEER_CHAINCODELISTENADDRESS']).toBe('127.0.0.1:7062');
    expect(b?.env['CORE_OPERATIONS_LISTENADDRESS']).toBe('127.0.0.1:9454');
    expect(b?.listens).toEqual([
      { label: 'registry peer1', host: '127.0.0.1', port: 7061 },
      { label: 'registry peer1 chaincode listener', host: '127.0.0.1', port: 7062 },
      { label: 'registry peer1 operations', host: '127.0.0.1', port: 9454 },
    ]);
    expect(b?.health).toEqual({ kind: 'http', url: 'http://127.0.0.1:9454/healthz' });
    expect(b?.env['CORE_PEER_TLS_CERT_FILE']).toMatch(/peer1\.registry\.govtrace\.local\/tls\/server\.crt$/);
    expect(b?.env['CORE_PEER_MSPCONFIGPATH']).toMatch(/peer1\.registry\.govtrace\.local\/msp$/);
    expect(a?.env['CORE_PEER_TLS_CERT_FILE']).toMatch(/peer0\.registry\.govtrace\.local\/tls\/server\.crt$/);
  });

  it('bootstraps gossip inside the org: the second peer from the first, the first from the second', () => {
    expect(specs.map((s) => s.env['CORE_PEER_GOSSIP_BOOTSTRAP'])).toEqual([
      '127.0.0.1:7061',
      '127.0.0.1:7051',
    ]);
    expect(specs.map((s) => s.env['CORE_PEER_GOSSIP_EXTERNALENDPOINT'])).toEqual([
      '127.0.0.1:7051',
      '127.0.0.1:7061',
    ]);
    for (const s of specs) {
      expect(s.env['CORE_PEER_GOSSIP_USELEADERELECTION']).toBe('false');
      expect(s.env['CORE_PEER_GOSSIP_ORGLEADER']).toBe('true');
    }
  });

  it('bootstraps a lone peer from itself, as before', () => {
    const market = org('market');
    expect(peerSpec(market, market.peers[0]).env['CORE_PEER_GOSSIP_BOOTSTRAP']).toBe('127.0.0.1:8051');
  });

  it('gives a second peer on another host TLS on its operations endpoint, with its own certificate', () => {
    const remote = { ...second, host: 'peer1.registry.example' };
    const spec = peerSpec({ ...registry, peers: [first, remote] }, remote);
    expect(spec.env['CORE_OPERATIONS_TLS_ENABLED']).toBe('true');
    expect(spec.env['CORE_OPERATIONS_TLS_CERT_FILE']).toMatch(
      /peer1\.registry\.govtrace\.local\/tls\/server\.crt$/,
    );
    expect(spec.health).toMatchObject({ kind: 'https', url: 'https://peer1.registry.example:9454/healthz' });
  });
});

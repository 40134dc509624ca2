import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { paths } from '../lib/paths';
import { chaincodeServerName, chaincodeServerSpec, legacyChaincodeServerName } from './process-specs';
import { parseTopology } from './topology';

const topology = parseTopology(parse(readFileSync(paths.topologyFile, 'utf8')));
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

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { planHostExport, writeHostExport } from './host-export';
import { type EnrolledUser } from './identity-store';

const DEPARTMENTS = ['RegistryMSP', 'TaxMSP', 'MarketMSP', 'UrbanMSP'];

let source: string;
let out: string;

beforeEach(() => {
  source = mkdtempSync(path.join(tmpdir(), 'govtrace-export-source-'));
  out = path.join(mkdtempSync(path.join(tmpdir(), 'govtrace-export-')), 'urban-host');
});

afterEach(() => {
  rmSync(source, { recursive: true, force: true });
  rmSync(path.dirname(out), { recursive: true, force: true });
});

function user(name: string, mspId: string, revoked = false): EnrolledUser {
  for (const file of ['cert.pem', 'key.pem'])
    writeFileSync(path.join(source, `${name}-${file}`), `${name} ${file}`);
  return {
    user: name,
    mspId,
    role: 'some_role',
    certificatePath: path.join(source, `${name}-cert.pem`),
    privateKeyPath: path.join(source, `${name}-key.pem`),
    tokenSha256: 'a'.repeat(64),
    revoked,
    enrolledAt: '2026-12-04T00:00:00.000Z',
  };
}

function sources(users: EnrolledUser[]) {
  const holderLookupKey = path.join(source, 'holder-lookup.key');
  writeFileSync(holderLookupKey, 'pepper');
  const peers = ['RegistryMSP', 'UrbanMSP'].map((mspId) => {
    const tlsRootCertPath = path.join(source, `${mspId}-tls.pem`);
    writeFileSync(tlsRootCertPath, `${mspId} TLS CA`);
    return { mspId, endpoint: '127.0.0.1:7051', hostnameOverride: 'peer0.example', tlsRootCertPath };
  });
  return {
    store: { version: 1 as const, users },
    connection: { channel: 'govtrace', peers },
    holderLookupKey,
  };
}

describe('users export (one gateway host per department)', () => {
  it("exports only the departments' active users, with their keys, and no holder-lookup key elsewhere", async () => {
    const all = [
      user('urban-inspector', 'UrbanMSP'),
      user('station-1', 'UrbanMSP'),
      user('gone', 'UrbanMSP', true),
      user('registry-clerk', 'RegistryMSP'),
    ];
    const plan = planHostExport(sources(all), ['UrbanMSP'], DEPARTMENTS);
    await writeHostExport(plan, out);

    const store = JSON.parse(readFileSync(path.join(out, 'gateway', 'identities.json'), 'utf8')) as {
      users: EnrolledUser[];
    };
    expect(store.users.map((u) => u.user)).toEqual(['urban-inspector', 'station-1']);
    // paths relative to identities.json, as the gateway resolves them: the folder can move hosts
    const [first] = store.users;
    expect(first?.certificatePath).toBe('../identities/urban-inspector/cert.pem');
    const key = path.resolve(out, 'gateway', first?.privateKeyPath ?? '');
    expect(readFileSync(key, 'utf8')).toBe('urban-inspector key.pem');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const connection = JSON.parse(readFileSync(path.join(out, 'gateway', 'connection.json'), 'utf8')) as {
      peers: { mspId: string; tlsRootCertPath: string }[];
    };
    for (const peer of connection.peers) {
      const copied = path.resolve(out, 'gateway', peer.tlsRootCertPath);
      expect(readFileSync(copied, 'utf8')).toBe(`${peer.mspId} TLS CA`);
    }
    expect(() => statSync(path.join(out, 'identities', 'registry-clerk'))).toThrow();
    expect(() => statSync(path.join(out, 'identities', 'gone'))).toThrow();
    expect(() => statSync(path.join(out, 'gateway', 'holder-lookup.key'))).toThrow();
    expect(readFileSync(path.join(out, 'gateway.env'), 'utf8')).toMatch(/^GATEWAY_DEPARTMENTS=UrbanMSP$/m);
  });

  it("gives the registry's host the holder-lookup key", async () => {
    const plan = planHostExport(
      sources([user('registry-clerk', 'RegistryMSP')]),
      ['RegistryMSP'],
      DEPARTMENTS,
    );
    await writeHostExport(plan, out);

    expect(readFileSync(path.join(out, 'gateway', 'holder-lookup.key'), 'utf8')).toBe('pepper');
    expect(statSync(path.join(out, 'gateway', 'holder-lookup.key')).mode & 0o777).toBe(0o600);
  });

  it.each([[[]], [['CityMSP']], [['UrbanMSP', 'urbanmsp']]])(
    'refuses departments %j',
    (departments: string[]) => {
      expect(() => planHostExport(sources([]), departments, DEPARTMENTS)).toThrow(
        /no department given|unknown department/,
      );
    },
  );
});

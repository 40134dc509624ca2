import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { ConnectionProfileError, loadConnectionProfile, parseConnectionProfile } from './connection-profile';

const peer = {
  mspId: 'RegistryMSP',
  endpoint: '127.0.0.1:7051',
  hostnameOverride: 'peer0.registry.govtrace.local',
  tlsRootCertPath: 'tls/registry-ca.pem',
};

describe('parseConnectionProfile', () => {
  it('reads channel and peers, taking relative TLS paths from the file folder', () => {
    expect(parseConnectionProfile({ channel: 'govtrace', peers: [peer] }, '/srv/gw')).toEqual({
      channel: 'govtrace',
      peers: [{ ...peer, tlsRootCertPath: '/srv/gw/tls/registry-ca.pem' }],
    });
  });

  it("ignores an older file's chaincode name: the definitions come from definitions.ts", () => {
    expect(
      parseConnectionProfile({ channel: 'c', chaincode: 'govtrace', peers: [peer] }, '/x'),
    ).not.toHaveProperty('chaincode');
  });

  it('accepts a bracketed IPv6 endpoint and an absolute TLS path', () => {
    const parsed = parseConnectionProfile(
      {
        channel: 'c',

        peers: [{ ...peer, endpoint: '[::1]:7051', tlsRootCertPath: '/ca.pem' }],
      },
      '/x',
    );
    expect(parsed.peers[0]).toMatchObject({ endpoint: '[::1]:7051', tlsRootCertPath: '/ca.pem' });
  });

  it.each<[string, unknown, string]>([
    ['not an object', [], 'the file must be a JSON object'],
    ['no peers', { channel: 'c', peers: [] }, 'peers must be a non-empty array'],
    ['a bad channel', { channel: '', peers: [peer] }, 'channel must be'],
    [
      'an endpoint without port',
      { channel: 'c', peers: [{ ...peer, endpoint: 'peer0' }] },
      'peers[0].endpoint',
    ],
    [
      'a missing TLS path',
      { channel: 'c', peers: [{ ...peer, tlsRootCertPath: undefined }] },
      'peers[0].tlsRootCertPath',
    ],
  ])('refuses %s, naming the field', (_label, raw, message) => {
    expect(() => parseConnectionProfile(raw, '/x')).toThrow(ConnectionProfileError);
    expect(() => parseConnectionProfile(raw, '/x')).toThrow(message);
  });
});

describe('loadConnectionProfile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'govtrace-profile-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the file', async () => {
    const file = path.join(dir, 'connection.json');
    await writeFile(file, JSON.stringify({ channel: 'c', peers: [peer] }));
    await expect(loadConnectionProfile(file)).resolves.toMatchObject({ channel: 'c' });
  });

  it('says so when the file is missing or not JSON', async () => {
    await expect(loadConnectionProfile(path.join(dir, 'none.json'))).rejects.toThrow('file not found');
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{');
    await expect(loadConnectionProfile(file)).rejects.toThrow('not valid JSON');
  });
});

import { ConnectionProfileError, parseConnectionProfile } from './connection-profile-file';

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

import { IdentityFileError, parseIdentityStore } from './identity-file';

const user = {
  user: 'registry-clerk',
  mspId: 'RegistryMSP',
  role: 'registry_clerk',
  certificatePath: 'registry-clerk/cert.pem',
  privateKeyPath: '/keys/registry-clerk.pem',
  tokenSha256: 'AB'.repeat(32),
  revoked: false,
  enrolledAt: '2026-03-01T08:00:00.000Z',
};

describe('parseIdentityStore', () => {
  it('reads the users, resolving relative paths from the file folder and lower-casing the hash', () => {
    expect(parseIdentityStore({ version: 1, users: [user] }, '/srv/gateway')).toEqual({
      version: 1,
      users: [
        {
          ...user,
          certificatePath: '/srv/gateway/registry-clerk/cert.pem',
          tokenSha256: 'ab'.repeat(32),
        },
      ],
    });
  });

  it("keeps a device's binding, and refuses one that contradicts its role", () => {
    const unit = {
      ...user,
      user: 'truck-unit',
      mspId: 'UrbanMSP',
      role: 'vehicle_device',
      device: { vehicleId: '粤A12345' },
    };
    expect(parseIdentityStore({ version: 1, users: [unit] }, '/').users[0]?.device).toEqual({
      vehicleId: '粤A12345',
    });
    expect(parseIdentityStore({ version: 1, users: [user] }, '/').users[0]).not.toHaveProperty('device');
    expect(() => parseIdentityStore({ version: 1, users: [{ ...unit, device: undefined }] }, '/')).toThrow(
      new IdentityFileError('users[0]: a vehicle_device needs device.vehicleId'),
    );
    expect(() =>
      parseIdentityStore({ version: 1, users: [{ ...user, device: { siteId: 'LW-ST-001' } }] }, '/'),
    ).toThrow('users[0]: only a device role has a device binding, not registry_clerk');
    expect(() =>
      parseIdentityStore({ version: 1, users: [{ ...unit, device: { vehicleId: 'ABC' } }] }, '/'),
    ).toThrow('users[0]: device.vehicleId must be a mainland plate');
  });

  it('tolerates fields it does not know (newer writers)', () => {
    expect(parseIdentityStore({ version: 1, users: [{ ...user, extra: 1 }] }, '/').users).toHaveLength(1);
  });

  it.each<[string, unknown, string]>([
    ['another version', { version: 2, users: [] }, 'version must be 1'],
    ['no users array', { version: 1 }, 'users must be an array'],
    ['a user that is not an object', { version: 1, users: ['x'] }, 'users[0] must be a JSON object'],
    [
      'an empty user name',
      { version: 1, users: [{ ...user, user: ' ' }] },
      'users[0].user must be a non-empty string',
    ],
    [
      'a short token hash',
      { version: 1, users: [{ ...user, tokenSha256: 'abc' }] },
      'users[0].tokenSha256 must be 64',
    ],
    [
      'revoked as a string',
      { version: 1, users: [{ ...user, revoked: 'no' }] },
      'users[0].revoked must be true or false',
    ],
    [
      'two users with one name',
      { version: 1, users: [user, { ...user, tokenSha256: 'cd'.repeat(32) }] },
      'two users have the same user',
    ],
    [
      'two users with one token',
      { version: 1, users: [user, { ...user, user: 'other' }] },
      'two users have the same tokenSha256',
    ],
  ])('refuses %s', (_label, raw, message) => {
    expect(() => parseIdentityStore(raw, '/')).toThrow(IdentityFileError);
    expect(() => parseIdentityStore(raw, '/')).toThrow(message);
  });
});

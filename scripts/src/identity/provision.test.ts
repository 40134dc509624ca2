import { OperatorError } from '../lib/errors';
import { emptyStore, type EnrolledUser, withUser } from './identity-store';
import { usersToProvision } from './provision';
import { demoUsers, serviceUsers } from './roles';

const entry = (user: string, mspId: string, role: string, revoked = false): EnrolledUser => ({
  user,
  mspId,
  role,
  certificatePath: `/ids/${user}/cert.pem`,
  privateKeyPath: `/ids/${user}/key.pem`,
  tokenSha256: '0'.repeat(64),
  revoked,
  enrolledAt: '2026-11-24T00:00:00.000Z',
});

describe('usersToProvision', () => {
  it('is the demo users and the service users on a fresh checkout', () => {
    expect(usersToProvision(emptyStore)).toEqual([...demoUsers, ...serviceUsers]);
  });

  it('lists the holder verifier once, as a service user of RegistryMSP, even when the store has it', () => {
    const store = withUser(emptyStore, entry('holder-verifier', 'RegistryMSP', 'registry_verifier'));
    const verifiers = usersToProvision(store).filter((u) => u.role === 'registry_verifier');
    expect(verifiers).toEqual([
      { user: 'holder-verifier', mspId: 'RegistryMSP', role: 'registry_verifier', service: true },
    ]);
  });

  it('adds the users added later, once each, after the demo users', () => {
    const store = withUser(
      withUser(emptyStore, entry('hauler', 'UrbanMSP', 'hauler', true)),
      entry('clerk-2', 'RegistryMSP', 'registry_clerk'),
    );
    const users = usersToProvision(store);
    expect(users.map((u) => u.user)).toEqual([
      ...demoUsers.map((u) => u.user),
      ...serviceUsers.map((u) => u.user),
      'clerk-2',
    ]);
    expect(users.at(-1)).toEqual({ user: 'clerk-2', mspId: 'RegistryMSP', role: 'registry_clerk' });
  });

  it('refuses a store entry with a role nobody knows', () => {
    const store = withUser(emptyStore, entry('odd', 'RegistryMSP', 'superuser'));
    expect(() => usersToProvision(store)).toThrow(OperatorError);
  });

  it("keeps a device's binding, so `up` enrolls it again with the same vehicle or site", () => {
    const unit: EnrolledUser = {
      ...entry('truck-1', 'UrbanMSP', 'vehicle_device'),
      device: { vehicleId: '粤A12345' },
    };
    const store = withUser(withUser(emptyStore, unit), entry('clerk-2', 'RegistryMSP', 'registry_clerk'));
    const added = usersToProvision(store).slice(-2);
    expect(added).toEqual([
      { user: 'truck-1', mspId: 'UrbanMSP', role: 'vehicle_device', device: { vehicleId: '粤A12345' } },
      { user: 'clerk-2', mspId: 'RegistryMSP', role: 'registry_clerk' },
    ]);
  });
});

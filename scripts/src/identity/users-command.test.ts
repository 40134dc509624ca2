import { OperatorError } from '../lib/errors';
import { usersCommand } from './users-command';

// The refusal comes before the topology, the CA or any file is read: nothing is enrolled or written.
describe('users add', () => {
  it.each(['vehicle_device', 'site_device'])(
    'refuses the device role %s and names `devices add`',
    async (role) => {
      const added = usersCommand(['add', 'some-device', '--role', role]);
      await expect(added).rejects.toThrow(OperatorError);
      await expect(usersCommand(['add', 'some-device', '--role', role])).rejects.toMatchObject({
        message: `${role} is a device role: a device is enrolled with the vehicle or site it is fitted to`,
        hint: expect.stringContaining('npm run devices -- add <name> --vehicle <plate>') as unknown,
      });
    },
  );

  it('still refuses an unknown role and a role of another org as before', async () => {
    await expect(usersCommand(['add', 'x-1', '--role', 'overlord'])).rejects.toThrow(
      'unknown role "overlord"',
    );
    await expect(usersCommand(['add', 'x-1', '--role', 'hauler', '--org', 'TaxMSP'])).rejects.toThrow(
      'role hauler belongs to UrbanMSP, not TaxMSP',
    );
  });
});

import { devicesCommand } from './devices-command';

// Dispatch only: each case is refused before any file, CA or gateway is touched.
describe('npm run devices', () => {
  it('prints the usage and exits 2 without a known subcommand', async () => {
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const args of [[], ['enrol'], ['users']]) expect(await devicesCommand(args)).toBe(2);
      expect(printed).toHaveBeenCalledWith(
        expect.stringContaining('npm run devices -- add <name> --vehicle <plate>'),
      );
    } finally {
      printed.mockRestore();
    }
  });

  it.each([
    [['add', 'truck-1', '--vehicle', '粤I12345'], 'invalid --vehicle'],
    [['add', 'truck-1'], 'exactly one of --vehicle <plate> or --site <siteId>'],
    [['revoke', 'Not A Name'], 'invalid user name'],
    [['simulate', '--bags', '3'], '--bags must be a whole number'],
  ])('hands %j to its subcommand, which refuses it: %s', async (args, message) => {
    await expect(devicesCommand(args)).rejects.toThrow(message);
  });
});

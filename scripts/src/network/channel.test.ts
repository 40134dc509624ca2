import { alreadyJoined } from './channel';

describe('alreadyJoined', () => {
  it("recognises the peer's refusal to join a channel whose ledger it holds", () => {
    const refusal = new Error(
      'Error: proposal failed (err: bad proposal response 500: cannot create ledger from genesis block: ledger [govtrace] already exists with state [ACTIVE])',
    );
    expect(alreadyJoined(refusal)).toBe(true);
  });

  it.each([
    'transport: error while dialing: dial tcp 127.0.0.1:7051: connect: connection refused',
    'access denied: channel [govtrace] creator org [RegistryMSP]',
    'chaincode [govtrace] already exists',
  ])('does not mistake another failure for a join: %s', (text) => {
    expect(alreadyJoined(new Error(text))).toBe(false);
  });
});

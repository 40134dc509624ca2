import { withCommittedSubmit } from './committed-submit';
import { type LedgerCall, type LedgerClient, type SubmitResult } from './ledger-client.port';
import { ReplayingLedgerClient } from './replaying-ledger-client';

const CALL: LedgerCall = { contract: 'realestate', transaction: 'Register', args: ['{}'] };
const fresh: SubmitResult = { txId: 'new', blockNumber: 9n, result: Buffer.from('new') };
const committed: SubmitResult = { txId: 'first', blockNumber: 4n, result: Buffer.from('first') };

function client(): { ledger: ReplayingLedgerClient; submitted: LedgerCall[] } {
  const submitted: LedgerCall[] = [];
  const inner: LedgerClient = {
    submit: (_user, call) => {
      submitted.push(call);
      return Promise.resolve(fresh);
    },
    evaluate: () => Promise.resolve(Buffer.from('read')),
  };
  return { ledger: new ReplayingLedgerClient(inner), submitted };
}

describe('ReplayingLedgerClient', () => {
  it('submits through the adapter outside a replay', async () => {
    const { ledger, submitted } = client();
    await expect(ledger.submit('clerk', CALL)).resolves.toBe(fresh);
    expect(submitted).toEqual([CALL]);
  });

  it('answers the committed transaction without submitting, and still reads', async () => {
    const { ledger, submitted } = client();
    const answer = await withCommittedSubmit(committed, async () => {
      const read = await ledger.evaluate('clerk', CALL);
      return { read: Buffer.from(read).toString(), written: await ledger.submit('clerk', CALL) };
    });
    expect(answer).toEqual({ read: 'read', written: { ...committed, replayed: true } });
    expect(submitted).toEqual([]);
  });

  it('refuses a second submit in the same replay rather than writing', async () => {
    const { ledger, submitted } = client();
    await expect(
      withCommittedSubmit(committed, async () => {
        await ledger.submit('clerk', CALL);
        return ledger.submit('clerk', CALL);
      }),
    ).rejects.toThrow(/submitted twice/);
    expect(submitted).toEqual([]);
  });

  it('keeps concurrent requests apart: only the replayed one is answered from the ledger', async () => {
    const { ledger, submitted } = client();
    const [replayed, other] = await Promise.all([
      withCommittedSubmit(committed, () => ledger.submit('clerk', CALL)),
      ledger.submit('clerk', CALL),
    ]);
    expect(replayed).toEqual({ ...committed, replayed: true });
    expect(other).toBe(fresh);
    expect(submitted).toHaveLength(1);
  });
});

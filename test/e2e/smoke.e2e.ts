import { Transactions } from '../../chaincode/src/contract';
import { EndorseError } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';
import { contractOf } from '../support/contracts';
import { type OrgConnection, useTwoDepartments } from '../support/fabric-client';

// The foundation's proof of life: a transaction submitted through one
// department's peer commits on the channel and is read back from another
// department's peer, over TLS, with the chaincode running as a service.
describe('smoke: ledger round trip on the real network', () => {
  const departments = useTwoDepartments();

  async function chainHeight(connection: OrgConnection): Promise<bigint> {
    const qscc = connection.gateway.getNetwork(departments().channel).getContract('qscc');
    const info = common.BlockchainInfo.deserializeBinary(
      await qscc.evaluateTransaction('GetChainInfo', departments().channel),
    );
    return BigInt(info.getHeight());
  }

  it('commits a write through RegistryMSP and reads it back from MarketMSP', async () => {
    const key = `smoke-${Date.now()}`;
    const heightBefore = await chainHeight(departments().market);
    const writer = contractOf(departments().registry.gateway.getNetwork(departments().channel), 'smoke');

    const first = await writer.submitAsync(Transactions.smoke.Put, { arguments: [key, 'first value'] });
    const firstStatus = await first.getStatus();
    expect(firstStatus.successful).toBe(true);

    const second = await writer.submitAsync(Transactions.smoke.Put, { arguments: [key, '第二个值'] });
    const secondStatus = await second.getStatus();
    expect(secondStatus.successful).toBe(true);
    expect(secondStatus.blockNumber).toBeGreaterThan(firstStatus.blockNumber);

    const reader = contractOf(departments().market.gateway.getNetwork(departments().channel), 'smoke');
    const record = JSON.parse(
      Buffer.from(await reader.evaluateTransaction(Transactions.smoke.Get, key)).toString('utf8'),
    ) as Record<string, unknown>;
    expect(record).toMatchObject({ key, value: '第二个值', updatedBy: 'RegistryMSP' });
    expect(await chainHeight(departments().market)).toBeGreaterThan(heightBefore + 1n);
  });

  it('refuses a malformed key in the chaincode, committing nothing', async () => {
    const heightBefore = await chainHeight(departments().registry);
    const writer = contractOf(departments().registry.gateway.getNetwork(departments().channel), 'smoke');
    const failure: unknown = await writer
      .submitTransaction(Transactions.smoke.Put, 'not a valid key!', 'x')
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    // The chaincode's coded error travels in the endorsing peers' details.
    expect(failure).toBeInstanceOf(EndorseError);
    const messages = (failure as EndorseError).details.map((detail) => detail.message).join('\n');
    expect(messages).toMatch(/VALIDATION_FAILED/);
    expect(await chainHeight(departments().registry)).toBe(heightBefore);
  });
});

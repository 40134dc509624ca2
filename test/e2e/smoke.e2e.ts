import { EndorseError } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';
import { connectAs, findOrg, type OrgConnection, topology } from '../support/fabric-client';

// The foundation's proof of life: a transaction submitted through one
// department's peer commits on the channel and is read back from another
// department's peer, over TLS, with the chaincode running as a service.
describe('smoke: ledger round trip on the real network', () => {
  let registry: OrgConnection;
  let market: OrgConnection;
  let channel: string;
  let chaincode: string;

  beforeAll(async () => {
    const t = await topology();
    channel = t.channel;
    chaincode = t.chaincodeName;
    registry = connectAs(findOrg(t, 'RegistryMSP'));
    market = connectAs(findOrg(t, 'MarketMSP'));
  });

  afterAll(() => {
    registry?.close();
    market?.close();
  });

  async function chainHeight(connection: OrgConnection): Promise<bigint> {
    const qscc = connection.gateway.getNetwork(channel).getContract('qscc');
    const info = common.BlockchainInfo.deserializeBinary(
      await qscc.evaluateTransaction('GetChainInfo', channel),
    );
    return BigInt(info.getHeight());
  }

  it('commits a write through RegistryMSP and reads it back from MarketMSP', async () => {
    const key = `smoke-${Date.now()}`;
    const heightBefore = await chainHeight(market);
    const writer = registry.gateway.getNetwork(channel).getContract(chaincode, 'smoke');

    const first = await writer.submitAsync('Put', { arguments: [key, 'first value'] });
    const firstStatus = await first.getStatus();
    expect(firstStatus.successful).toBe(true);

    const second = await writer.submitAsync('Put', { arguments: [key, '第二个值'] });
    const secondStatus = await second.getStatus();
    expect(secondStatus.successful).toBe(true);
    expect(secondStatus.blockNumber).toBeGreaterThan(firstStatus.blockNumber);

    const reader = market.gateway.getNetwork(channel).getContract(chaincode, 'smoke');
    const record = JSON.parse(
      Buffer.from(await reader.evaluateTransaction('Get', key)).toString('utf8'),
    ) as Record<string, unknown>;
    expect(record).toMatchObject({ key, value: '第二个值', updatedBy: 'RegistryMSP' });
    expect(await chainHeight(market)).toBeGreaterThan(heightBefore + 1n);
  });

  it('refuses a malformed key in the chaincode, committing nothing', async () => {
    const heightBefore = await chainHeight(registry);
    const writer = registry.gateway.getNetwork(channel).getContract(chaincode, 'smoke');
    const failure: unknown = await writer.submitTransaction('Put', 'not a valid key!', 'x').then(
      () => undefined,
      (error: unknown) => error,
    );
    // The chaincode's coded error travels in the endorsing peers' details.
    expect(failure).toBeInstanceOf(EndorseError);
    const messages = (failure as EndorseError).details.map((detail) => detail.message).join('\n');
    expect(messages).toMatch(/VALIDATION_FAILED/);
    expect(await chainHeight(registry)).toBe(heightBefore);
  });
});

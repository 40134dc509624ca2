import { common } from '@hyperledger/fabric-protos';

import { channelFingerprint } from '../../scripts/src';
import { connectAs, findOrg, type OrgConnection, topology } from '../support/fabric-client';

// The channel fingerprint that offline verifiers pin is Fabric's own hash of the genesis block: the
// peers' ledger repeats it as block 1's previous hash. This ties `network fingerprint` (and the
// verifier's ASN.1 encoding of block headers) to what the network actually computed.

let connection: OrgConnection;
let channel: string;

beforeAll(async () => {
  const t = await topology();
  channel = t.channel;
  connection = connectAs(findOrg(t, 'MarketMSP'));
});

afterAll(() => connection.close());

async function block(number: number): Promise<common.Block> {
  const qscc = connection.gateway.getNetwork(channel).getContract('qscc');
  return common.Block.deserializeBinary(
    await qscc.evaluateTransaction('GetBlockByNumber', channel, String(number)),
  );
}

describe('the channel fingerprint', () => {
  it("is the genesis block's hash as the peers chain it: block 1's previous hash", async () => {
    const { fingerprint } = await channelFingerprint();
    const previousHash = (await block(1)).getHeader()?.getPreviousHash_asU8();

    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(previousHash ?? []).toString('hex')).toBe(fingerprint);
  });
});

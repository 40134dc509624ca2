import { Transactions } from '../../chaincode/src/contract';
import { type Contract, GatewayError, type Transaction } from '@hyperledger/fabric-gateway';
import { common, peer } from '@hyperledger/fabric-protos';
import { ConfigurationHistory, lastConfigBlockNumber, signedBlockOf } from '../../gateway-api/src';
import { serializedIdentity } from '../../gateway-api/test/support';
import {
  channelFingerprint,
  establishConfiguration,
  OrganizationTrust,
  type PeerOrg,
  type Topology,
} from '../../scripts/src';
import { contractOf } from '../support/contracts';
import { failure, gatewayText, operatorCommandSucceeds } from '../support/operator-cli';
import {
  connectAsEnrolled,
  connectAsEnrolledThrough,
  findOrg,
  type OrgConnection,
  topology,
} from '../support/fabric-client';

// Revocation reaches the peers: `users revoke` puts the CA's CRL into the org's MSP in the
// channel configuration. A fresh RegistryMSP clerk (never a demo user: other suites use those)
// writes, endorses one more transaction without submitting it, and is revoked; then every
// department's peer refuses its proposals, the transaction endorsed before the revocation is
// refused when submitted, and the org's other clerks (an existing one, and a new user enrolled for
// the same person after the revocation) still write.

/** Runs `npm run users -- <args>` as an operator would, in the repository. */
const users = (args: readonly string[]): Promise<string> => operatorCommandSucceeds('users', args);

describe('users revoke reaches the peers', () => {
  const stamp = Date.now().toString(36);
  const clerk = `revoked-clerk-${stamp}`;
  const successor = `${clerk}-new`;
  let t: Topology;
  let registry: PeerOrg;
  const opened: OrgConnection[] = [];

  const open = (connection: OrgConnection): OrgConnection => {
    opened.push(connection);
    return connection;
  };
  const smoke = (connection: OrgConnection): Contract =>
    contractOf(connection.gateway.getNetwork(t.channel), 'smoke');

  async function height(connection: OrgConnection): Promise<bigint> {
    const qscc = connection.gateway.getNetwork(t.channel).getContract('qscc');
    const info = common.BlockchainInfo.deserializeBinary(
      await qscc.evaluateTransaction('GetChainInfo', t.channel),
    );
    return BigInt(info.getHeight());
  }

  async function writes(connection: OrgConnection, key: string): Promise<void> {
    const commit = await smoke(connection).submitAsync(Transactions.smoke.Put, {
      arguments: [key, 'written'],
    });
    expect((await commit.getStatus()).code).toBe(peer.TxValidationCode.VALID);
  }

  beforeAll(async () => {
    t = await topology();
    registry = findOrg(t, 'RegistryMSP');
  });

  afterAll(() => {
    for (const connection of opened) connection.close();
  });

  let endorsedBefore: Transaction;
  const pendingKey = `revocation-pending-${stamp}`;

  it('a fresh clerk added with `users add` writes, on every peer, and endorses one more write', async () => {
    await users(['add', clerk, '--role', 'registry_clerk']);
    const own = open(connectAsEnrolled(registry, clerk));
    await writes(own, `revocation-before-${stamp}`);
    for (const org of t.peerOrgs) {
      const through = open(connectAsEnrolledThrough(registry, clerk, org));
      const record = Buffer.from(
        await smoke(through).evaluateTransaction(Transactions.smoke.Get, `revocation-before-${stamp}`),
      );
      expect(JSON.parse(record.toString('utf8'))).toMatchObject({
        value: 'written',
        updatedBy: 'RegistryMSP',
      });
    }
    // Endorsed now, submitted only after the revocation.
    endorsedBefore = await smoke(own)
      .newProposal(Transactions.smoke.Put, { arguments: [pendingKey, 'endorsed before'] })
      .endorse();
  });

  it('`users revoke` updates the channel configuration and waits for every peer', async () => {
    const begin = Date.now();
    const output = await users(['revoke', clerk]);
    const seconds = (Date.now() - begin) / 1000;
    expect(output).toMatch(/RegistryMSP's MSP now holds ca-registry's CRL \(config block \d+/);
    const timings = /update sent in (\d+) ms, ordered after (\d+) ms, on every peer after (\d+) ms/.exec(
      output,
    );
    expect(timings).not.toBeNull();
    console.log(
      `users revoke ${clerk}: ${seconds.toFixed(1)} s in all (CLI start included); channel update: ${timings?.[0] ?? ''}`,
    );
  });

  // What a peer answers for a proposal whose creator its MSP no longer validates (its log adds
  // "The certificate has been revoked"; the client is told no more than this).
  const deniedByPeer =
    /^error validating proposal: access denied: channel \[\w+\] creator org \[RegistryMSP\]$/;

  /** The message of `org`'s own peer in a GatewayError's details. */
  function peerSaid(error: unknown, org: PeerOrg): string {
    if (!(error instanceof GatewayError)) throw new Error(`expected a GatewayError, got: ${String(error)}`);
    const detail = error.details.find((d) => d.mspId === org.mspId);
    if (!detail) throw new Error(`no answer from ${org.mspId}'s peer in: ${gatewayText(error)}`);
    return detail.message;
  }

  it('every department refuses its proposals, each at its own peer', async () => {
    const refusals: string[] = [];
    for (const org of t.peerOrgs) {
      const through = open(connectAsEnrolledThrough(registry, clerk, org));
      const evaluated = await failure(
        smoke(through).evaluateTransaction(Transactions.smoke.Get, `revocation-before-${stamp}`),
      );
      expect(peerSaid(evaluated, org)).toMatch(deniedByPeer);
      const endorsed = await failure(
        smoke(through)
          .newProposal(Transactions.smoke.Put, {
            arguments: [`revocation-after-${stamp}`, 'x'],
            endorsingOrganizations: [org.mspId],
          })
          .endorse(),
      );
      expect(peerSaid(endorsed, org)).toMatch(deniedByPeer);
      refusals.push(
        `${org.mspId} evaluate: ${gatewayText(evaluated)}\n${org.mspId} endorse: ${gatewayText(endorsed)}`,
      );
    }
    console.log(`revoked clerk's proposals, per peer:\n${refusals.join('\n')}`);
  });

  it('the transaction it endorsed before the revocation is refused when submitted', async () => {
    const observer = open(connectAsEnrolled(registry, 'registry-clerk'));
    type Outcome =
      | { readonly kind: 'committed'; readonly code: number; readonly block: string }
      | { readonly kind: 'refused by the orderer'; readonly text: string };
    const outcome: Outcome = await endorsedBefore.submit().then(
      async (commit): Promise<Outcome> => {
        const status = await commit.getStatus();
        return { kind: 'committed', code: status.code, block: status.blockNumber.toString() };
      },
      (error: unknown): Outcome => ({ kind: 'refused by the orderer', text: gatewayText(error) }),
    );
    console.log(`pre-revocation endorsement submitted after it: ${JSON.stringify(outcome)}`);
    if (outcome.kind === 'committed') {
      // invalidated at commit: any code but VALID
      expect(outcome.code).not.toBe(peer.TxValidationCode.VALID);
    } else {
      expect(outcome.text).toMatch(/status=FORBIDDEN/);
    }
    const read = await failure(smoke(observer).evaluateTransaction(Transactions.smoke.Get, pendingKey));
    expect(gatewayText(read)).toMatch(/NOT_FOUND/);
  });

  it('the org still writes: an existing clerk, and the same person enrolled again under a new name', async () => {
    await writes(open(connectAsEnrolled(registry, 'registry-clerk')), `revocation-colleague-${stamp}`);
    await users(['add', successor, '--role', 'registry_clerk']);
    await writes(open(connectAsEnrolled(registry, successor)), `revocation-successor-${stamp}`);
  });

  it('revoking again changes nothing', async () => {
    const observer = open(connectAsEnrolled(registry, 'registry-clerk'));
    const before = await height(observer);
    const output = await users(['revoke', clerk]);
    expect(output).toMatch(/was revoked already/);
    expect(output).toContain(
      `channel ${t.channel}: unchanged, RegistryMSP's MSP already holds this CA's CRL`,
    );
    expect(await height(observer)).toBe(before);
  });

  it("a second revocation in the org replaces the org CA's CRL, and the first stays revoked", async () => {
    const output = await users(['revoke', successor]);
    // the CA's new CRL lists both; it takes the place of the one above instead of joining it
    expect(output).toMatch(/config block \d+, replacing 1 earlier CRL of that CA\)/);
    for (const user of [clerk, successor]) {
      const own = open(connectAsEnrolled(registry, user));
      const refused = await failure(
        smoke(own).evaluateTransaction(Transactions.smoke.Get, `revocation-before-${stamp}`),
      );
      expect(peerSaid(refused, registry)).toMatch(deniedByPeer);
    }
    await writes(open(connectAsEnrolled(registry, 'registry-clerk')), `revocation-last-${stamp}`);
  });

  it('offline, the configuration reached from the pinned genesis block revokes both, and only them', async () => {
    const connection = open(connectAsEnrolled(registry, 'registry-clerk'));
    const qscc = connection.gateway.getNetwork(t.channel).getContract('qscc');
    const blockAt = async (number: bigint) =>
      qscc.evaluateTransaction('GetBlockByNumber', t.channel, number.toString());
    const latest = await blockAt((await height(connection)) - 1n);
    // what a proof bundle of a block written now carries: the chain the gateway fetches
    const chain = await new ConfigurationHistory(blockAt).chainUpTo(lastConfigBlockNumber(latest));
    const configuration = establishConfiguration(
      {
        channel: t.channel,
        configuration: chain.map((bytes, index) =>
          signedBlockOf(common.Block.deserializeBinary(bytes), `configuration ${index}`),
        ),
      },
      (await channelFingerprint()).fingerprint,
    );
    expect(chain.length).toBeGreaterThanOrEqual(3); // the genesis block and the two revocations above
    const trust = new OrganizationTrust(configuration.application, 'the configuration in force');
    const identityOf = (user: string): Uint8Array => {
      const own = open(connectAsEnrolled(registry, user)).gateway.getIdentity();
      return serializedIdentity(own.mspId, Buffer.from(own.credentials).toString('utf8'));
    };
    for (const user of [clerk, successor]) {
      expect(() => trust.validate(identityOf(user), new Date(), 'creator', user, 'client')).toThrow(
        /is revoked by a CRL of RegistryMSP$/,
      );
    }
    expect(
      trust.validate(identityOf('registry-clerk'), new Date(), 'creator', 'registry-clerk', 'client'),
    ).toMatchObject({
      mspId: 'RegistryMSP',
    });
  });
});

import { Transactions } from '../../chaincode/src/contract';
import { status as grpcStatus } from '@grpc/grpc-js';
import { EndorseError } from '@hyperledger/fabric-gateway';
import { peer } from '@hyperledger/fabric-protos';
import { contractOf } from '../support/contracts';
import { type OrgConnection, useTwoDepartments } from '../support/fabric-client';

// "Impossible for one department to forge", for a key-level owner: once a department has created a
// smoke record, a change to it endorsed only by peers of other departments is invalidated at commit
// (ENDORSEMENT_POLICY_FAILURE) and changes nothing. The smoke definition is the one whose policy admits
// any department's peer, so the smoke contract names each key's owner with a key-level policy at
// creation. The production definitions need none: each admits its own department's peer alone
// (forged-endorsement-domains.e2e.ts, forged-creation.e2e.ts).
describe('forged endorsement is invalidated at commit', () => {
  const departments = useTwoDepartments();

  const smoke = (connection: OrgConnection) =>
    contractOf(connection.gateway.getNetwork(departments().channel), 'smoke');

  async function submitEndorsedBy(
    connection: OrgConnection,
    orgs: string[],
    key: string,
    value: string,
  ): Promise<number> {
    const proposal = smoke(connection).newProposal(Transactions.smoke.Put, {
      arguments: [key, value],
      endorsingOrganizations: orgs,
    });
    const transaction = await endorseOnceDiscovered(() => proposal.endorse());
    const commit = await transaction.submit();
    return (await commit.getStatus()).code;
  }

  /**
   * Endorses, waiting (bounded, 30 s) while the gateway's peer does not yet know an asked-for
   * department's peer: on a freshly deployed network, service discovery learns each peer's
   * chaincodes from gossip a few seconds after the deploy, and answers "failed to find any endorsing
   * peers for org(s)" until then. Any other error is the test's answer.
   */
  async function endorseOnceDiscovered<T>(endorse: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        return await endorse();
      } catch (error) {
        const undiscovered =
          error instanceof EndorseError &&
          error.code === (grpcStatus.UNAVAILABLE as number) &&
          error.message.includes('failed to find any endorsing peers');
        if (!undiscovered || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  /**
   * The record as RegistryMSP's peer reads it once it holds `value`, or as it last read it after 30 s.
   * The commit status came from MarketMSP's peer, and RegistryMSP's may commit that block a moment
   * later.
   */
  async function readOnceCommitted(key: string, value: string): Promise<Record<string, unknown> | undefined> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const record = await read(key);
      if (record?.value === value || Date.now() > deadline) return record;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function read(key: string): Promise<Record<string, unknown> | undefined> {
    try {
      const bytes = await smoke(departments().registry).evaluateTransaction(Transactions.smoke.Get, key);
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }

  it('refuses a change endorsed by another single department', async () => {
    const key = `forged-single-${Date.now()}`;
    const created = await smoke(departments().registry).submitAsync(Transactions.smoke.Put, {
      arguments: [key, 'genuine'],
    });
    expect((await created.getStatus()).successful).toBe(true);
    const code = await submitEndorsedBy(departments().market, ['MarketMSP'], key, 'forged');
    expect(code).toBe(peer.TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
    expect(await read(key)).toMatchObject({ value: 'genuine', updatedBy: 'RegistryMSP' });
  });

  it("refuses a change to another department's key even when two other departments endorse it", async () => {
    const key = `forged-owned-${Date.now()}`;
    const created = await smoke(departments().registry).submitAsync(Transactions.smoke.Put, {
      arguments: [key, 'genuine'],
    });
    expect((await created.getStatus()).successful).toBe(true);

    const code = await submitEndorsedBy(departments().market, ['MarketMSP', 'TaxMSP'], key, 'forged');
    expect(code).toBe(peer.TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
    expect(await read(key)).toMatchObject({ value: 'genuine', updatedBy: 'RegistryMSP' });

    // The owner's endorsement makes the same change valid: the policy, not the content, decided.
    const code2 = await submitEndorsedBy(departments().market, ['MarketMSP', 'RegistryMSP'], key, 'agreed');
    expect(code2).toBe(peer.TxValidationCode.VALID);
    expect(await readOnceCommitted(key, 'agreed')).toMatchObject({ value: 'agreed', updatedBy: 'MarketMSP' });
  });
});

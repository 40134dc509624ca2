// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { type Role, Roles } from '../common/access';
import { parseChaincodeErrorMessage } from '../common/errors';
import { residentIdCheckCharacter } from '../common/identifiers';
import { type InMemoryLedger, type TestIdentity, identityForRole } from '../testing';
import { channelLedger } from '../testing/channel';
import { asSent } from '../testing/registry-fixtures';
import { RealEstateContract } from './realestate-contract';

// GetCertificateForPrint (issue 17): the registry clerk prints a certificate with its holders' full
// names and ID numbers from the private record, the content and hash being the public record's (what
// the citizen page verifies); nobody else may read them.

const contract = new RealEstateContract();
const clerk = identityForRole(Roles.RegistryClerk);

const UNIT = '440184001016GB00009F00800039';
const TITLE = '粤(2026)广州市不动产权第09400110号';
const SECOND = '粤(2026)广州市不动产权第09400111号';
const residentId = (first17: string): string => first17 + residentIdCheckCharacter(first17);
const PEPPER = Buffer.alloc(32, 7).toString('base64');

const alice = {
  name: '张晓三',
  idNumber: residentId('44010619800101123'),
  share: '1/2',
  salt: 'a1'.repeat(16),
};
const bob = {
  name: '李四平',
  idNumber: residentId('44010619850202234'),
  share: '1/2',
  salt: 'b2'.repeat(16),
};

async function register(
  ledger: InMemoryLedger,
  request: Record<string, unknown>,
  holders?: unknown,
): Promise<void> {
  const sent = asSent(request);
  const tx = ledger.newTransaction({
    identity: clerk,
    transient: {
      holderLookupPepper: PEPPER,
      ...(holders === undefined ? {} : { holders: JSON.stringify(holders) }),
      ...sent.transient,
    },
  });
  await contract.Register(tx.ctx, JSON.stringify(sent.request));
  expect(tx.commit().validationCode).toBe('VALID');
}

async function print(
  ledger: InMemoryLedger,
  number: string,
  identity: TestIdentity = clerk,
): Promise<Record<string, unknown>> {
  const { ctx } = ledger.newTransaction({ identity });
  return JSON.parse(await contract.GetCertificateForPrint(ctx, number)) as Record<string, unknown>;
}

async function failureCode(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return parseChaincodeErrorMessage((error as Error).message)?.code ?? '';
  }
  throw new Error('expected a failure');
}

describe('GetCertificateForPrint', () => {
  let ledger: InMemoryLedger;

  beforeEach(async () => {
    ledger = channelLedger('realestate');
    await register(ledger, { unitNumber: UNIT, type: 'FIRST', certificateNumber: TITLE }, [alice, bob]);
  });

  it('answers the public content and hash with the full holders, without their salts', async () => {
    const { ctx } = ledger.newTransaction({ identity: clerk });
    const verified = JSON.parse(await contract.GetCertificate(ctx, TITLE)) as Record<string, unknown>;
    const printed = await print(ledger, TITLE);
    expect(printed).toEqual({
      certificateNumber: TITLE,
      status: 'ACTIVE',
      contentHash: verified['contentHash'],
      content: verified['content'],
      holders: [
        { name: alice.name, idNumber: alice.idNumber, share: '1/2' },
        { name: bob.name, idNumber: bob.idNumber, share: '1/2' },
      ],
      particulars: null,
    });
    expect(JSON.stringify(printed)).not.toContain(alice.salt);
  });

  it("prints a CHANGE's certificate with the holders it carries over and the act's particulars", async () => {
    await register(ledger, {
      unitNumber: UNIT,
      type: 'CHANGE',
      certificateNumber: SECOND,
      description: '房屋用途变更',
    });
    const printed = await print(ledger, SECOND);
    expect(printed['holders']).toEqual([
      { name: alice.name, idNumber: alice.idNumber, share: '1/2' },
      { name: bob.name, idNumber: bob.idNumber, share: '1/2' },
    ]);
    expect(printed['particulars']).toEqual({ description: '房屋用途变更' });
    expect(await print(ledger, TITLE)).toMatchObject({ status: 'SUPERSEDED' });
  });

  it('answers NOT_FOUND for an unknown certificate and VALIDATION_FAILED for a malformed number', async () => {
    expect(await failureCode(print(ledger, '粤(2026)广州市不动产权第09400999号'))).toBe('NOT_FOUND');
    expect(await failureCode(print(ledger, 'not a certificate'))).toBe('VALIDATION_FAILED');
  });

  it.each<Role>([
    Roles.RegistryVerifier,
    Roles.TaxOfficer,
    Roles.MarketClerk,
    Roles.UrbanInspector,
    Roles.Hauler,
  ])('refuses %s with FORBIDDEN: only the registry clerk prints', async (role) => {
    expect(await failureCode(print(ledger, TITLE, identityForRole(role)))).toBe('FORBIDDEN');
  });
});

// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { createHash } from 'node:crypto';
import { OrgMsps, ROLE_ATTRIBUTE, type Role, Roles } from '../common/access';
import { parseChaincodeErrorMessage } from '../common/errors';
import { residentIdCheckCharacter } from '../common/identifiers';
import { type InMemoryLedger, type TestIdentity, identityForRole, newTestIdentity } from '../testing';
import { channelLedger } from '../testing/channel';
import { RealEstateContract } from './realestate-contract';
import { asSent } from '../testing/registry-fixtures';

// GetHolderMatch is the holder's question, not an oracle (issue 13): only the registry's service
// identity may ask it, and it matches only with the ID number AND the code printed on the certificate.

const contract = new RealEstateContract();
const clerk = identityForRole(Roles.RegistryClerk);
const verifier = identityForRole(Roles.RegistryVerifier, 'holder-verifier');

const UNIT = '440184001016GB00009F00800039';
const TITLE = '粤(2026)广州市不动产权第09400110号';
const OLD_TITLE = '粤(2026)广州市不动产权第09400120号';
const OLD_UNIT = '440184001016GB00009F00800040';
const residentId = (first17: string): string => first17 + residentIdCheckCharacter(first17);
const PEPPER = Buffer.alloc(32, 7).toString('base64');
const CODE = 'K7M2-Q9XR';
const CODE_SALT = '5a'.repeat(16);

const alice = {
  name: '张晓三',
  idNumber: residentId('44010619800101123'),
  share: '1/1',
  salt: 'a1'.repeat(16),
};
const stranger = residentId('44010619850202234');

type Ctx = ReturnType<InMemoryLedger['newTransaction']>['ctx'];

async function failureCode(run: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  try {
    await run;
  } catch (error) {
    const payload = parseChaincodeErrorMessage((error as Error).message);
    return { code: payload?.code ?? '', fields: (payload?.details ?? []).map((d) => d.field ?? '') };
  }
  throw new Error('expected a failure');
}

function setUp(): InMemoryLedger {
  return channelLedger('realestate');
}

async function register(
  ledger: InMemoryLedger,
  request: object,
  transient: Record<string, string>,
  holders: unknown = [alice],
): Promise<void> {
  const sent = asSent(request as Record<string, unknown>);
  const tx = ledger.newTransaction({
    identity: clerk,
    transient: {
      holderLookupPepper: PEPPER,
      ...(holders === undefined ? {} : { holders: JSON.stringify(holders) }),
      ...sent.transient,
      ...transient,
    },
  });
  await contract.Register(tx.ctx, JSON.stringify(sent.request));
  expect(tx.commit().validationCode).toBe('VALID');
}

const withCode = (code = CODE): Record<string, string> => ({
  verificationCode: JSON.stringify({ code, salt: CODE_SALT }),
});

async function ask(
  ledger: InMemoryLedger,
  idNumber: string,
  code: string,
  identity: TestIdentity = verifier,
  number = TITLE,
): Promise<Record<string, unknown>> {
  const ctx: Ctx = ledger.newTransaction({ identity }).ctx;
  return JSON.parse(await contract.GetHolderMatch(ctx, number, idNumber, code)) as Record<string, unknown>;
}

describe('GetHolderMatch', () => {
  let ledger: InMemoryLedger;

  beforeEach(async () => {
    ledger = setUp();
    await register(ledger, { unitNumber: UNIT, type: 'FIRST', certificateNumber: TITLE }, withCode());
    // issued before verification codes existed: no code sent
    await register(ledger, { unitNumber: OLD_UNIT, type: 'FIRST', certificateNumber: OLD_TITLE }, {});
  });

  it('matches only when both the ID number and the printed code match', async () => {
    expect(await ask(ledger, alice.idNumber, CODE)).toEqual({
      certificateNumber: TITLE,
      status: 'ACTIVE',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      codeIssued: true,
      match: true,
    });
    expect(await ask(ledger, alice.idNumber, 'K7M2Q9XS')).toMatchObject({ match: false });
    expect(await ask(ledger, stranger, CODE)).toMatchObject({ match: false });
    expect(await ask(ledger, stranger, 'K7M2Q9XS')).toMatchObject({ match: false });
  });

  it('accepts the code as printed or typed: hyphen, spaces, lower case', async () => {
    expect(await ask(ledger, alice.idNumber, 'k7m2 q9xr')).toMatchObject({ match: true });
    expect(await ask(ledger, alice.idNumber, 'K7M2Q9XR')).toMatchObject({ match: true });
  });

  it('compares nothing for a certificate issued without a code: holder check not available', async () => {
    const answer = await ask(ledger, alice.idNumber, CODE, verifier, OLD_TITLE);
    expect(answer).toMatchObject({ certificateNumber: OLD_TITLE, codeIssued: false, match: null });
    // the same answer whoever is named: the ID number alone tells nothing
    expect(await ask(ledger, stranger, CODE, verifier, OLD_TITLE)).toEqual(answer);
  });

  it.each<Role>([
    Roles.RegistryClerk,
    Roles.TaxOfficer,
    Roles.UrbanInspector,
    Roles.MarketClerk,
    Roles.Hauler,
  ])('refuses %s with FORBIDDEN: only the registry verifier may ask', async (role) => {
    const failure = await failureCode(ask(ledger, alice.idNumber, CODE, identityForRole(role)));
    expect(failure.code).toBe('FORBIDDEN');
  });

  it('refuses registry_verifier claimed in a certificate of another MSP', async () => {
    for (const mspId of [OrgMsps.Tax, OrgMsps.Urban]) {
      const impostor = newTestIdentity({ mspId, attributes: { [ROLE_ATTRIBUTE]: Roles.RegistryVerifier } });
      expect((await failureCode(ask(ledger, alice.idNumber, CODE, impostor))).code).toBe('FORBIDDEN');
    }
  });

  it('refuses a malformed code with VALIDATION_FAILED naming verificationCode', async () => {
    for (const bad of ['', 'K7M2Q9X', 'K7M2Q9XR2', 'K7M2Q9X0', 'K7M2Q9XI']) {
      expect(await failureCode(ask(ledger, alice.idNumber, bad))).toEqual({
        code: 'VALIDATION_FAILED',
        fields: ['verificationCode'],
      });
    }
  });
});

describe('Register with a verification code', () => {
  it('keeps only a salted hash, in RegistryPrivate: never the code, never in public state', async () => {
    const ledger = setUp();
    await register(
      ledger,
      { unitNumber: UNIT, type: 'FIRST', certificateNumber: TITLE },
      withCode('k7m2-q9xr'),
    );
    const key = ledger.stateKeys().find((k) => k.includes('realestate.certificate'));
    expect(key).toBeDefined();
    const privateKey = `\u0000realestate.certificateCode\u0000${TITLE}\u0000`;
    const stored = JSON.parse(
      ledger.getPrivateData('registryPrivate', privateKey)?.toString('utf8') ?? '{}',
    ) as object;
    const hash = createHash('sha256').update(`${CODE_SALT}:K7M2Q9XR`).digest('hex');
    expect(stored).toEqual({ certificateNumber: TITLE, salt: CODE_SALT, codeHash: hash });
    const publicText = ledger
      .stateKeys()
      .map((k) => ledger.getState(k)?.toString('utf8') ?? '')
      .concat(ledger.events.map((event) => event.payload.toString('utf8')))
      .join('\n');
    for (const secret of ['K7M2Q9XR', 'K7M2-Q9XR', hash, CODE_SALT]) expect(publicText).not.toContain(secret);
  });

  it('refuses a code on an act that issues no certificate, and a malformed one, before any write', async () => {
    const ledger = setUp();
    await register(ledger, { unitNumber: UNIT, type: 'FIRST', certificateNumber: TITLE }, withCode());
    const refuse = async (request: object, transient: Record<string, string>, holders?: unknown) => {
      const sent = asSent(request as Record<string, unknown>);
      const tx = ledger.newTransaction({
        identity: clerk,
        transient: {
          holderLookupPepper: PEPPER,
          ...(holders ? { holders: JSON.stringify(holders) } : {}),
          ...sent.transient,
          ...transient,
        },
      });
      const failure = await failureCode(contract.Register(tx.ctx, JSON.stringify(sent.request)));
      expect(tx.pendingWrites()).toEqual([]);
      return failure;
    };
    const seizure = {
      unitNumber: UNIT,
      type: 'SEIZURE',
      court: '广州市越秀区人民法院',
      courtOrder: '(2026)粤0106执保123号',
    };
    expect(await refuse(seizure, withCode())).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['transient.verificationCode'],
    });
    const change = {
      unitNumber: UNIT,
      type: 'CHANGE',
      certificateNumber: '粤(2026)广州市不动产权第09400111号',
      description: '面积更正',
    };
    expect(
      await refuse(change, { verificationCode: JSON.stringify({ code: 'O0O0O0O0', salt: 'zz', extra: 1 }) }),
    ).toEqual({
      code: 'VALIDATION_FAILED',
      fields: [
        'transient.verificationCode.code',
        'transient.verificationCode.salt',
        'transient.verificationCode.extra',
      ],
    });
  });
});

// Must stay the first import: it quiets fabric-contract-api before the contract classes load.
import '../testing/quiet-logs';
import { createHmac } from 'node:crypto';
import { Roles } from '../common/access';
import { parseChaincodeErrorMessage } from '../common/errors';
import { residentIdCheckCharacter } from '../common/identifiers';
import { type TestIdentity, identityForRole } from '../testing';
import { entryKeyVersion, parseHolderUnitEntry } from './holder-index';
import { channelLedger } from '../testing/channel';
import { DeedTaxContract } from '../tax/deedtax-contract';
import { RealEstateContract } from './realestate-contract';
import { asSent } from '../testing/registry-fixtures';

// The private owner index (holder-index.ts) and FindUnitsByHolder.

const contract = new RealEstateContract();
const clerk = identityForRole(Roles.RegistryClerk);
const officer = identityForRole(Roles.TaxOfficer);
const marketClerk = identityForRole(Roles.MarketClerk);

const UNIT = '440184001016GB00009F00800039';
const OTHER_UNIT = '440184001016GB00009F00800040';
const title = (serial: string): string => `粤(2026)广州市不动产权第${serial}号`;
const residentId = (first17: string): string => first17 + residentIdCheckCharacter(first17);

const PEPPER_BYTES = Buffer.alloc(32, 0x5a);
const PEPPER = PEPPER_BYTES.toString('base64');

const alice = {
  name: '张晓三',
  idNumber: residentId('44010619800101123'),
  share: '1/2',
  salt: 'a1'.repeat(16),
};
const bob = { name: '李四', idNumber: residentId('44010619850202234'), share: '1/2', salt: 'b2'.repeat(16) };
const carol = {
  name: '欧阳娜娜',
  idNumber: residentId('44010619900303345'),
  share: '1/1',
  salt: 'c3'.repeat(16),
  clearanceSalt: 'd4'.repeat(16),
};
const aliceAlone = { ...alice, share: '1/1' };
const stranger = residentId('44010619990909999');

type Json = Record<string, unknown>;
type Transient = Record<string, string>;

const lookupKeyOf = (idNumber: string): string =>
  createHmac('sha256', PEPPER_BYTES).update(idNumber, 'utf8').digest('hex');

class Harness {
  readonly ledger = channelLedger('realestate');

  async register(request: Json, holders?: unknown, transient: Transient = { holderLookupPepper: PEPPER }) {
    const sent = asSent(request);
    const tx = this.ledger.newTransaction({
      identity: clerk,
      transient: {
        ...transient,
        ...sent.transient,
        ...(holders === undefined ? {} : { holders: JSON.stringify(holders) }),
      },
    });
    await contract.Register(tx.ctx, JSON.stringify(sent.request));
    expect(tx.commit().validationCode).toBe('VALID');
  }

  async refusedRegister(request: Json, holders: unknown, transient: Transient): Promise<Json> {
    const tx = this.ledger.newTransaction({
      identity: clerk,
      transient: { ...transient, holders: JSON.stringify(holders) },
    });
    const failure = await errorOf(contract.Register(tx.ctx, JSON.stringify(request)));
    expect(tx.pendingWrites()).toEqual([]);
    return failure;
  }

  async first(unitNumber: string, serial: string, holders: unknown[]): Promise<void> {
    await this.register({ unitNumber, type: 'FIRST', certificateNumber: title(serial) }, holders);
  }

  async transferToCarol(unitNumber: string, serial: string): Promise<void> {
    const tx = this.ledger.newTransaction({
      identity: officer,
      chaincodeName: 'tax',
      transient: { transferees: JSON.stringify([{ idNumber: carol.idNumber, salt: carol.clearanceSalt }]) },
    });
    const clearanceNumber = `QS-${serial}`;
    await new DeedTaxContract().RecordDeedTaxClearance(
      tx.ctx,
      JSON.stringify({ unitNumber, clearanceNumber, taxPaidFen: '3000000' }),
    );
    expect(tx.commit().validationCode).toBe('VALID');
    await this.register(
      {
        unitNumber,
        type: 'TRANSFER',
        certificateNumber: title(serial),
        deedTaxClearanceNumber: clearanceNumber,
      },
      [carol],
    );
  }

  async find(
    idNumber: string,
    options: { identity?: TestIdentity; transient?: Transient } = {},
  ): Promise<Json[]> {
    const tx = this.ledger.newTransaction({
      identity: options.identity ?? clerk,
      transient: options.transient ?? { holderLookupPepper: PEPPER },
    });
    const answer = JSON.parse(await contract.FindUnitsByHolder(tx.ctx, idNumber)) as { units: Json[] };
    expect(tx.pendingWrites()).toEqual([]);
    return answer.units;
  }

  async unitsOf(idNumber: string): Promise<string[]> {
    return (await this.find(idNumber)).map((unit) => String(unit.unitNumber));
  }

  async findError(idNumber: string, options: Parameters<Harness['find']>[1]): Promise<Json> {
    return errorOf(this.find(idNumber, options));
  }

  indexEntry(idNumber: string, unitNumber: string): Json | undefined {
    const key = `\u0000realestate.holderUnit\u0000${lookupKeyOf(idNumber)}\u0000${unitNumber}\u0000`;
    const value = this.ledger.getPrivateData('registryPrivate', key);
    return value === undefined ? undefined : (JSON.parse(value.toString('utf8')) as Json);
  }

  /** Every committed public key and value and every event payload, as one text. */
  publicText(): string {
    return [
      ...this.ledger.stateKeys().map((key) => `${key}=${this.ledger.getState(key)?.toString('utf8') ?? ''}`),
      ...this.ledger.events.map((event) => `${event.name}:${event.payload.toString('utf8')}`),
    ].join('\n');
  }
}

async function errorOf(promise: Promise<unknown>): Promise<Json> {
  try {
    await promise;
  } catch (error) {
    const payload = parseChaincodeErrorMessage((error as Error).message);
    expect(payload).toBeDefined();
    return { code: payload?.code, fields: (payload?.details ?? []).map((d) => d.field) };
  }
  throw new Error('expected the call to fail');
}

describe('realestate owner index: written by the acts that move ownership', () => {
  it('writes one entry per owner on FIRST, keyed by the HMAC of the ID, holding no personal data', async () => {
    const h = new Harness();
    await h.first(UNIT, '09400110', [alice, bob]);
    expect(h.indexEntry(alice.idNumber, UNIT)).toEqual({ unitNumber: UNIT, holdersSequence: 1 });
    expect(h.indexEntry(bob.idNumber, UNIT)).toEqual({ unitNumber: UNIT, holdersSequence: 1 });
    expect(h.indexEntry(carol.idNumber, UNIT)).toBeUndefined();
  });

  it('moves the entries on TRANSFER: the sellers lose the unit, the buyer gains it', async () => {
    const h = new Harness();
    await h.first(UNIT, '09400110', [alice, bob]);
    await h.transferToCarol(UNIT, '09400111');
    expect(h.indexEntry(alice.idNumber, UNIT)).toBeUndefined();
    expect(h.indexEntry(bob.idNumber, UNIT)).toBeUndefined();
    expect(h.indexEntry(carol.idNumber, UNIT)).toEqual({ unitNumber: UNIT, holdersSequence: 2 });
  });

  it('replaces the owners on a CORRECTION of the holders and keeps an owner who stays, with the new generation', async () => {
    const h = new Harness();
    await h.first(UNIT, '09400110', [alice, bob]);
    await h.register(
      {
        unitNumber: UNIT,
        type: 'CORRECTION',
        certificateNumber: title('09400111'),
        description: '权利人登记错误，依判决更正',
        correctionBasis: { kind: 'COURT_DECISION', reference: '(2026)粤0106民初123号' },
      },
      [aliceAlone],
    );
    expect(h.indexEntry(alice.idNumber, UNIT)).toEqual({ unitNumber: UNIT, holdersSequence: 2 });
    expect(h.indexEntry(bob.idNumber, UNIT)).toBeUndefined();
  });

  it('removes every entry on CANCELLATION', async () => {
    const h = new Harness();
    await h.first(UNIT, '09400110', [alice, bob]);
    await h.register({ unitNumber: UNIT, type: 'CANCELLATION' });
    expect(h.indexEntry(alice.idNumber, UNIT)).toBeUndefined();
    expect(h.indexEntry(bob.idNumber, UNIT)).toBeUndefined();
    expect(await h.unitsOf(alice.idNumber)).toEqual([]);
  });

  it('needs no pepper for acts that leave the owners alone (CHANGE, SEIZURE)', async () => {
    const h = new Harness();
    await h.first(UNIT, '09400110', [aliceAlone]);
    await h.register(
      { unitNumber: UNIT, type: 'CHANGE', certificateNumber: title('09400111'), description: '面积变更' },
      undefined,
      {},
    );
    await h.register(
      { unitNumber: UNIT, type: 'SEIZURE', court: '某法院', courtOrder: '(2026)粤0106执1号' },
      undefined,
      {},
    );
    expect(h.indexEntry(alice.idNumber, UNIT)).toEqual({ unitNumber: UNIT, holdersSequence: 1 });
  });
});

describe('realestate owner index: the pepper', () => {
  it('refuses an act that names new owners without the pepper, naming the field, and writes nothing', async () => {
    const h = new Harness();
    const request = { unitNumber: UNIT, type: 'FIRST', certificateNumber: title('09400110') };
    expect(await h.refusedRegister(request, [aliceAlone], {})).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['transient.holderLookupPepper'],
    });
    const short = Buffer.alloc(16, 1).toString('base64');
    for (const bad of [short, 'not base64!', `${PEPPER}x`]) {
      expect(await h.refusedRegister(request, [aliceAlone], { holderLookupPepper: bad })).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: ['transient.holderLookupPepper'],
      });
    }
  });

  it('refuses CANCELLATION without the pepper (the entries could not be removed)', async () => {
    const h = new Harness();
    await h.first(UNIT, '09400110', [aliceAlone]);
    const tx = h.ledger.newTransaction({ identity: clerk });
    expect(
      await errorOf(contract.Register(tx.ctx, JSON.stringify({ unitNumber: UNIT, type: 'CANCELLATION' }))),
    ).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['transient.holderLookupPepper'],
    });
  });

  it('refuses FindUnitsByHolder without the pepper', async () => {
    const h = new Harness();
    expect(await h.findError(alice.idNumber, { transient: {} })).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['transient.holderLookupPepper'],
    });
  });
});

describe('FindUnitsByHolder', () => {
  it('finds exactly the units the person owns now, with public status and title certificate', async () => {
    const h = new Harness();
    await h.first(UNIT, '09400110', [alice, bob]);
    await h.first(OTHER_UNIT, '09400120', [aliceAlone]);
    expect(await h.unitsOf(alice.idNumber)).toEqual([UNIT, OTHER_UNIT]);

    await h.transferToCarol(UNIT, '09400111');
    expect(await h.find(alice.idNumber)).toEqual([
      {
        unitNumber: OTHER_UNIT,
        status: 'REGISTERED',
        titleCertificate: title('09400120'),
        holdersSequence: 1,
        mortgaged: false,
        seized: false,
        updatedAt: expect.any(String) as unknown,
      },
    ]);
    expect(await h.unitsOf(bob.idNumber)).toEqual([]);
    expect(await h.unitsOf(carol.idNumber)).toEqual([UNIT]);
    expect((await h.find(carol.idNumber))[0]).toMatchObject({ titleCertificate: title('09400111') });
    expect(await h.unitsOf(stranger)).toEqual([]);
    // the lower-case x form of an ID is the same person
    expect(await h.unitsOf(carol.idNumber.toLowerCase())).toEqual([UNIT]);
  });

  it('answers nothing under a different pepper', async () => {
    const h = new Harness();
    await h.first(UNIT, '09400110', [aliceAlone]);
    const other = Buffer.alloc(32, 0x11).toString('base64');
    expect(await h.find(alice.idNumber, { transient: { holderLookupPepper: other } })).toEqual([]);
  });

  it('ignores an entry left from an earlier ownership generation', async () => {
    const h = new Harness();
    await h.first(UNIT, '09400110', [alice, bob]);
    await h.transferToCarol(UNIT, '09400111');
    // as if a registry peer had lacked the old holders record when the TRANSFER removed the entries
    const tx = h.ledger.newTransaction({ identity: clerk });
    const key = tx.createCompositeKey('realestate.holderUnit', [lookupKeyOf(alice.idNumber), UNIT]);
    await tx.putPrivateData(
      'registryPrivate',
      key,
      Buffer.from(JSON.stringify({ unitNumber: UNIT, holdersSequence: 1 })),
    );
    expect(tx.commit().validationCode).toBe('VALID');
    expect(await h.unitsOf(alice.idNumber)).toEqual([]);
  });

  it('is for registry clerks only', async () => {
    const h = new Harness();
    await h.first(UNIT, '09400110', [aliceAlone]);
    expect(await h.findError(alice.idNumber, { identity: marketClerk })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.findError(alice.idNumber, { identity: officer })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.findError('not-an-id', {})).toEqual({ code: 'VALIDATION_FAILED', fields: ['idNumber'] });
  });

  it('leaves no ID number, name, pepper or lookup key in public state or events', async () => {
    const h = new Harness();
    await h.first(UNIT, '09400110', [alice, bob]);
    await h.transferToCarol(UNIT, '09400111');
    await h.first(OTHER_UNIT, '09400120', [aliceAlone]);
    await h.register({ unitNumber: OTHER_UNIT, type: 'CANCELLATION' });
    const text = h.publicText();
    for (const person of [alice, bob, carol]) {
      expect(text).not.toContain(person.idNumber);
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(lookupKeyOf(person.idNumber));
    }
    expect(text).not.toContain(PEPPER);
    expect(text).not.toContain('holderUnit');
  });
});

describe('owner index key versions', () => {
  const v2 = (version: string): Transient => ({
    holderLookupPepper: PEPPER,
    holderLookupKeyVersion: version,
  });

  it('records the key version in the entries an act writes, and they are found as before', async () => {
    const h = new Harness();
    await h.register(
      { unitNumber: UNIT, type: 'FIRST', certificateNumber: title('09400110') },
      [alice, bob],
      v2('2'),
    );
    expect(h.indexEntry(alice.idNumber, UNIT)).toEqual({
      unitNumber: UNIT,
      holdersSequence: 1,
      keyVersion: 2,
    });
    expect(await h.unitsOf(alice.idNumber)).toEqual([UNIT]);
  });

  it('writes version 1 entries exactly as before versions existed, whether or not the version is sent', async () => {
    const h = new Harness();
    await h.register(
      { unitNumber: UNIT, type: 'FIRST', certificateNumber: title('09400110') },
      [aliceAlone],
      v2('1'),
    );
    await h.first(OTHER_UNIT, '09400120', [aliceAlone]);
    expect(h.indexEntry(alice.idNumber, UNIT)).toEqual({ unitNumber: UNIT, holdersSequence: 1 });
    expect(h.indexEntry(alice.idNumber, OTHER_UNIT)).toEqual({ unitNumber: OTHER_UNIT, holdersSequence: 1 });
  });

  it('moves entries written under version 1 when a later act comes with version 2', async () => {
    const h = new Harness();
    await h.first(UNIT, '09400110', [alice, bob]);
    await h.register(
      {
        unitNumber: UNIT,
        type: 'CORRECTION',
        certificateNumber: title('09400111'),
        description: '权利人登记错误，依判决更正',
        correctionBasis: { kind: 'COURT_DECISION', reference: '(2026)粤0106民初123号' },
      },
      [aliceAlone],
      v2('2'),
    );
    expect(h.indexEntry(alice.idNumber, UNIT)).toEqual({
      unitNumber: UNIT,
      holdersSequence: 2,
      keyVersion: 2,
    });
    expect(h.indexEntry(bob.idNumber, UNIT)).toBeUndefined();
  });

  it.each(['0', '-1', '1.5', 'two', '2147483648', ' '])(
    'refuses the version %p, naming the field, before writing anything',
    async (version) => {
      const h = new Harness();
      const failure = await h.refusedRegister(
        { unitNumber: UNIT, type: 'FIRST', certificateNumber: title('09400110') },
        [aliceAlone],
        v2(version),
      );
      expect(failure).toEqual({ code: 'VALIDATION_FAILED', fields: ['transient.holderLookupKeyVersion'] });
    },
  );
});

describe('parseHolderUnitEntry', () => {
  it.each([
    [{ unitNumber: UNIT, holdersSequence: 3 }, 1],
    [{ unitNumber: UNIT, holdersSequence: 3, keyVersion: 1 }, 1],
    [{ unitNumber: UNIT, holdersSequence: 3, keyVersion: 7 }, 7],
  ])('reads %j as key version %i', (raw, version) => {
    expect(entryKeyVersion(parseHolderUnitEntry(raw))).toBe(version);
  });

  it.each([0, 1.5, '2', null])('refuses an entry with key version %p', (keyVersion) => {
    expect(() => parseHolderUnitEntry({ unitNumber: UNIT, holdersSequence: 3, keyVersion })).toThrow(
      /holder-unit index entry is invalid/,
    );
  });
});

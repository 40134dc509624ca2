// Test support for the tests that cross the registry and the tax definitions: people with valid
// resident IDs, and committed FIRST registrations, deed-tax clearances and TRANSFERs on a channel
// ledger (testing/channel.ts), each run in its own definition as the gateway would submit it.

import { Roles } from '../common/access';
import { residentIdCheckCharacter } from '../common/identifiers';
import { RealEstateContract } from '../realestate/realestate-contract';
import { DeedTaxContract } from '../tax/deedtax-contract';
import { type InMemoryLedger } from './in-memory-ledger';
import { type InMemoryStub } from './in-memory-stub';
import { identityForRole } from './test-identity';

export const registryClerk = identityForRole(Roles.RegistryClerk);
export const taxOfficer = identityForRole(Roles.TaxOfficer);

export const UNIT = '440184001016GB00009F00800039';
export const OTHER_UNIT = '440184001016GB00009F00800040';
/** The gateway's holder lookup pepper, sent with every Register that moves ownership. */
export const PEPPER = Buffer.alloc(32, 7).toString('base64');

export const titleNumber = (serial: string): string => `粤(2026)广州市不动产权第${serial}号`;
const residentId = (first17: string): string => first17 + residentIdCheckCharacter(first17);

export interface Person {
  readonly name: string;
  readonly idNumber: string;
  readonly salt: string;
  /** The salt the tax bureau used for this person in a clearance. */
  readonly clearanceSalt: string;
}

export const people: readonly Person[] = [
  {
    name: '张晓三',
    idNumber: residentId('44010619800101123'),
    salt: 'a1'.repeat(16),
    clearanceSalt: 'b1'.repeat(16),
  },
  {
    name: '李四',
    idNumber: residentId('44010619850202234'),
    salt: 'a2'.repeat(16),
    clearanceSalt: 'b2'.repeat(16),
  },
  {
    name: '欧阳娜娜',
    idNumber: residentId('44010619900303345'),
    salt: 'a3'.repeat(16),
    clearanceSalt: 'b3'.repeat(16),
  },
];

/** A sole owner as the registry's transient `holders` names them (share 1/1). */
export function soleOwner(person: Person): Record<string, string> {
  return {
    name: person.name,
    idNumber: person.idNumber,
    share: '1/1',
    salt: person.salt,
    clearanceSalt: person.clearanceSalt,
  };
}

/** A Register transaction of the realestate definition, simulated and not committed. */
export function registerTx(
  ledger: InMemoryLedger,
  request: Record<string, unknown>,
  holders?: readonly Record<string, string>[],
): { tx: InMemoryStub; answer: Promise<string> } {
  const tx = ledger.newTransaction({
    identity: registryClerk,
    chaincodeName: 'realestate',
    transient: {
      holderLookupPepper: PEPPER,
      ...(holders === undefined ? {} : { holders: JSON.stringify(holders) }),
    },
  });
  return { tx, answer: new RealEstateContract().Register(tx.ctx, JSON.stringify(request)) };
}

/** Commits a Register; fails the test when it is refused or invalid. */
export async function register(
  ledger: InMemoryLedger,
  request: Record<string, unknown>,
  holders?: readonly Record<string, string>[],
): Promise<InMemoryStub> {
  const { tx, answer } = registerTx(ledger, request, holders);
  await answer;
  const { validationCode } = tx.commit();
  if (validationCode !== 'VALID') throw new Error(`Register committed as ${validationCode}`);
  return tx;
}

export async function firstRegistration(
  ledger: InMemoryLedger,
  unitNumber = UNIT,
  serial = '09400110',
): Promise<void> {
  const [owner] = people;
  if (owner === undefined) throw new Error('no people');
  await register(ledger, { unitNumber, type: 'FIRST', certificateNumber: titleNumber(serial) }, [
    soleOwner(owner),
  ]);
}

/** The deed tax the clearances of these fixtures record (whole fen: 30 000 yuan). */
export const CLEARANCE_TAX_PAID_FEN = '3000000';

/** A RecordDeedTaxClearance transaction of the tax definition, simulated and not committed. */
export function clearanceTx(
  ledger: InMemoryLedger,
  unitNumber: string,
  clearanceNumber: string,
  transferees: readonly Person[],
): { tx: InMemoryStub; answer: Promise<string> } {
  const tx = ledger.newTransaction({
    identity: taxOfficer,
    chaincodeName: 'tax',
    transient: {
      transferees: JSON.stringify(
        transferees.map((person) => ({ idNumber: person.idNumber, salt: person.clearanceSalt })),
      ),
    },
  });
  const answer = new DeedTaxContract().RecordDeedTaxClearance(
    tx.ctx,
    JSON.stringify({ unitNumber, clearanceNumber, taxPaidFen: CLEARANCE_TAX_PAID_FEN }),
  );
  return { tx, answer };
}

export async function recordClearance(
  ledger: InMemoryLedger,
  unitNumber: string,
  clearanceNumber: string,
  transferees: readonly Person[],
): Promise<void> {
  const { tx, answer } = clearanceTx(ledger, unitNumber, clearanceNumber, transferees);
  await answer;
  const { validationCode } = tx.commit();
  if (validationCode !== 'VALID') throw new Error(`RecordDeedTaxClearance committed as ${validationCode}`);
}

/** The TRANSFER request naming a clearance. */
export function transferRequest(
  unitNumber: string,
  serial: string,
  clearanceNumber: string,
): Record<string, unknown> {
  return {
    unitNumber,
    type: 'TRANSFER',
    certificateNumber: titleNumber(serial),
    deedTaxClearanceNumber: clearanceNumber,
  };
}

/** The salt the gateway would draw for an act's private particulars (fixed here, so hashes repeat). */
export const PARTICULARS_SALT = 'e7'.repeat(16);

/**
 * A Register request as the gateway sends it: description, remarks, court order and secured amount move out
 * of the public arguments into transient `particulars`, with a salt (realestate/particulars.ts).
 */
export function asSent(request: Readonly<Record<string, unknown>>): {
  readonly request: Record<string, unknown>;
  readonly transient: Record<string, string>;
} {
  const { description, remarks, courtOrder, mortgage, ...rest } = request;
  const { securedAmountFen, ...publicMortgage } = (mortgage ?? {}) as Record<string, unknown>;
  const particulars = Object.fromEntries(
    Object.entries({ description, remarks, courtOrder, securedAmountFen }).filter(
      ([, value]) => value !== undefined,
    ),
  );
  return {
    request: { ...rest, ...(mortgage === undefined ? {} : { mortgage: publicMortgage }) },
    transient:
      Object.keys(particulars).length === 0
        ? {}
        : { particulars: JSON.stringify({ ...particulars, salt: PARTICULARS_SALT }) },
  };
}

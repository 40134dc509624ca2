// Test-only: the two ledger ports the verification service reads (PublicLedger for chaincode queries,
// LedgerTransactionReader for qscc), as one in-memory fake. Records answer the domain queries, a
// history answers proof:LatestWrite (and, with the record, proof:ReadWithLatestWrite), and transactions answer qscc, each set independently so a test
// can make them disagree the way a forged record would.

import { type RecordType, RecordTypeHome } from '../../../../chaincode/src/contract';
import { NotFoundError, UnavailableError } from '../../common/errors';
import { type LedgerCall } from '../../ledger/ledger-client.port';
import { type LedgerTransaction, type LedgerTransactionReader } from '../../ledger/ledger-transactions.port';
import { type PublicLedger } from '../../ledger/public-ledger.port';
import { compositeKey } from '../authority-check';

/** The domain query that answers each record type's record, for proof:ReadWithLatestWrite. */
const DOMAIN_QUERIES: ReadonlyMap<string, string> = new Map([
  ['realestate.certificate', 'GetCertificate'],
  ['business.license', 'GetLicense'],
]);

/** The definition whose namespace holds a composite key of ours (its record type's home). */
function homeOfKey(key: string): string {
  const recordType = key.split('\u0000')[1] ?? '';
  return Object.hasOwn(RecordTypeHome, recordType) ? RecordTypeHome[recordType as RecordType] : 'unknown';
}

/**
 * A committed transaction that wrote `keys`, each in its record type's namespace (RecordTypeHome), or
 * all in `namespace` when given (a write in the wrong namespace).
 */
export function ledgerTransaction(options: {
  txId: string;
  mspId: string;
  role?: string;
  endorsers?: readonly string[];
  keys?: readonly string[];
  namespace?: string;
  validationCode?: string;
  blockNumber?: bigint;
}): LedgerTransaction {
  return {
    txId: options.txId,
    blockNumber: options.blockNumber ?? 7n,
    validationCode: options.validationCode ?? 'VALID',
    timestamp: '2026-11-24T02:00:00.000Z',
    creator: {
      mspId: options.mspId,
      subject: 'a-staff-member-enrolment-id',
      ...(options.role !== undefined && { role: options.role }),
    },
    endorsers: options.endorsers ?? [options.mspId],
    writes: writesByNamespace(options.keys ?? [], options.namespace),
  };
}

export class FakeVerifyLedger implements PublicLedger, LedgerTransactionReader {
  /** Every chaincode query, as `contract:transaction`. */
  readonly queries: string[] = [];
  /** Every qscc transaction read, by txId. */
  readonly finds: string[] = [];
  /** Every block read, by txId. */
  readonly blockReads: string[] = [];
  /** While set, every query waits for it (to fill the bulkhead). */
  hold: Promise<void> | undefined;
  readonly #records = new Map<string, unknown>();
  readonly #history = new Map<string, { txId: string; isDelete: boolean }>();
  readonly #transactions = new Map<string, LedgerTransaction>();
  /** Certificate number → the holder's ID and the code printed on it; absent: issued without a code. */
  readonly #printed = new Map<string, { idNumber: string; code: string }>();
  /** The `user` option of each GetHolderMatch evaluation (who the gateway asked as). */
  readonly holderMatchUsers: (string | undefined)[] = [];

  /** What `transaction(arg)` answers, e.g. record('GetLicense', uscc, licence). */
  record(transaction: string, arg: string, value: unknown): this {
    this.#records.set(`${transaction} ${arg}`, value);
    return this;
  }

  /** What the peer's history names as the last write of the key. */
  lastWrite(recordType: string, keyParts: readonly string[], txId: string, isDelete = false): this {
    this.#history.set(compositeKey(recordType, ...keyParts), { txId, isDelete });
    return this;
  }

  /** The certificate carries this holder and this verification code (the chaincode's GetHolderMatch). */
  printed(certificateNumber: string, idNumber: string, code: string): this {
    this.#printed.set(certificateNumber, { idNumber, code });
    return this;
  }

  transaction(tx: LedgerTransaction): this {
    this.#transactions.set(tx.txId, tx);
    return this;
  }

  async evaluate(
    call: Omit<LedgerCall, 'transient' | 'endorsingOrgs'>,
    options: { mspId?: string; user?: string } = {},
  ): Promise<Uint8Array> {
    this.queries.push(`${call.contract}:${call.transaction}`);
    if (this.hold !== undefined) await this.hold;
    const args = call.args.map((arg) => (typeof arg === 'string' ? arg : Buffer.from(arg).toString('utf8')));
    if (call.contract === 'proof' && call.transaction === 'LatestWrite') {
      const [recordType = '', keyJson = '[]'] = args;
      // a definition answers only for its own namespace: asking another is a gateway bug
      if (
        !Object.hasOwn(RecordTypeHome, recordType) ||
        call.chaincode !== RecordTypeHome[recordType as RecordType]
      ) {
        throw new Error(`proof:LatestWrite of ${recordType} asked of definition ${String(call.chaincode)}`);
      }
      const key = compositeKey(recordType, ...(JSON.parse(keyJson) as string[]));
      const write = this.#history.get(key);
      if (write === undefined) throw new NotFoundError('no record was ever written under this key');
      return json({ key, timestamp: '2026-11-24T02:00:00.000Z', ...write });
    }
    if (call.contract === 'proof' && call.transaction === 'ReadWithLatestWrite') {
      return json(this.#readWithLatestWrite(call.chaincode, args));
    }
    const [arg = ''] = args;
    if (call.transaction === 'GetHolderMatch') {
      this.holderMatchUsers.push(options.user);
      return json(this.#holderMatch(args));
    }
    const found = this.#records.get(`${call.transaction} ${arg}`);
    if (found === undefined) throw new NotFoundError(`${arg} not found`);
    return json(found);
  }

  /**
   * The stored record (what the domain query of that record type answers) with the history's last
   * write, as the chaincode does: no record → NOT_FOUND; a record the history does not list yet →
   * UNAVAILABLE. A delete the history names is passed on, for the service's own check.
   */
  #readWithLatestWrite(chaincode: string | undefined, [recordType = '', keyJson = '[]']: string[]): unknown {
    if (
      !Object.hasOwn(RecordTypeHome, recordType) ||
      chaincode !== RecordTypeHome[recordType as RecordType]
    ) {
      throw new Error(`proof:ReadWithLatestWrite of ${recordType} asked of definition ${String(chaincode)}`);
    }
    const keyParts = JSON.parse(keyJson) as string[];
    const domainQuery = DOMAIN_QUERIES.get(recordType);
    if (domainQuery === undefined) throw new Error(`no domain query for ${recordType} in this fake`);
    const record = this.#records.get(`${domainQuery} ${keyParts[0] ?? ''}`);
    if (record === undefined) throw new NotFoundError(`no ${recordType} record is held under this key`);
    const key = compositeKey(recordType, ...keyParts);
    const write = this.#history.get(key);
    if (write === undefined)
      throw new UnavailableError("the peer's history of this record is still being committed");
    return { record, write: { key, timestamp: '2026-11-24T02:00:00.000Z', ...write } };
  }

  #holderMatch([number = '', idNumber = '', code = '']: string[]): unknown {
    const certificate = this.#records.get(`GetCertificate ${number}`);
    if (certificate === undefined) throw new NotFoundError(`${number} not found`);
    // the certificate's public facts, as the chaincode answers them with the match
    const { status = 'ACTIVE', contentHash = 'ab'.repeat(32) } = certificate as Record<string, unknown>;
    const facts = { certificateNumber: number, status, contentHash };
    const printed = this.#printed.get(number);
    if (printed === undefined) return { ...facts, codeIssued: false, match: null };
    const match = printed.idNumber === idNumber && printed.code === code;
    return { ...facts, codeIssued: true, match };
  }

  find(txId: string): Promise<LedgerTransaction | undefined> {
    this.finds.push(txId);
    return Promise.resolve(this.#transactions.get(txId));
  }

  blockOf(txId: string): Promise<Uint8Array | undefined> {
    this.blockReads.push(txId);
    return Promise.resolve(undefined);
  }

  blockAt(): Promise<Uint8Array> {
    return Promise.reject(new Error('not used'));
  }

  channel(): Promise<string> {
    return Promise.resolve('govtrace');
  }
}

function writesByNamespace(keys: readonly string[], namespace: string | undefined): Map<string, string[]> {
  const writes = new Map<string, string[]>();
  for (const key of keys) {
    const home = namespace ?? homeOfKey(key);
    writes.set(home, [...(writes.get(home) ?? []), key]);
  }
  return writes;
}

function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

import { Inject, Injectable } from '@nestjs/common';

import {
  BagSteps,
  type ChaincodeName,
  ContractNames,
  parseStoredCertificate,
  type ProofBundle,
  RecordTypeHome,
  type TransactionAnswer,
  type TransactionOf,
  Transactions,
} from '../../../chaincode/src/contract';

type LatestWriteAnswer = TransactionAnswer<typeof ContractNames.Proof, typeof Transactions.proof.LatestWrite>;
import { chaincodeAnswer } from '../common/chaincode-answer';
import { ForbiddenError, NotFoundError, UnauthenticatedError, UnavailableError } from '../common/errors';
import { ReadLimiter } from '../common/read-limiter';
import { LEDGER_TRANSACTION_READER, type LedgerTransactionReader } from '../ledger/ledger-transactions.port';
import { PUBLIC_LEDGER, type PublicLedger } from '../ledger/public-ledger.port';
import {
  AUTHORITIES,
  checkAuthority,
  compositeKey,
  type RecordStanding,
  type VerifiedRecordKind,
  writesRecord,
} from './authority-check';
import { HOLDER_MATCH_UNAVAILABLE, HolderCheck, type HolderQuestion } from './holder-check/holder-check';
import { buildProofBundle, ConfigurationHistory, lastConfigBlockNumber } from './proof-bundle';
import { TtlCache } from './ttl-cache';
import {
  bagAnswer,
  type BagAnswer,
  type BagTraceView,
  certificateAnswer,
  type CertificateAnswer,
  certificateStatus,
  latestBagStep,
  licenseAnswer,
  type LicenseAnswer,
  licenseView,
  proofOf,
  type ProvenWrite,
  type VerificationProof,
} from './verify-answers';
import { VERIFY_SETTINGS, type VerifySettings } from './verify.settings';

type RecordKeyParts = readonly [string, ...string[]];

/** Who asks for a proof bundle: staff with a token, or a citizen with the holder question. */
export interface ProofBundleAccess {
  readonly staff: boolean;
  readonly holder?: HolderQuestion;
}

/** A bag's latest event → the record kind that vouches for it, and its key from the barcode. */
const BAG_EVENTS: ReadonlyMap<
  string,
  { kind: VerifiedRecordKind; key: (barcode: string) => RecordKeyParts }
> = new Map([
  ['COMMISSIONED', { kind: 'bag-commissioning', key: (barcode) => [barcode] }],
  ['COLLECTED', { kind: 'bag-collection', key: (barcode) => [barcode, BagSteps.COLLECTED] }],
  ['LOADED', { kind: 'bag-loading', key: (barcode) => [barcode, BagSteps.LOADED] }],
  [
    'TRANSFER_ARRIVED',
    { kind: 'bag-transfer-arrival', key: (barcode) => [barcode, BagSteps.TRANSFER_ARRIVED] },
  ],
  [
    'TRANSFER_DEPARTED',
    { kind: 'bag-transfer-departure', key: (barcode) => [barcode, BagSteps.TRANSFER_DEPARTED] },
  ],
  ['DELIVERED', { kind: 'bag-delivery', key: (barcode) => [barcode, BagSteps.DELIVERED] }],
]);

/** What the ledger shows about one transaction's write of one key; a committed transaction never changes. */
interface WriteFacts {
  readonly proof: VerificationProof;
  readonly wroteRecord: boolean;
}

/**
 * The public verification answers, read from the ledger (chaincode queries), each with the proof of
 * the committed transaction that last wrote the record. That transaction is the one the peer's
 * history of the record's key names (proof:LatestWrite), never one the record names itself, and the
 * answer is valid only when it is the responsible department's write of this very record
 * (authority-check.ts). Reads pass through a bulkhead (ReadLimiter) and a short cache, so a burst of
 * citizens costs few peer calls and cannot crowd out clerks.
 */
@Injectable()
export class VerifyService {
  readonly #answers: TtlCache<unknown>;
  // a committed transaction never changes: what it wrote can stay as long as memory allows. Keyed by
  // transaction and record key, so a 1000-bag transaction's key list is never held, only the answer.
  readonly #writes = new TtlCache<WriteFacts>(10 * 60_000, 5_000);
  readonly #limiter: ReadLimiter;
  readonly #bundles: ReadLimiter;
  readonly #configurationHistory: ConfigurationHistory;

  constructor(
    @Inject(PUBLIC_LEDGER) private readonly ledger: PublicLedger,
    @Inject(LEDGER_TRANSACTION_READER) private readonly transactions: LedgerTransactionReader,
    @Inject(VERIFY_SETTINGS) private readonly settings: VerifySettings,
    private readonly holderCheck: HolderCheck,
  ) {
    this.#answers = new TtlCache(settings.cacheTtlMs, 10_000);
    this.#limiter = new ReadLimiter(settings.maxConcurrentReads, settings.maxQueuedReads);
    const bundles = settings.proofBundleMaxConcurrent;
    this.#bundles = new ReadLimiter(bundles, 4 * bundles, 'proof bundle requests');
    this.#configurationHistory = new ConfigurationHistory((blockNumber) => this.ledger.blockAt(blockNumber));
  }

  /**
   * With a holder question (ID number and printed verification code), `holderMatch` from the
   * registry's holder verifier, behind the certificate's daily lockout (holder-check/); never cached.
   */
  async certificate(number: string, holder?: HolderQuestion): Promise<CertificateAnswer> {
    const read = (): Promise<CertificateAnswer> =>
      this.#answers.get(`certificate:${number}`, () =>
        this.#limiter.run(() => this.#readCertificate(number)),
      ) as Promise<CertificateAnswer>;
    if (holder === undefined) return read();
    return this.holderCheck.ask(number, holder, (work) => this.#limiter.run(work), read);
  }

  license(uscc: string): Promise<LicenseAnswer> {
    return this.#answers.get(`license:${uscc}`, () =>
      this.#limiter.run(async () => {
        const { record, write } = await this.#readWithLatestWrite(
          'licence',
          [uscc],
          `licence of USCC ${uscc}`,
        );
        const license = licenseView(record);
        const standing = { current: license.status === 'ACTIVE', status: license.status };
        return licenseAnswer(license, await this.#judge('licence', write, standing));
      }),
    ) as Promise<LicenseAnswer>;
  }

  /** Vouched for by the bag's latest event: its key's last write must be that step's role's. */
  bag(barcode: string): Promise<BagAnswer> {
    return this.#answers.get(`bag:${barcode}`, () =>
      this.#limiter.run(async () => {
        const { GetBag } = Transactions.waste;
        const trace: BagTraceView = chaincodeAnswer(
          await this.ledger.evaluate({ contract: ContractNames.Waste, transaction: GetBag, args: [barcode] }),
          ContractNames.Waste,
          GetBag,
        );
        const step = latestBagStep(trace);
        const event = BAG_EVENTS.get(step);
        if (event === undefined) {
          throw new UnavailableError(`Bag ${barcode} ends with a step this gateway cannot prove: ${step}`);
        }
        // every state of a bag is a current one: only its latest write is judged
        const standing = { current: true, status: trace.status };
        const proven = await this.#prove(event.kind, event.key(barcode), standing);
        return bagAnswer(trace, proven);
      }),
    ) as Promise<BagAnswer>;
  }

  /** The certificate's verification answer for a QR code: number and content hash. */
  async certificateForQr(number: string): Promise<{ certificateNumber: string; contentHash: string }> {
    const { certificateNumber, contentHash } = await this.certificate(number);
    return { certificateNumber, contentHash };
  }

  /**
   * The offline proof bundle, for the certificate's holder or for staff only: it holds the whole
   * block, other departments' transactions and their submitters' certificates included. Staff come
   * with a token (`staff`); a holder answers the holder question, counted against the certificate's
   * daily lockout like the public holder check, and only a match gets the bundle (403 otherwise).
   * Bundles are built behind their own small bulkhead, so they cannot crowd out verification.
   */
  async certificateProofBundle(number: string, access: ProofBundleAccess): Promise<ProofBundle> {
    if (!access.staff) {
      if (access.holder === undefined) {
        throw new UnauthenticatedError(
          "The proof bundle is for the certificate's holder (holderIdNumber and verificationCode) or staff with a token",
        );
      }
      const { holderMatch, ...read } = await this.holderCheck.ask(
        number,
        access.holder,
        (work) => this.#limiter.run(work),
        () => this.#limiter.run(() => this.#certificateWrite(number)),
      );
      if (holderMatch === null) {
        throw new ForbiddenError(
          'This certificate was issued before verification codes were printed: ask the registry for its proof',
          { details: [{ reason: HOLDER_MATCH_UNAVAILABLE, message: 'no verification code was printed' }] },
        );
      }
      if (holderMatch !== true) {
        throw new ForbiddenError(
          "The ID number and verification code do not match this certificate's holder",
          {
            details: [
              { reason: 'HOLDER_MISMATCH', message: 'the ID number or the verification code is wrong' },
            ],
          },
        );
      }
      // the holder's answer was checked against this very read: bundle it, not a later one
      return this.#bundles.run(() => this.#buildCertificateProofBundle(read));
    }
    return this.#bundles.run(async () =>
      this.#buildCertificateProofBundle(await this.#certificateWrite(number)),
    );
  }

  /**
   * Everything an offline verifier needs (scripts/src/verify-proof): the block holding the
   * transaction that last wrote the certificate, the channel's configuration blocks from the genesis
   * block to the one in force for it, and the record as written.
   */
  async #buildCertificateProofBundle({ record, write }: StoredWithWrite): Promise<ProofBundle> {
    const { certificateNumber } = parseStoredCertificate(record).content;
    const blockBytes = await this.ledger.blockOf(write.txId);
    if (blockBytes === undefined) {
      throw new UnavailableError(
        `The transaction ${write.txId} of certificate ${certificateNumber} is not on this peer yet`,
      );
    }
    const [configurationBlocks, channel] = await Promise.all([
      this.#configurationHistory.chainUpTo(lastConfigBlockNumber(blockBytes)),
      this.ledger.channel(),
    ]);
    return buildProofBundle({
      channel,
      chaincode: RecordTypeHome[AUTHORITIES.certificate.recordType],
      recordKind: 'real-estate-certificate',
      recordId: certificateNumber,
      recordKey: write.key,
      blockBytes,
      txId: write.txId,
      configurationBlocks,
      now: new Date(),
    });
  }

  async #readCertificate(number: string): Promise<CertificateAnswer> {
    const { record: stored, write } = await this.#certificateWrite(number);
    const record = parseStoredCertificate(stored);
    const standing = { current: record.status === 'ACTIVE', status: certificateStatus(record) };
    return certificateAnswer(record, await this.#judge('certificate', write, standing));
  }

  /** The certificate as stored and the transaction that last wrote it (one query). */
  #certificateWrite(number: string): Promise<StoredWithWrite> {
    return this.#readWithLatestWrite('certificate', [number], `certificate ${number}`);
  }

  /** The last write of the record under `keyParts`, and what the authority check makes of it. */
  async #prove(
    kind: VerifiedRecordKind,
    keyParts: RecordKeyParts,
    standing: RecordStanding,
  ): Promise<ProvenWrite> {
    return this.#judge(kind, await this.#latestWrite(kind, keyParts), standing);
  }

  /** What the authority check makes of the record's last write (its transaction read once, then cached). */
  async #judge(kind: VerifiedRecordKind, write: RecordWrite, standing: RecordStanding): Promise<ProvenWrite> {
    const { proof, wroteRecord } = await this.#writeFacts(
      write.txId,
      RecordTypeHome[AUTHORITIES[kind].recordType],
      write.key,
    );
    return { proof, verdict: checkAuthority(kind, { ...proof, wroteRecord }, standing) };
  }

  /**
   * The record as stored and the transaction that last wrote its key, in one chaincode query
   * (proof:ReadWithLatestWrite of the record's own definition): the same read as the domain's Get
   * followed by LatestWrite, at half the round trips. `what` names the record in a 404.
   */
  async #readWithLatestWrite(
    kind: VerifiedRecordKind,
    keyParts: RecordKeyParts,
    what: string,
  ): Promise<StoredWithWrite> {
    const { record, write } = await this.#askProof(
      kind,
      keyParts,
      Transactions.proof.ReadWithLatestWrite,
      () => new NotFoundError(`${what} not found`),
    );
    return { record, write: checkedWrite(write, compositeKey(AUTHORITIES[kind].recordType, ...keyParts)) };
  }

  /**
   * The transaction that last wrote the record's key, from the peer's history (proof:LatestWrite).
   * The record was read a moment before, so a key without a write (or deleted since) means the
   * ledger is mid-change or inconsistent: 503, never a verdict.
   */
  async #latestWrite(kind: VerifiedRecordKind, keyParts: RecordKeyParts): Promise<RecordWrite> {
    const answer = await this.#askProof(
      kind,
      keyParts,
      Transactions.proof.LatestWrite,
      () => new UnavailableError('The ledger shows this record but no transaction writing it yet'),
    );
    return checkedWrite(answer, compositeKey(AUTHORITIES[kind].recordType, ...keyParts));
  }

  /**
   * A `proof` query about the record's key, asked of the record's own definition (the history of its
   * namespace, which only its department's peer can write); NOT_FOUND becomes `notFound()`.
   */
  async #askProof<T extends TransactionOf<typeof ContractNames.Proof>>(
    kind: VerifiedRecordKind,
    keyParts: RecordKeyParts,
    transaction: T,
    notFound: () => Error,
  ): Promise<TransactionAnswer<typeof ContractNames.Proof, T>> {
    const { recordType } = AUTHORITIES[kind];
    let bytes: Uint8Array;
    try {
      bytes = await this.ledger.evaluate({
        contract: ContractNames.Proof,
        chaincode: RecordTypeHome[recordType],
        transaction,
        args: [recordType, JSON.stringify(keyParts)],
      });
    } catch (error) {
      throw error instanceof NotFoundError ? notFound() : error;
    }
    return chaincodeAnswer(bytes, ContractNames.Proof, transaction);
  }

  #writeFacts(txId: string, namespace: ChaincodeName, key: string): Promise<WriteFacts> {
    return this.#writes.get(`${txId} ${namespace} ${key}`, async () => {
      const tx = await this.transactions.find(txId);
      if (tx === undefined) {
        throw new UnavailableError(`The history names transaction ${txId}, which this peer cannot read yet`);
      }
      return { proof: proofOf(tx), wroteRecord: writesRecord(tx, namespace, key) };
    });
  }
}

/** A record as stored (its JSON) and the write that put it there. */
interface StoredWithWrite {
  readonly record: unknown;
  readonly write: RecordWrite;
}

/** The transaction that last wrote a record's key, and that key. */
interface RecordWrite {
  readonly txId: string;
  readonly key: string;
}

/**
 * A LatestWrite answer checked for use: a transaction id, and not a delete (the record was read, so
 * its key must hold a value). `key` is built by the caller, not taken from the answer: it is what
 * the transaction must have written.
 */
function checkedWrite({ txId, isDelete }: LatestWriteAnswer, key: string): RecordWrite {
  if (!/^[0-9a-f]{64}$/.test(txId) || isDelete) {
    throw new UnavailableError('The record changed while it was being verified; ask again');
  }
  return { txId, key };
}

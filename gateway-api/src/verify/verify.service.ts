import { Inject, Injectable } from '@nestjs/common';

import { type CertificateRecord } from '../../../chaincode/src/realestate/certificate-record';
import { RecordTypes } from '../../../chaincode/src/common/ledger';
import { NotFoundError, UnavailableError } from '../common/errors';
import { LEDGER_TRANSACTION_READER, type LedgerTransactionReader } from '../ledger/ledger-transactions.port';
import { PUBLIC_LEDGER, type PublicLedger } from '../ledger/public-ledger.port';
import { buildProofBundle, lastConfigBlockNumber, type ProofBundle } from './proof-bundle';
import { ReadLimiter } from './read-limiter';
import { TtlCache } from './ttl-cache';
import {
  bagAnswer,
  type BagAnswer,
  bagProofTxId,
  type BagTraceView,
  certificateAnswer,
  type CertificateAnswer,
  certificateProofRegistration,
  licenseAnswer,
  type LicenseAnswer,
  licenseProofTxId,
  type LicenseView,
  proofOf,
  type VerificationProof,
} from './verify-answers';
import { VERIFY_SETTINGS, type VerifySettings } from './verify.settings';

const REGISTRY_MSP = 'RegistryMSP';

/** Fabric's composite key, as the chaincode's createCompositeKey writes it into the write set. */
function compositeKey(type: string, ...attributes: string[]): string {
  return `\u0000${[type, ...attributes].join('\u0000')}\u0000`;
}

/**
 * The public verification answers, read from the ledger (chaincode queries), each with the proof of
 * the committed transaction that last wrote the record. Reads pass through a bulkhead (ReadLimiter)
 * and a short cache, so a burst of citizens costs few peer calls and cannot crowd out clerks.
 */
@Injectable()
export class VerifyService {
  readonly #answers: TtlCache<unknown>;
  // a committed transaction never changes: its proof can stay as long as memory allows
  readonly #proofs = new TtlCache<VerificationProof>(10 * 60_000, 5_000);
  readonly #limiter: ReadLimiter;

  constructor(
    @Inject(PUBLIC_LEDGER) private readonly ledger: PublicLedger,
    @Inject(LEDGER_TRANSACTION_READER) private readonly transactions: LedgerTransactionReader,
    @Inject(VERIFY_SETTINGS) private readonly settings: VerifySettings,
  ) {
    this.#answers = new TtlCache(settings.cacheTtlMs, 10_000);
    this.#limiter = new ReadLimiter(settings.maxConcurrentReads, settings.maxQueuedReads);
  }

  /** `holderIdNumber` answers `holderMatch` by salted hash on a registry peer; it is never cached. */
  async certificate(number: string, holderIdNumber?: string): Promise<CertificateAnswer> {
    const answer = (await this.#answers.get(`certificate:${number}`, () =>
      this.#limiter.run(() => this.#readCertificate(number)),
    )) as CertificateAnswer;
    if (holderIdNumber === undefined) return answer;
    const match = await this.#limiter.run(async () => {
      const bytes = await this.ledger.evaluate(
        { contract: 'realestate', transaction: 'GetHolderMatch', args: [number, holderIdNumber] },
        { mspId: REGISTRY_MSP },
      );
      return (parse(bytes) as { match: boolean }).match;
    });
    return { ...answer, holderMatch: match };
  }

  license(uscc: string): Promise<LicenseAnswer> {
    return this.#answers.get(`license:${uscc}`, () =>
      this.#limiter.run(async () => {
        const license = parse(
          await this.ledger.evaluate({ contract: 'business', transaction: 'GetLicense', args: [uscc] }),
        ) as LicenseView;
        const txId = licenseProofTxId(license);
        const proof = txId === undefined ? null : await this.#proof(txId);
        return licenseAnswer(license, proof, proof?.creatorMspId ?? 'MarketMSP');
      }),
    ) as Promise<LicenseAnswer>;
  }

  bag(barcode: string): Promise<BagAnswer> {
    return this.#answers.get(`bag:${barcode}`, () =>
      this.#limiter.run(async () => {
        const trace = parse(
          await this.ledger.evaluate({ contract: 'waste', transaction: 'GetBag', args: [barcode] }),
        ) as BagTraceView;
        const txId = bagProofTxId(trace);
        if (txId === undefined)
          throw new UnavailableError(`The trace of bag ${barcode} names no transaction`);
        return bagAnswer(trace, await this.#proof(txId));
      }),
    ) as Promise<BagAnswer>;
  }

  /** The certificate's verification answer for a QR code: number and content hash. */
  async certificateForQr(number: string): Promise<{ certificateNumber: string; contentHash: string }> {
    const { certificateNumber, contentHash } = await this.certificate(number);
    return { certificateNumber, contentHash };
  }

  /**
   * Everything an offline verifier needs (scripts/src/verify-proof): the block holding the
   * transaction that last wrote the certificate, the organisations' CA certificates from the channel
   * configuration in force, and the record as written.
   */
  async certificateProofBundle(number: string): Promise<ProofBundle> {
    return this.#limiter.run(async () => {
      const record = await this.#certificateRecord(number);
      const certificateNumber = record.content.certificateNumber;
      const txId = await this.#registrationTxId(
        record.content.unitNumber,
        certificateProofRegistration(record),
      );
      const blockBytes = await this.ledger.blockOf(txId);
      if (blockBytes === undefined) {
        throw new UnavailableError(
          `The transaction ${txId} of certificate ${certificateNumber} is not on this peer yet`,
        );
      }
      const [configBlockBytes, names] = await Promise.all([
        this.ledger.blockAt(BigInt(lastConfigBlockNumber(blockBytes))),
        this.ledger.names(),
      ]);
      return buildProofBundle({
        channel: names.channel,
        chaincode: names.chaincode,
        recordKind: 'real-estate-certificate',
        recordId: certificateNumber,
        recordKey: compositeKey(RecordTypes.RealEstateCertificate, certificateNumber),
        blockBytes,
        txId,
        configBlockBytes,
        now: new Date(),
      });
    });
  }

  async #readCertificate(number: string): Promise<CertificateAnswer> {
    const record = await this.#certificateRecord(number);
    const txId = await this.#registrationTxId(
      record.content.unitNumber,
      certificateProofRegistration(record),
    );
    const proof = await this.#proof(txId);
    return certificateAnswer(record, proof, proof.creatorMspId);
  }

  async #certificateRecord(number: string): Promise<CertificateRecord> {
    return parse(
      await this.ledger.evaluate({ contract: 'realestate', transaction: 'GetCertificate', args: [number] }),
    ) as CertificateRecord;
  }

  /** The transaction of one registration act, from the unit's register (each act records its txId). */
  async #registrationTxId(unitNumber: string, registrationId: string): Promise<string> {
    const history = parse(
      await this.ledger.evaluate({
        contract: 'realestate',
        transaction: 'GetUnitHistory',
        args: [unitNumber],
      }),
    ) as { registrations: readonly { registrationId: string; txId: string }[] };
    const act = history.registrations.find((entry) => entry.registrationId === registrationId);
    if (act === undefined) {
      throw new UnavailableError(`The register of unit ${unitNumber} has no act ${registrationId}`);
    }
    return act.txId;
  }

  #proof(txId: string): Promise<VerificationProof> {
    return this.#proofs.get(txId, async () => {
      const tx = await this.transactions.find(txId);
      if (tx === undefined) throw new NotFoundError(`No transaction ${txId} on the ledger`);
      return proofOf(tx);
    });
  }
}

function parse(bytes: Uint8Array): unknown {
  return JSON.parse(Buffer.from(bytes).toString('utf8'));
}

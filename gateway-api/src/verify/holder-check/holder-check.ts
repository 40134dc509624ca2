import { Inject, Injectable } from '@nestjs/common';

import { PUBLIC_LEDGER, type PublicLedger } from '../../ledger/public-ledger.port';
import { VERIFY_SETTINGS, type VerifySettings } from '../verify.settings';
import { HolderCheckLockout } from './holder-check-lockout';
import { ContractNames, Transactions } from '../../../../chaincode/src/contract';
import { chaincodeAnswer } from '../../common/chaincode-answer';

/** What a citizen gives to ask "is this certificate mine?": both, or it is not asked. */
export interface HolderQuestion {
  readonly idNumber: string;
  /** Canonical: 8 characters of the code alphabet, as printed on the certificate. */
  readonly verificationCode: string;
}

export const HOLDER_MATCH_UNAVAILABLE = 'NO_VERIFICATION_CODE';

/** The holder part of a certificate answer. */
export interface HolderAnswer {
  /** true: both match; false: they do not; null: the certificate has no code, nothing was compared. */
  readonly holderMatch: boolean | null;
  readonly holderMatchReason?: { readonly code: typeof HOLDER_MATCH_UNAVAILABLE; readonly message: string };
}

/**
 * The public holder check: counted against the certificate's daily lockout first (a locked one is
 * refused without asking the ledger), then GetHolderMatch evaluated as the registry's holder
 * verifier, the only identity the chaincode answers. Only a wrong answer keeps its count.
 */
@Injectable()
export class HolderCheck {
  constructor(
    private readonly lockout: HolderCheckLockout,
    @Inject(PUBLIC_LEDGER) private readonly ledger: PublicLedger,
    @Inject(VERIFY_SETTINGS) private readonly settings: VerifySettings,
  ) {}

  /**
   * `read` runs the ledger reads (the caller's bulkhead); the certificate itself is read inside the
   * slot too, so an unknown number or an outage gives the slot back rather than counting.
   */
  async ask<T>(
    certificateNumber: string,
    question: HolderQuestion,
    read: <R>(work: () => Promise<R>) => Promise<R>,
    certificate: () => Promise<T>,
  ): Promise<T & HolderAnswer> {
    const slot = await this.lockout.take(certificateNumber);
    let failed = false;
    try {
      const answer = await certificate();
      const holder = await read(() => this.#evaluate(certificateNumber, question));
      failed = holder.holderMatch === false;
      return { ...answer, ...holder };
    } finally {
      if (!failed) await this.lockout.giveBack(slot);
    }
  }

  async #evaluate(certificateNumber: string, question: HolderQuestion): Promise<HolderAnswer> {
    const { GetHolderMatch } = Transactions.realestate;
    const bytes = await this.ledger.evaluate(
      {
        contract: ContractNames.RealEstate,
        transaction: GetHolderMatch,
        args: [certificateNumber, question.idNumber, question.verificationCode],
      },
      { user: this.settings.holderVerifierUser },
    );
    const { codeIssued, match } = chaincodeAnswer(bytes, ContractNames.RealEstate, GetHolderMatch);
    if (!codeIssued) {
      return {
        holderMatch: null,
        holderMatchReason: {
          code: HOLDER_MATCH_UNAVAILABLE,
          message:
            'This certificate was issued before verification codes were printed: the holder check is not available for it',
        },
      };
    }
    return { holderMatch: match === true };
  }
}

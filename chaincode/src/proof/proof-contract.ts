// The `proof` contract: read-only questions a verifier asks about how a record came to be on the
// ledger, answered from the peer's own records rather than from the record's content. The gateway's
// public verification uses LatestWrite to find the transaction whose endorsers and submitter it checks.
//
// Every production definition serves `proof`, and each answers for its own namespace only: a peer's
// history of a key is kept per namespace, so a record type another definition holds (RecordTypeHome)
// is refused with VALIDATION_FAILED naming that definition. fabric-chaincode-node instantiates
// contract classes without arguments, so each definition has its own small subclass below.

// Context must be a value import: with emitDecoratorMetadata, fabric-contract-api recognises the
// context parameter by its runtime type and would otherwise reject it as a plain Object.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { answerType } from '../common/answer-metadata';
import { LatestWriteAnswer, RecordWithLatestWriteAnswer } from './answers';
import { requireMember } from '../common/access';
import { NotFoundError } from '../common/errors';
import { type ChaincodeName, ChaincodeNames, ContractNames } from '../common/definitions';
import { latestWrite, readWithLatestWrite } from './latest-write';
import { provableRecordKey } from './provable-records';

@Info({ title: 'ProofContract', description: 'Which committed transaction last wrote a public record' })
export abstract class ProofContract extends Contract {
  /** The definition (namespace) whose records this contract answers for. */
  readonly home: ChaincodeName;

  protected constructor(home: ChaincodeName) {
    super(ContractNames.Proof);
    this.home = home;
  }

  /**
   * `{ key, txId, timestamp, isDelete }` of the newest write of the record's key in the peer's history.
   * `keyJson` is a JSON array of the key's attributes, e.g. `["粤(2026)广州市不动产权第09400110号"]`
   * for `realestate.certificate`, `["440103…", "1-COLLECTED"]` for `waste-bag-event`.
   * NOT_FOUND when the key was never written; UNAVAILABLE while the history catches up with state;
   * VALIDATION_FAILED for a record type of another definition (the message names it).
   */
  @Transaction(false)
  @Returns(answerType(LatestWriteAnswer))
  async LatestWrite(
    ctx: Context,
    recordType: string,
    keyJson: string,
  ): Promise<AnswerJson<typeof LatestWriteAnswer>> {
    requireMember(ctx);
    return answerJson(
      LatestWriteAnswer,
      await latestWrite(ctx, provableRecordKey(ctx, this.home, recordType, keyJson)),
    );
  }

  /**
   * `{ record, write }`: the record as stored (its JSON) and LatestWrite's answer for its key, from
   * one read of state and history, so a verifier's record and the transaction it checks come from
   * one query (half the round trips of the domain read followed by LatestWrite). Arguments as for
   * LatestWrite; NOT_FOUND when the key holds no record now (never written, or deleted).
   */
  @Transaction(false)
  @Returns(answerType(RecordWithLatestWriteAnswer))
  async ReadWithLatestWrite(
    ctx: Context,
    recordType: string,
    keyJson: string,
  ): Promise<AnswerJson<typeof RecordWithLatestWriteAnswer>> {
    requireMember(ctx);
    const { value, write } = await readWithLatestWrite(
      ctx,
      provableRecordKey(ctx, this.home, recordType, keyJson),
    );
    if (value === undefined) throw new NotFoundError(`no ${recordType} record is held under this key`);
    const record: unknown = JSON.parse(Buffer.from(value).toString('utf8'));
    // every record is written as a canonical JSON object (putRecord); anything else is a bug
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new Error(`the ${recordType} record under this key is not a JSON object`);
    }
    return answerJson(RecordWithLatestWriteAnswer, { record, write });
  }
}

@Info({ title: 'RealEstateProofContract', description: 'proof for the realestate definition' })
export class RealEstateProofContract extends ProofContract {
  constructor() {
    super(ChaincodeNames.RealEstate);
  }
}

@Info({ title: 'TaxProofContract', description: 'proof for the tax definition' })
export class TaxProofContract extends ProofContract {
  constructor() {
    super(ChaincodeNames.Tax);
  }
}

@Info({ title: 'BusinessProofContract', description: 'proof for the business definition' })
export class BusinessProofContract extends ProofContract {
  constructor() {
    super(ChaincodeNames.Business);
  }
}

@Info({ title: 'WasteProofContract', description: 'proof for the waste definition' })
export class WasteProofContract extends ProofContract {
  constructor() {
    super(ChaincodeNames.Waste);
  }
}

// The `proof` contract: read-only questions a verifier asks about how a record came to be on the
// ledger, answered from the peer's own records rather than from the record's content. The gateway's
// public verification uses LatestWrite to find the transaction whose endorsers and submitter it checks.

// Context must be a value import: with emitDecoratorMetadata, fabric-contract-api recognises the
// context parameter by its runtime type and would otherwise reject it as a plain Object.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { requireMember } from '../common/access';
import { toCanonicalJson } from '../common/canonical-json';
import { latestWrite } from './latest-write';
import { provableRecordKey } from './provable-records';

@Info({ title: 'ProofContract', description: 'Which committed transaction last wrote a public record' })
export class ProofContract extends Contract {
  constructor() {
    super('proof');
  }

  /**
   * `{ key, txId, timestamp, isDelete }` of the newest write of the record's key in the peer's history.
   * `keyJson` is a JSON array of the key's attributes, e.g. `["粤(2026)广州市不动产权第09400110号"]`
   * for `realestate.certificate`, `["440103…", "1-COLLECTED"]` for `waste-bag-event`.
   * NOT_FOUND when the key was never written; UNAVAILABLE while the history catches up with state.
   */
  @Transaction(false)
  @Returns('string')
  async LatestWrite(ctx: Context, recordType: string, keyJson: string): Promise<string> {
    requireMember(ctx);
    return toCanonicalJson(await latestWrite(ctx, provableRecordKey(ctx, recordType, keyJson)));
  }
}

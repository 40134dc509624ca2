// A minimal contract that proves the ledger round trip end to end (submit, endorse, commit, event,
// evaluate) without any domain rules. Any member of the four organisations may call it; the writer's
// MSP is still recorded, so a smoke test also shows which peer organisation's client wrote. The
// organisation that first writes a key owns it: its peer must endorse every later change (key-level
// endorsement), which is what the forged-endorsement tests exercise.

// Context must be a value import: with emitDecoratorMetadata, fabric-contract-api recognises the
// context parameter by its runtime type and would otherwise reject it as a plain Object.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { answerType } from '../common/answer-metadata';
import { SmokeRecordAnswer } from './answers';
import { isOrgMsp, requireMember } from '../common/access';
import { ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { requireEndorsementBy } from '../common/endorsement';
import {
  RecordTypes,
  putRecord,
  recordExists,
  recordKey,
  requireRecord,
  withBatchedWrites,
} from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { parseSmokeEntries, SmokeRecord, smokeKeyProblems, smokeValueProblems } from './smoke-record';

@Info({ title: 'SmokeContract', description: 'Writes and reads one value to prove the ledger round trip' })
export class SmokeContract extends Contract {
  constructor() {
    super('smoke');
  }

  /** Stores `value` under `key` (overwriting), and emits SmokeValueWritten with the stored record. */
  @Transaction()
  async Put(ctx: Context, key: string, value: string): Promise<void> {
    const submitter = requireMember(ctx);
    const problems = [...smokeKeyProblems(key), ...smokeValueProblems(value)];
    if (problems.length > 0) {
      throw new ValidationError('invalid smoke value', problems);
    }
    const record = SmokeRecord.create({
      key,
      value,
      updatedAt: transactionTime(ctx),
      updatedBy: submitter.mspId,
    });
    const stateKey = recordKey(ctx, RecordTypes.Smoke, key);
    const isNew = !(await recordExists(ctx, stateKey));
    await putRecord(ctx, stateKey, record);
    if (isNew && isOrgMsp(submitter.mspId)) {
      // Set once, at creation; afterwards only the owner's endorsement could change it. The smoke
      // definition's own policy admits any of the four departments, so here (and only here: the
      // production definitions each have one owner) a key-level policy is what names an owner.
      await requireEndorsementBy(ctx, stateKey, submitter.mspId);
    }
    emitEvent(ctx, EventNames.SmokeValueWritten, record);
  }

  /**
   * The bench's reference for a large write: `entriesJson` is a list of up to 1000 `{ key, value }`,
   * each stored as a smoke record in one write batch (one message to the peer), no reads, no key-level
   * policies, no event: what Fabric itself costs to endorse, order and commit that many keys.
   */
  @Transaction()
  async PutMany(ctx: Context, entriesJson: string): Promise<void> {
    const submitter = requireMember(ctx);
    const entries = parseSmokeEntries(entriesJson);
    const updatedAt = transactionTime(ctx);
    await withBatchedWrites(ctx, async () => {
      for (const { key, value } of entries) {
        const record = SmokeRecord.create({ key, value, updatedAt, updatedBy: submitter.mspId });
        await putRecord(ctx, recordKey(ctx, RecordTypes.Smoke, key), record);
      }
    });
  }

  /** The committed record under `key` as canonical JSON; NOT_FOUND when there is none. */
  @Transaction(false)
  @Returns(answerType(SmokeRecordAnswer))
  async Get(ctx: Context, key: string): Promise<AnswerJson<typeof SmokeRecordAnswer>> {
    requireMember(ctx);
    const problems = smokeKeyProblems(key);
    if (problems.length > 0) {
      throw new ValidationError('invalid smoke key', problems);
    }
    const record = await requireRecord(
      ctx,
      recordKey(ctx, RecordTypes.Smoke, key),
      (raw) => SmokeRecord.fromStored(raw),
      `smoke value '${key}'`,
    );
    return answerJson(SmokeRecordAnswer, record);
  }
}

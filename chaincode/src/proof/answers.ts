// What the proof contract answers (answer-shape.ts): the transaction that last wrote a record's key.

import { answerShape } from '../common/answer-shape';

/** LatestWrite: the newest entry of the key's history. */
export const LatestWriteAnswer = answerShape('LatestWriteAnswer', {
  key: 'string',
  txId: 'string',
  /** The writing transaction's timestamp (its proposal header), ISO-8601 UTC, milliseconds. */
  timestamp: 'string',
  isDelete: 'boolean',
});

/** ReadWithLatestWrite: the record as stored (its JSON, judged by the reader) and its latest write. */
export const RecordWithLatestWriteAnswer = answerShape('RecordWithLatestWriteAnswer', {
  record: 'object',
  write: LatestWriteAnswer,
});

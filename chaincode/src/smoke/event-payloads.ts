// What the smoke contract's event carries (answer-shape.ts): the stored record, as Put wrote it.

import { answerShape } from '../common/answer-shape';

/** SmokeValueWritten: the record under `key` after the write. */
export const SmokeValueWrittenPayload = answerShape('SmokeValueWrittenPayload', {
  key: 'string',
  value: 'string',
  updatedAt: 'string',
  updatedBy: 'string',
});

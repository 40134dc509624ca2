// What the smoke contract answers (answer-shape.ts).

import { answerShape } from '../common/answer-shape';

/** Get: the committed record under a key. */
export const SmokeRecordAnswer = answerShape('SmokeRecordAnswer', {
  key: 'string',
  value: 'string',
  updatedAt: 'string',
  updatedBy: 'string',
});

// What a transaction returns: the canonical JSON text of its answer, typed by the answer's shape
// (answer-shape.ts), so the compiler checks that the chaincode builds what the gateway decodes and
// what @Returns declares. Answers stay text, not objects: answer-metadata.ts says why.

import { type AnswerShape, type Fields, type ValueOfFields } from './answer-shape';
import { toCanonicalJson } from './canonical-json';

declare const answerOf: unique symbol;

/** Canonical JSON of an answer of shape `S`; a string on the wire and to the tests. */
export type AnswerJson<S extends AnswerShape> = string & { readonly [answerOf]: S };

/** The answer `value` of `shape` as canonical JSON (open objects may be any object: AnswerValue). */
export function answerJson<F extends Fields>(
  shape: AnswerShape<F>,
  value: ValueOfFields<F, 'build'>,
): AnswerJson<AnswerShape<F>> {
  return toCanonicalJson(value) as AnswerJson<AnswerShape<F>>;
}

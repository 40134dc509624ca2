import {
  answerProblem,
  type EventName,
  type EventPayload,
  EventPayloads,
  type Fields,
} from '../../../../chaincode/src/contract';
import { type LedgerEvent } from '../../ledger/ledger-events.port';
import { MalformedEventError } from './malformed-event.error';
import { payloadObject } from './payload';

// The one decoder of event payloads: bytes → the payload of the shape the chaincode declares for the
// event (chaincode/src/common/event-payloads.ts, checked by the same function as its answers), or one
// MalformedEventError, which the listener quarantines. Projectors then only map typed fields to rows;
// nothing is half read. Fields the shape does not list are kept, unread.

/**
 * The chaincode's own rules for a field's value (a pattern, a length), checked again because the index
 * must never hold what the ledger could not: a problem, or undefined when the value is fine. A rule
 * sees only a value of its field's shape; a value of another shape is the shape's problem.
 */
export type PayloadRules<N extends EventName> = {
  readonly [F in keyof EventPayload<N>]?: (
    value: Exclude<EventPayload<N>[F], undefined>,
  ) => string | undefined;
};

/**
 * The payload of `event` as event `name` carries it (NUL characters already replaced, payload.ts),
 * after its `rules`. The error lists the shape's first problem and every broken rule.
 */
export function eventPayload<N extends EventName>(
  event: LedgerEvent,
  name: N,
  rules: PayloadRules<N> = {},
): EventPayload<N> {
  const payload = payloadObject(event);
  const shape = EventPayloads[name];
  const problems: string[] = [];
  const shapeProblem = answerProblem(payload, shape);
  if (shapeProblem !== undefined) problems.push(shapeProblem);
  const fields: Fields = shape.fields;
  for (const [field, rule] of Object.entries(rules) as [string, (value: unknown) => string | undefined][]) {
    const value = payload[field];
    if (value === undefined || !fieldFits(value, fields[field])) continue;
    const problem = rule(value);
    if (problem !== undefined) problems.push(problem);
  }
  if (problems.length > 0) throw new MalformedEventError(event, problems);
  // EventPayloads[name] is the shape EventPayload<N> is derived from, and the payload fits it
  return payload as EventPayload<N>;
}

/** Whether a present value fits its field's kind (an optional field's kind when it is one). */
function fieldFits(value: unknown, field: Fields[string] | undefined): boolean {
  if (field === undefined) return false;
  const kind = typeof field === 'string' || !('optional' in field) ? field : field.optional;
  return answerProblem(value, kind) === undefined;
}

/** A rule: the number at `path` is a whole number (its column is an integer; a JSON number need not be). */
export const wholeNumber =
  (path: string) =>
  (value: number): string | undefined =>
    Number.isSafeInteger(value) ? undefined : `${path} must be a whole number`;

/** The first problem of a list's items, if any: a rule for a list field. */
export const firstProblem = (problems: readonly (string | undefined)[]): string | undefined =>
  problems.find((problem) => problem !== undefined);

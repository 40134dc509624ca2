// Whether events the chaincode emitted fit the shapes it declares (common/event-payloads.ts). The
// compiler checks each emitEvent's literal fields, but not what a spread record or a passed-on object
// carries, so tests run real transactions and check the bytes, as the gateway's decoder will.

import { answerProblem } from '../common/answer-shape';
import { isEventName } from '../common/event-names';
import { EventPayloads } from '../common/event-payloads';

/** "name: problem" for each event that does not fit its shape (or has no known name). */
export function eventShapeProblems(
  events: readonly { readonly name: string; readonly payload: Buffer }[],
): string[] {
  return events.flatMap(({ name, payload }) => {
    if (!isEventName(name)) return [`${name}: not an event name`];
    const problem = answerProblem(JSON.parse(payload.toString('utf8')), EventPayloads[name]);
    return problem === undefined ? [] : [`${name}: ${problem}`];
  });
}

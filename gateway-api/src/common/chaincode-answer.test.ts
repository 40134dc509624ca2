import { ApiError } from './errors';
import { chaincodeAnswerObject } from './chaincode-answer';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('chaincodeAnswerObject', () => {
  it('reads a JSON object', () => {
    expect(chaincodeAnswerObject(bytes('{"txId":"a","n":1}'), 'waste RecordScans')).toEqual({
      txId: 'a',
      n: 1,
    });
  });

  it.each<[string, Uint8Array]>([
    ['not JSON', bytes('OK')],
    ['a JSON array', bytes('[1]')],
    ['JSON null', bytes('null')],
    ['a JSON string', bytes('"x"')],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d])],
  ])('answers the generic 500 for %s', (_what, answer) => {
    let caught: unknown;
    try {
      chaincodeAnswerObject(answer, 'realestate GetUnit');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).getStatus()).toBe(500);
  });
});

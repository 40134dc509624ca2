import { Logger } from '@nestjs/common';

import { answerShape, listOf, nullable, optional } from '../../../chaincode/src/contract';
import { ApiError } from './errors';
import { chaincodeAnswer, chaincodeAnswerObject, decodeAnswer } from './chaincode-answer';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const json = (value: unknown): Uint8Array => bytes(JSON.stringify(value));

/** The error `read` throws (it must throw). */
function thrownBy(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error('expected the read to throw');
}

function expectGeneric500(error: unknown): void {
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).getStatus()).toBe(500);
}

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

describe('decodeAnswer', () => {
  const Item = answerShape('TestItem', { id: 'string', done: 'boolean' });
  const Shape = answerShape('TestAnswer', {
    name: 'string',
    count: 'number',
    note: optional('string'),
    closedAt: nullable('string'),
    items: listOf(Item),
    extra: optional('object'),
  });
  const valid = { name: 'n', count: 2, closedAt: null, items: [{ id: 'a', done: true }] };
  let logged: jest.SpyInstance;
  /** The first message logged through Logger.error. */
  const firstLog = (): string => String((logged.mock.calls as unknown[][])[0]?.[0]);

  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('answers the decoded value, keeping fields the shape does not list', () => {
    const answer = decodeAnswer(json({ ...valid, unlisted: [1] }), Shape, 'test Read');
    expect(answer).toEqual({ ...valid, unlisted: [1] });
    // typed by the shape: these compile
    const names: [string, number, string | undefined, string | null] = [
      answer.name,
      answer.count,
      answer.note,
      answer.closedAt,
    ];
    expect(names).toEqual(['n', 2, undefined, null]);
    expect(answer.items[0]?.done).toBe(true);
    expect(logged).not.toHaveBeenCalled();
  });

  it('accepts an optional field present with its type, and an open object', () => {
    const answer = { ...valid, note: 'x', closedAt: '2026-01-01T00:00:00.000Z', extra: { any: 'thing' } };
    expect(decodeAnswer(json(answer), Shape, 'test Read')).toEqual(answer);
  });

  it.each<[string, unknown, string]>([
    ['a missing field', { ...valid, name: undefined }, '$.name is missing'],
    ['a field of the wrong type', { ...valid, count: '2' }, '$.count is not a number'],
    ['an optional field of the wrong type', { ...valid, note: 7 }, '$.note is not a string'],
    ['null where null is not allowed', { ...valid, name: null }, '$.name is not a string'],
    ['a list that is not one', { ...valid, items: {} }, '$.items is not a list'],
    ['a wrong entry deep in a list', { ...valid, items: [{ id: 'a', done: 'yes' }] }, '$.items[0].done'],
    ['an entry that is not an object', { ...valid, items: ['a'] }, '$.items[0] is not TestItem'],
    ['an open object that is a list', { ...valid, extra: [] }, '$.extra is not an object'],
  ])('answers the generic 500 for %s, logging where but not what', (_case, answer, where) => {
    const secret = '11010519491231002X';
    const text = JSON.stringify({ ...(answer as object), personal: secret });
    expectGeneric500(thrownBy(() => decodeAnswer(bytes(text), Shape, 'test Read')));
    expect(logged).toHaveBeenCalledTimes(1);
    const message = firstLog();
    expect(message).toContain('test Read');
    expect(message).toContain(where);
    expect(message).toContain(`(${bytes(text).length} bytes)`);
    expect(message).not.toContain(secret);
  });

  it.each<[string, Uint8Array]>([
    ['not JSON', bytes('{"name":')],
    ['an array', json([valid])],
  ])('answers the generic 500 for %s', (_case, answer) => {
    expectGeneric500(thrownBy(() => decodeAnswer(answer, Shape, 'test Read')));
    expect(firstLog()).toContain(`(${answer.length} bytes)`);
  });
});

describe('chaincodeAnswer', () => {
  it('decodes by the shape the transaction declares', () => {
    const answer = chaincodeAnswer(
      json({ caseId: 'BO-1', step: 'TAX', completedAt: '2026-01-01T00:00:00.000Z' }),
      'businesstax',
      'CompleteTaxStep',
    );
    expect(answer.step).toBe('TAX');
  });

  it('names the contract and transaction in the log of a mismatch', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      expectGeneric500(thrownBy(() => chaincodeAnswer(json({ caseId: 'BO-1' }), 'business', 'OpenCase')));
      expect(String(logged.mock.calls[0]?.[0])).toContain('business OpenCase answered');
      expect(String(logged.mock.calls[0]?.[0])).toContain('$.uscc is missing');
    } finally {
      logged.mockRestore();
    }
  });
});

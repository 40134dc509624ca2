import { type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

import { CertificateNumberParams } from '../common/identifiers/identifier-params';
import { createValidationPipe } from '../common/validation';
import { HolderMatchQuery } from './dto/verify-params.dto';
import { RememberedIdentifiersPipe, rememberVerifyIdentifiers } from './remembered-identifiers.pipe';

const PARAM: ArgumentMetadata = { type: 'param', metatype: CertificateNumberParams };
const QUERY: ArgumentMetadata = { type: 'query', metatype: HolderMatchQuery };
const FULL_WIDTH = '粤（2026）广州市不动产权第16042817号';

/** The real global pipe, counting how often it is asked. */
function countingPipe(): { pipe: PipeTransform; calls: () => number } {
  const inner = createValidationPipe();
  let calls = 0;
  return {
    pipe: {
      transform: (value: unknown, metadata: ArgumentMetadata): unknown => {
        calls += 1;
        return inner.transform(value, metadata);
      },
    },
    calls: () => calls,
  };
}

/** A pipe's answer as a promise (PipeTransform.transform is typed any). */
function asked(pipe: PipeTransform, value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
  return Promise.resolve(pipe.transform(value, metadata) as unknown);
}

describe('RememberedIdentifiersPipe', () => {
  it('answers a repeated identifier as the pipe did, asking the pipe once', async () => {
    const { pipe, calls } = countingPipe();
    const remembering = rememberVerifyIdentifiers(pipe);
    const expected: unknown = await createValidationPipe().transform(
      { certificateNumber: FULL_WIDTH },
      PARAM,
    );
    const first: unknown = await remembering.transform({ certificateNumber: FULL_WIDTH }, PARAM);
    const second: unknown = await remembering.transform({ certificateNumber: FULL_WIDTH }, PARAM);
    expect(first).toEqual(expected);
    expect(second).toEqual(expected);
    expect(second).toBeInstanceOf(CertificateNumberParams);
    expect(second).not.toBe(first);
    expect(calls()).toBe(1);
  });

  it('gives each request its own instance, so a change to one is not seen by the next', async () => {
    const remembering = rememberVerifyIdentifiers(createValidationPipe());
    const first = (await remembering.transform({ certificateNumber: FULL_WIDTH }, PARAM)) as {
      certificateNumber: string;
    };
    first.certificateNumber = 'changed';
    expect(await remembering.transform({ certificateNumber: FULL_WIDTH }, PARAM)).toEqual({
      certificateNumber: '粤(2026)广州市不动产权第16042817号',
    });
  });

  it('asks the pipe again for every refused identifier, with the same error', async () => {
    const { pipe, calls } = countingPipe();
    const remembering = rememberVerifyIdentifiers(pipe);
    const expected: unknown = await asked(
      createValidationPipe(),
      { certificateNumber: 'nonsense' },
      PARAM,
    ).catch((error: unknown) => error);
    for (let i = 0; i < 2; i += 1) {
      await expect(remembering.transform({ certificateNumber: 'nonsense' }, PARAM)).rejects.toEqual(expected);
    }
    expect(calls()).toBe(2);
  });

  it('remembers an empty query, never a filled one (it may hold personal data)', async () => {
    const { pipe, calls } = countingPipe();
    const remembering = rememberVerifyIdentifiers(pipe);
    await remembering.transform({}, QUERY);
    await remembering.transform({}, QUERY);
    expect(calls()).toBe(1);
    const question = { holderIdNumber: '11010519491231002X', verificationCode: 'K7M2Q9XR' };
    await asked(remembering, question, QUERY).catch(() => undefined);
    await asked(remembering, question, QUERY).catch(() => undefined);
    expect(calls()).toBe(3);
  });

  it('leaves classes it was not given, and bodies, to the pipe each time', async () => {
    const { pipe, calls } = countingPipe();
    const remembering = new RememberedIdentifiersPipe(pipe, [HolderMatchQuery]);
    await remembering.transform({ certificateNumber: FULL_WIDTH }, PARAM);
    await remembering.transform({ certificateNumber: FULL_WIDTH }, PARAM);
    await remembering.transform({}, { type: 'body', metatype: HolderMatchQuery });
    await remembering.transform({}, { type: 'body', metatype: HolderMatchQuery });
    expect(calls()).toBe(4);
  });

  it('holds at most maxEntries identifiers, dropping the oldest', async () => {
    const { pipe, calls } = countingPipe();
    const remembering = new RememberedIdentifiersPipe(pipe, [CertificateNumberParams], 2);
    const number = (n: number): { certificateNumber: string } => ({
      certificateNumber: `粤(2026)广州市不动产权第1604281${n}号`,
    });
    for (const n of [1, 2, 3, 1]) await remembering.transform(number(n), PARAM);
    expect(calls()).toBe(4);
    await remembering.transform(number(3), PARAM);
    expect(calls()).toBe(4);
  });
});

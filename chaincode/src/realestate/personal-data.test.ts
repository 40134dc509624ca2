import '../testing/quiet-logs';
import { createHash } from 'node:crypto';
import { Roles } from '../common/access';
import { type ChaincodeError } from '../common/errors';
import { residentIdCheckCharacter } from '../common/identifiers';
import { InMemoryLedger, identityForRole } from '../testing';
import { maskName, saltedIdHash } from '../common/personal-data';
import { parseHolders, parseTransferees } from './personal-data';

const ctx = new InMemoryLedger().newTransaction({
  identity: identityForRole(Roles.RegistryClerk),
  timestamp: '2026-03-01T08:00:00.000Z',
}).ctx;
const id = (first17: string): string => first17 + residentIdCheckCharacter(first17);
const holder = (share: string | undefined, first17 = '44010619800101123'): Record<string, unknown> => ({
  name: '张三',
  idNumber: id(first17),
  salt: 'ab'.repeat(16),
  ...(share === undefined ? {} : { share }),
});
const options = { sharesRequired: true, clearanceSaltRequired: false };

function fields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    return (error as ChaincodeError).details.map((detail) => detail.field ?? '');
  }
  throw new Error('expected a ValidationError');
}

describe('maskName', () => {
  it.each([
    ['张', '*'],
    ['张三', '张*'],
    ['张晓三', '张*三'],
    ['欧阳娜娜', '欧**娜'],
    ['𠀀字𠀁', '𠀀*𠀁'],
  ])('masks %s as %s, counting code points', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('saltedIdHash', () => {
  it('is SHA-256 of salt, colon, ID number', () => {
    const salt = 'ab'.repeat(16);
    const number = id('44010619800101123');
    expect(saltedIdHash(salt, number)).toBe(createHash('sha256').update(`${salt}:${number}`).digest('hex'));
  });
});

describe('parseHolders', () => {
  it('accepts shares adding up to exactly 1, including thirds', () => {
    const holders = [
      holder('1/3', '44010619800101123'),
      holder('1/3', '44010619800101131'),
      holder('1/3', '44010619800101140'),
    ];
    expect(parseHolders(ctx, holders, options).map((h) => h.share)).toEqual(['1/3', '1/3', '1/3']);
  });

  it('normalises a lower-case x check character and upper-case salts', () => {
    let first17 = '11010519491231002';
    for (let sequence = 2; residentIdCheckCharacter(first17) !== 'X'; sequence += 1) {
      first17 = `110105194912310${String(sequence).padStart(2, '0')}`;
    }
    const [parsed] = parseHolders(
      ctx,
      [{ ...holder('1/1'), idNumber: `${first17}x`, salt: 'AB'.repeat(16) }],
      options,
    );
    expect(parsed).toMatchObject({ idNumber: `${first17}X`, salt: 'ab'.repeat(16) });
  });

  it.each<[string, unknown, string[]]>([
    ['not an array', { name: 'x' }, ['transient.holders']],
    ['an empty array', [], ['transient.holders']],
    ['21 holders', Array.from({ length: 21 }, () => holder('1/21')), ['transient.holders']],
    ['an improper fraction', [holder('2/1')], ['transient.holders[0].share']],
    ['a decimal share', [holder('0.5')], ['transient.holders[0].share']],
    [
      'shares only on some holders',
      [holder('1/1'), holder(undefined, '44010619800101131')],
      ['transient.holders[1].share', 'transient.holders'],
    ],
    [
      'a birth date after the transaction',
      [holder('1/1', '44010620270101123')],
      ['transient.holders[0].idNumber'],
    ],
  ])('refuses %s', (_name, raw, expected) => {
    expect(fields(() => parseHolders(ctx, raw, options))).toEqual(expected);
  });

  it('allows holders without shares where shares are not required, but not a mix', () => {
    const relaxed = { sharesRequired: false, clearanceSaltRequired: false };
    expect(parseHolders(ctx, [holder(undefined)], relaxed)[0]?.share).toBeNull();
  });
});

describe('parseTransferees', () => {
  it('refuses duplicates and missing salts', () => {
    const transferee = { idNumber: id('44010619800101123'), salt: 'cd'.repeat(16) };
    expect(fields(() => parseTransferees(ctx, [transferee, transferee]))).toEqual(['transient.transferees']);
    expect(fields(() => parseTransferees(ctx, [{ idNumber: transferee.idNumber }]))).toEqual([
      'transient.transferees[0].salt',
    ]);
  });
});

import '../testing/quiet-logs';
import { ValidationError } from '../common/errors';
import { SmokeRecord } from './smoke-record';

const valid = { key: 'k', value: 'v', updatedAt: '2026-03-01T08:00:00.000Z', updatedBy: 'RegistryMSP' };

describe('SmokeRecord', () => {
  it('builds a record from valid fields', () => {
    expect({ ...SmokeRecord.create(valid) }).toEqual(valid);
  });

  it('lists every invalid field at once', () => {
    try {
      SmokeRecord.create({ key: '', value: 'v', updatedAt: '2026-03-01 08:00', updatedBy: '' });
      throw new Error('expected a ValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details.map((detail) => detail.field)).toEqual([
        'key',
        'updatedAt',
        'updatedBy',
      ]);
    }
  });

  it('parses a stored record', () => {
    expect(SmokeRecord.fromStored({ ...valid })).toBeInstanceOf(SmokeRecord);
  });

  it.each([
    ['null', null],
    ['an array', [valid]],
    ['a missing field', { key: 'k', value: 'v', updatedAt: valid.updatedAt }],
    ['a number value', { ...valid, value: 1 }],
    ['an invalid timestamp', { ...valid, updatedAt: '2026-13-01T08:00:00.000Z' }],
  ])('treats %s in storage as an internal error, not a caller error', (_name, raw) => {
    expect(() => SmokeRecord.fromStored(raw)).toThrow(/stored smoke record is invalid/);
    expect(() => SmokeRecord.fromStored(raw)).not.toThrow(ValidationError);
  });
});

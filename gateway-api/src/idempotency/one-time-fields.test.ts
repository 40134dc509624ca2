import { withoutOneTimeFields } from './one-time-fields';

describe('withoutOneTimeFields', () => {
  it('drops the verification code from an answer kept for replay, and nothing else', () => {
    expect(
      withoutOneTimeFields({ registrationId: 'r', certificateNumber: 'c', verificationCode: 'K7M2-Q9XR' }),
    ).toEqual({ registrationId: 'r', certificateNumber: 'c' });
    expect(withoutOneTimeFields({ nested: { verificationCode: 'x' } })).toEqual({
      nested: { verificationCode: 'x' },
    });
    expect(withoutOneTimeFields([1, 2])).toEqual([1, 2]);
    expect(withoutOneTimeFields('text')).toBe('text');
  });
});

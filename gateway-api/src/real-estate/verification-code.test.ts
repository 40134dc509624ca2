import {
  canonicalVerificationCode,
  printedVerificationCode,
  VERIFICATION_CODE_ALPHABET,
} from '../../../chaincode/src/contract';
import { newVerificationCode } from './verification-code';

describe('newVerificationCode', () => {
  it('draws 8 symbols of the unambiguous alphabet (no 0, 1, I, L, O)', () => {
    expect(VERIFICATION_CODE_ALPHABET).toHaveLength(31);
    expect(VERIFICATION_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    for (let i = 0; i < 200; i += 1) {
      const code = newVerificationCode();
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
      expect(canonicalVerificationCode(code)).toBe(code);
    }
  });

  it('is different each time (crypto randomness)', () => {
    const codes = new Set(Array.from({ length: 500 }, () => newVerificationCode()));
    expect(codes.size).toBe(500);
  });

  it('skips the bytes that would bias the first symbols (248–255)', () => {
    const bytes = [255, 248, 0, 30, 31, 247, 250, 61, 62, 1, 2, 3];
    let next = 0;
    const random = (size: number): Buffer =>
      Buffer.from(Array.from({ length: size }, () => bytes[next++ % bytes.length] ?? 0));
    // 0→'2', 30→'Z', 31→'2', 247→247%31=30→'Z', 61→30→'Z', 62→0→'2', 1→'3', 2→'4'
    expect(newVerificationCode(random)).toBe('2Z2ZZ234');
  });

  it('uses every symbol: no symbol is left out of the draw', () => {
    const seen = new Set([...Array.from({ length: 400 }, () => newVerificationCode()).join('')]);
    expect([...seen].sort().join('')).toBe(VERIFICATION_CODE_ALPHABET);
  });
});

describe('the printed code', () => {
  it('is two groups of four, and reads back (hyphen, spaces, lower case) as the code', () => {
    expect(printedVerificationCode('K7M2Q9XR')).toBe('K7M2-Q9XR');
    expect(canonicalVerificationCode('k7m2-q9xr')).toBe('K7M2Q9XR');
    expect(canonicalVerificationCode(' K7M2 Q9XR ')).toBe('K7M2Q9XR');
    expect(canonicalVerificationCode('K7M2Q9X0')).toBeUndefined();
    expect(canonicalVerificationCode('K7M2Q9X')).toBeUndefined();
  });
});

import {
  enterpriseNameClaimId,
  enterpriseNameProblems,
  isWellFormed,
  normaliseEnterpriseName,
} from './enterprise-name';

describe('normaliseEnterpriseName', () => {
  it.each([
    ['广州市ＡＢＣ科技有限公司', '广州市abc科技有限公司'],
    ['广州市 ABC 科技有限公司', '广州市abc科技有限公司'],
    ['广州市\u3000ａｂｃ\u3000科技有限公司', '广州市abc科技有限公司'],
    ['ＡＢＣ（广州）有限公司', 'abc(广州)有限公司'],
    ['Abc\t(广州)\n有限\u00a0公司\u200b', 'abc(广州)有限公司'],
    ['１２３！～', '123!~'],
    ['广州市某某餐饮店', '广州市某某餐饮店'],
  ])('folds %j to %j', (input, expected) => {
    expect(normaliseEnterpriseName(input)).toBe(expected);
  });

  it('maps every full-width ASCII character U+FF01–U+FF5E to its half-width twin', () => {
    for (let codePoint = 0xff01; codePoint <= 0xff5e; codePoint += 1) {
      const half = String.fromCharCode(codePoint - 0xfee0);
      expect(normaliseEnterpriseName(String.fromCharCode(codePoint))).toBe(half.toLowerCase());
    }
  });

  it('leaves non-ASCII letters alone (no locale-dependent case mapping)', () => {
    expect(normaliseEnterpriseName('ÄÖ İ ﬀ')).toBe('ÄÖİﬀ');
  });

  it('gives names differing only in width, spacing or Latin case the same claim id', () => {
    const a = enterpriseNameClaimId(normaliseEnterpriseName('广州 ABC 有限公司'));
    const b = enterpriseNameClaimId(normaliseEnterpriseName('广州ａｂｃ\u3000有限公司'));
    const c = enterpriseNameClaimId(normaliseEnterpriseName('广州ABD有限公司'));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('enterpriseNameProblems', () => {
  it('accepts an ordinary name', () => {
    expect(enterpriseNameProblems('广州市越秀区某某科技有限公司')).toEqual([]);
  });

  it.each([
    ['too short after normalising', '某\u3000 '],
    ['too long', '字'.repeat(101)],
    ['a control character', '某某\u0007公司'],
    ['a lone surrogate', '某某\ud800公司'],
  ])('refuses %s', (_label, name) => {
    expect(enterpriseNameProblems(name)).toHaveLength(1);
  });

  it('detects lone surrogates only', () => {
    expect(isWellFormed('😀字')).toBe(true);
    expect(isWellFormed('\udc00')).toBe(false);
  });
});

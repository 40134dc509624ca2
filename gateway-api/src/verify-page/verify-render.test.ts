import { loadPageScripts, PageElement, type PageLocale } from './testing/page-scripts';

// What a citizen reads on /verify for a real answer of the verify API (shapes as built by
// src/verify/verify-answers.ts), in both languages: the page's own scripts, run without a browser.

const page = loadPageScripts();

function show(kind: 'certificate' | 'license' | 'bag', body: object, locale: PageLocale): PageElement {
  const panel = new PageElement('section');
  const outcome = page.outcomeFor({ kind, value: 'typed' }, 200, body);
  page.renderOutcome(panel, outcome, page.text[locale], locale);
  return panel;
}

/** Words that only appear when a value the page should have named slipped through as it is. */
function expectNothingUnnamed(panel: PageElement): void {
  expect(panel.textContent).not.toMatch(/undefined|null|NaN|\[object|function/);
}

const proof = {
  txId: 'a'.repeat(64),
  blockNumber: '42',
  validationCode: 'VALID',
  endorsers: ['UrbanMSP'],
  creatorMspId: 'UrbanMSP',
  creatorRole: 'facility_operator',
  timestamp: '2026-12-03T03:30:00.000Z',
};

// the public bag answer (issue 14): each event's day in Beijing, no time, weight or sorting quality
const bag = {
  valid: true,
  barcode: '440103020000000017',
  category: '02',
  categoryName: 'FOOD',
  districtCode: '440103',
  status: 'DELIVERED',
  finalOutcome: 'COMPOSTED',
  events: [
    { step: 'COMMISSIONED', date: '2026-12-01', txId: 'b'.repeat(64) },
    { step: 'COLLECTED', date: '2026-12-03', siteId: 'LW-ST-001', txId: 'c'.repeat(64) },
    { step: 'LOADED', date: '2026-12-03', siteId: 'LW-ST-001' },
    { step: 'DELIVERED', date: '2026-12-03', siteId: 'LW-FA-001', outcome: 'COMPOSTED' },
  ],
  anomalies: [],
  proof,
};

const journey = (panel: PageElement): string[] =>
  panel.findAll('verify-event').map((item) => item.textContent);

describe('the citizen page showing a bag', () => {
  it('names the category and every step of the journey, with day and place, in Chinese', () => {
    const panel = show('bag', bag, 'zh-CN');
    expect(panel.find('verify-status').getAttribute('data-status')).toBe('VALID');
    expect(panel.find('verify-category').textContent).toBe('厨余垃圾 (02)');
    expect(panel.find('verify-final-outcome').textContent).toBe('堆肥处理');
    const steps = journey(panel);
    expect(steps).toHaveLength(4);
    expect(steps[0]).toBe('发放到户 — 2026年12月1日');
    expect(steps[1]).toBe('投放收集 — 2026年12月3日 · 地点 LW-ST-001');
    expect(steps[2]).toBe('装车转运 — 2026年12月3日 · 地点 LW-ST-001');
    expect(steps[3]).toBe('送达处理 — 2026年12月3日 · 地点 LW-FA-001');
    expect(panel.find('verify-proof-submitter').textContent).toBe('城市管理局（处理厂操作员）');
    expect(panel.findAll('verify-invalid-reason')).toEqual([]);
    expectNothingUnnamed(panel);
  });

  it('says the same in English', () => {
    const panel = show('bag', bag, 'en');
    expect(panel.find('verify-category').textContent).toBe('Food waste (02)');
    expect(panel.find('verify-final-outcome').textContent).toBe('Composted');
    const steps = journey(panel);
    expect(steps[0]).toBe('Issued to the household — December 1, 2026');
    expect(steps[1]).toBe('Collected at the station — December 3, 2026 · site LW-ST-001');
    expect(steps[2]).toBe('Loaded onto a truck — December 3, 2026 · site LW-ST-001');
    expect(steps[3]).toBe('Delivered for treatment — December 3, 2026 · site LW-FA-001');
    expect(panel.find('verify-proof-submitter').textContent).toBe('Urban Management (facility operator)');
    expectNothingUnnamed(panel);
  });

  it.each<[PageLocale, RegExp, string]>([
    ['zh-CN', /^!无法确认/, '无法确认的原因: 这条记录的最近一次写入不是由负责部门的授权人员提交的。'],
    [
      'en',
      /^!Cannot confirm/,
      'Why it cannot be confirmed: The latest write of this record was not submitted by an authorised member of the responsible department.',
    ],
  ])('shows a bag the server does not vouch for as unconfirmed, saying why, in %s', (locale, banner, why) => {
    const forged = {
      ...bag,
      valid: false,
      invalidReason: { code: 'SUBMITTER_NOT_AUTHORISED', message: 'The last write of …' },
      proof: { ...proof, creatorRole: 'hauler' },
    };
    const panel = show('bag', forged, locale);
    expect(panel.find('verify-status').getAttribute('data-status')).toBe('UNCONFIRMED');
    expect(panel.find('verify-status').textContent).toMatch(banner);
    expect(panel.find('verify-invalid-reason').textContent).toBe(why);
    expect(journey(panel)).toHaveLength(4);
    expectNothingUnnamed(panel);
  });

  it('never calls a bag valid without the server saying so', () => {
    const unvouched: Partial<typeof bag> = { ...bag };
    delete unvouched.valid;
    expect(show('bag', unvouched, 'zh-CN').find('verify-status').getAttribute('data-status')).toBe(
      'UNCONFIRMED',
    );
  });

  it('shows the not-yet-finished bag of a fresh batch without an outcome', () => {
    const fresh = { ...bag, status: 'COMMISSIONED', finalOutcome: null, events: bag.events.slice(0, 1) };
    const panel = show('bag', fresh, 'zh-CN');
    expect(panel.find('verify-final-outcome').textContent).toBe('尚未完成');
    expect(journey(panel)).toEqual([expect.stringMatching(/^发放到户 — /)]);
    expectNothingUnnamed(panel);
  });

  it.each<[PageLocale, { category: string; outcome: string; step: string }]>([
    ['zh-CN', { category: '未知类别', outcome: '其他去向', step: '其他记录' }],
    ['en', { category: 'Unknown category', outcome: 'Other outcome', step: 'Other record' }],
  ])('reads codes it has no word for as "unknown (code)" in %s', (locale, unknown) => {
    const odd = {
      ...bag,
      category: '07',
      finalOutcome: 'BURIED',
      // a newer server's step, a step without its name, and a name every object inherits
      events: [{ step: 'RETURNED', date: 'sometime' }, { date: 'sometime' }, { step: 'toString' }],
    };
    const panel = show('bag', odd, locale);
    expect(panel.find('verify-category').textContent).toBe(`${unknown.category} (07)`);
    expect(panel.find('verify-final-outcome').textContent).toBe(`${unknown.outcome} (BURIED)`);
    expect(journey(panel)).toEqual([
      `${unknown.step} (RETURNED) — sometime`,
      `${unknown.step} — sometime`,
      `${unknown.step} (toString)`,
    ]);
    expectNothingUnnamed(panel);
  });
});

describe('the citizen page showing a business licence', () => {
  const licence = {
    valid: true,
    status: 'ACTIVE',
    uscc: '91440106MA59C8XE4R',
    name: '广州市核验科技有限公司',
    legalRepresentative: '李*',
    establishedAt: '2026-12-03T02:00:00.000Z',
    statusChangedAt: null,
    issuer: 'MarketMSP',
    proof: { ...proof, endorsers: ['MarketMSP'], creatorMspId: 'MarketMSP', creatorRole: 'market_clerk' },
  };

  it.each<[PageLocale, Record<string, string>]>([
    [
      'zh-CN',
      {
        banner: '有效',
        established: '2026年12月3日',
        issuer: '市场监督管理局',
        representative: '法定代表人',
        submitter: '市场监督管理局（登记窗口人员）',
      },
    ],
    [
      'en',
      {
        banner: 'Valid',
        established: 'December 3, 2026',
        issuer: 'Market Regulation',
        representative: 'Legal representative',
        submitter: 'Market Regulation (market regulation clerk)',
      },
    ],
  ])('shows a valid licence with its name and masked legal representative in %s', (locale, words) => {
    const panel = show('license', licence, locale);
    const banner = panel.find('verify-status');
    expect(banner.getAttribute('data-status')).toBe('VALID');
    expect(banner.textContent).toContain(words['banner']);
    expect(panel.find('verify-name').textContent).toBe('广州市核验科技有限公司');
    expect(panel.find('verify-number').textContent).toBe(licence.uscc);
    expect(panel.find('verify-legal-representative').textContent).toBe('李*');
    expect(panel.textContent).toContain(`${words['representative']}李*`);
    expect(panel.find('verify-established-at').textContent).toBe(words['established']);
    expect(panel.find('verify-issuer').textContent).toBe(words['issuer']);
    expect(panel.find('verify-proof-submitter').textContent).toBe(words['submitter']);
    expectNothingUnnamed(panel);
  });

  it.each<[PageLocale, string, string]>([
    ['zh-CN', '这条记录的最近一次写入没有经负责部门背书。', '不动产登记中心（登记员）'],
    ['en', 'not endorsed by the department responsible for it', 'Real Estate Registry (registry clerk)'],
  ])(
    'shows an ACTIVE licence another department wrote as unconfirmed, with why and who in %s',
    (locale, why, submitter) => {
      const forged = {
        ...licence,
        valid: false,
        invalidReason: { code: 'NOT_ENDORSED_BY_RESPONSIBLE_DEPARTMENT', message: 'The last write of …' },
        issuer: 'RegistryMSP',
        proof: {
          ...proof,
          endorsers: ['RegistryMSP'],
          creatorMspId: 'RegistryMSP',
          creatorRole: 'registry_clerk',
        },
      };
      const panel = show('license', forged, locale);
      expect(panel.find('verify-status').getAttribute('data-status')).toBe('UNCONFIRMED');
      expect(panel.find('verify-invalid-reason').getAttribute('data-reason')).toBe(
        'NOT_ENDORSED_BY_RESPONSIBLE_DEPARTMENT',
      );
      expect(panel.find('verify-invalid-reason').textContent).toContain(why);
      expect(panel.find('verify-proof-submitter').textContent).toBe(submitter);
      expectNothingUnnamed(panel);
    },
  );

  it.each<[PageLocale, string]>([
    ['zh-CN', '已注销'],
    ['en', 'Cancelled'],
  ])('shows a cancelled licence with the reason in %s', (locale, title) => {
    const cancelled = {
      ...licence,
      valid: false,
      invalidReason: { code: 'NOT_CURRENT', message: 'The record is CANCELLED: it is no longer in force.' },
      status: 'CANCELLED',
      statusChangedAt: '2026-12-04T02:00:00.000Z',
      reason: '股东会决议解散',
    };
    const panel = show('license', cancelled, locale);
    expect(panel.find('verify-status').getAttribute('data-status')).toBe('CANCELLED');
    expect(panel.find('verify-status').textContent).toContain(title);
    expect(panel.textContent).toContain('股东会决议解散');
    // the banner already says why: NOT_CURRENT adds no second explanation
    expect(panel.findAll('verify-invalid-reason')).toEqual([]);
    expectNothingUnnamed(panel);
  });

  it.each<[string, 'license' | 'certificate', object]>([
    ['an ACTIVE licence without a proof', 'license', { ...licence, valid: false, proof: null }],
    ['an ACTIVE licence whose proof did not validate', 'license', { ...licence, valid: false }],
    ['a licence status the page does not know', 'license', { ...licence, valid: false, status: 'SUSPENDED' }],
    ['a VALID certificate the server does not vouch for', 'certificate', { status: 'VALID', valid: false }],
  ])('never calls %s valid', (_what, kind, body) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const panel = show(kind, body, locale);
      const banner = panel.find('verify-status');
      expect(banner.getAttribute('data-status')).toBe('UNCONFIRMED');
      expect(banner.textContent).toMatch(/^!(无法确认|Cannot confirm)/);
      expectNothingUnnamed(panel);
    }
  });
});

describe('the citizen page showing a property certificate', () => {
  const number = '粤(2026)广州市不动产权第09400110号';
  const certificate = {
    valid: true,
    status: 'VALID',
    certificateNumber: number,
    kind: 'TITLE',
    unitNumber: '440184001016GB00009F00800039',
    holders: ['欧**国'],
    issuedAt: '2026-12-03T02:00:00.000Z',
    issuer: 'RegistryMSP',
    contentHash: 'c'.repeat(64),
    proof: {
      ...proof,
      endorsers: ['RegistryMSP'],
      creatorMspId: 'RegistryMSP',
      creatorRole: 'registry_clerk',
    },
  };

  it.each<[PageLocale, string]>([
    ['zh-CN', '权利人身份证号'],
    ['en', "Holder's ID number"],
  ])('offers the proof bundle through the holder form, not a link (%s)', (locale, idLabel) => {
    const panel = show('certificate', certificate, locale);
    const form = panel.find('verify-bundle-form');
    expect(form.getAttribute('data-certificate')).toBe(number);
    expect(form.textContent).toContain(idLabel);
    expect(form.find('verify-bundle-id').getAttribute('name')).toBe('holderIdNumber');
    expect(form.find('verify-bundle-code').getAttribute('name')).toBe('verificationCode');
    expect(panel.findAll('verify-proof-bundle')).toEqual([]);
    expectNothingUnnamed(panel);
  });

  // issue 17: the structured particulars the content hash covers, shown beside it
  it.each<[PageLocale, string]>([
    ['zh-CN', '2026-01-01 至 2046-01-01'],
    ['en', '2026-01-01 to 2046-01-01'],
  ])('shows the property and the mortgage term the content hash covers (%s)', (locale, term) => {
    const property = { location: '广州市越秀区某路1号801房', areaM2: '89.50', usage: '住宅' };
    const mortgageTerm = { from: '2026-01-01', to: '2046-01-01' };
    const panel = show('certificate', { ...certificate, property, mortgageTerm }, locale);
    expect(panel.find('verify-location').textContent).toBe(property.location);
    expect(panel.find('verify-area').textContent).toBe('89.50 m²');
    expect(panel.find('verify-usage').textContent).toBe('住宅');
    expect(panel.find('verify-mortgage-term').textContent).toBe(term);
    expectNothingUnnamed(panel);
  });

  it('shows no particulars rows for a certificate issued without them', () => {
    const panel = show('certificate', certificate, 'zh-CN');
    for (const id of ['verify-location', 'verify-area', 'verify-usage', 'verify-mortgage-term']) {
      expect(panel.findAll(id)).toEqual([]);
    }
  });

  it('offers no bundle form for a licence or a bag', () => {
    const licence = { valid: true, status: 'ACTIVE', uscc: '91440106MA59C8XE4R', name: 'x', proof };
    expect(show('license', licence, 'en').findAll('verify-bundle-form')).toEqual([]);
  });
});

describe('the page texts', () => {
  /** Every path to a word in a text table, e.g. "status.VALID.0". */
  const paths = (value: unknown, prefix = ''): string[] =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, inner]) => paths(inner, `${prefix}${key}.`))
      : [prefix.slice(0, -1)];

  it('has every word in both languages, so a switch never shows a missing one', () => {
    expect(paths(page.text['en'])).toEqual(paths(page.text['zh-CN']));
  });
});

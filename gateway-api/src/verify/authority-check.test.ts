import {
  AUTHORITIES,
  checkAuthority,
  compositeKey,
  type InvalidReasonCode,
  type VerifiedRecordKind,
  type WriteEvidence,
  writesRecord,
} from './authority-check';

const current = { current: true, status: 'VALID' };

/** The genuine write of each kind: its department endorsed and one of its roles submitted it. */
const GENUINE: Readonly<Record<VerifiedRecordKind, WriteEvidence>> = {
  certificate: write('RegistryMSP', 'registry_clerk'),
  licence: write('MarketMSP', 'market_clerk'),
  'bag-commissioning': write('UrbanMSP', 'urban_inspector'),
  'bag-collection': write('UrbanMSP', 'station_operator'),
  'bag-loading': write('UrbanMSP', 'hauler'),
  'bag-transfer-arrival': write('UrbanMSP', 'site_device'),
  'bag-transfer-departure': write('UrbanMSP', 'vehicle_device'),
  'bag-delivery': write('UrbanMSP', 'facility_operator'),
};

function write(mspId: string, role: string | null, overrides: Partial<WriteEvidence> = {}): WriteEvidence {
  return {
    validationCode: 'VALID',
    endorsers: [mspId],
    creatorMspId: mspId,
    creatorRole: role,
    wroteRecord: true,
    ...overrides,
  };
}

function reasonOf(
  kind: VerifiedRecordKind,
  evidence: WriteEvidence,
  standing = current,
): InvalidReasonCode | undefined {
  const verdict = checkAuthority(kind, evidence, standing);
  return verdict.valid ? undefined : verdict.reason.code;
}

describe('the rules table', () => {
  it('names one department and the writing roles per record kind', () => {
    const table = Object.fromEntries(
      Object.entries(AUTHORITIES).map(([kind, { department, roles, recordType }]) => [
        kind,
        [recordType, department, roles],
      ]),
    );
    expect(table).toEqual({
      certificate: ['realestate.certificate', 'RegistryMSP', ['registry_clerk']],
      licence: ['business.license', 'MarketMSP', ['market_clerk']],
      'bag-commissioning': ['waste-bag', 'UrbanMSP', ['urban_inspector']],
      'bag-collection': ['waste-bag-event', 'UrbanMSP', ['station_operator', 'site_device']],
      'bag-loading': ['waste-bag-event', 'UrbanMSP', ['hauler', 'vehicle_device']],
      'bag-transfer-arrival': ['waste-bag-event', 'UrbanMSP', ['facility_operator', 'site_device']],
      'bag-transfer-departure': ['waste-bag-event', 'UrbanMSP', ['hauler', 'vehicle_device']],
      'bag-delivery': ['waste-bag-event', 'UrbanMSP', ['facility_operator', 'site_device']],
    });
  });
});

describe('checkAuthority', () => {
  it.each(Object.entries(GENUINE))(
    "calls the responsible department's write of a %s valid",
    (kind, evidence) => {
      expect(checkAuthority(kind as VerifiedRecordKind, evidence, current)).toEqual({ valid: true });
    },
  );

  it('accepts other endorsers beside the responsible department (a TAX-style joint endorsement)', () => {
    const joint = write('MarketMSP', 'market_clerk', { endorsers: ['MarketMSP', 'TaxMSP'] });
    expect(checkAuthority('licence', joint, current)).toEqual({ valid: true });
  });

  it.each<[string, VerifiedRecordKind, WriteEvidence, InvalidReasonCode]>([
    [
      'a transaction invalidated at commit',
      'certificate',
      write('RegistryMSP', 'registry_clerk', { validationCode: 'ENDORSEMENT_POLICY_FAILURE' }),
      'TRANSACTION_INVALID',
    ],
    [
      'a transaction that did not write the record',
      'certificate',
      write('RegistryMSP', 'registry_clerk', { wroteRecord: false }),
      'TRANSACTION_DID_NOT_WRITE_RECORD',
    ],
    [
      'a certificate endorsed only by MarketMSP',
      'certificate',
      write('RegistryMSP', 'registry_clerk', { endorsers: ['MarketMSP'] }),
      'NOT_ENDORSED_BY_RESPONSIBLE_DEPARTMENT',
    ],
    [
      'a licence endorsed by no organisation at all',
      'licence',
      write('MarketMSP', 'market_clerk', { endorsers: [] }),
      'NOT_ENDORSED_BY_RESPONSIBLE_DEPARTMENT',
    ],
    [
      'a licence submitted by a tax officer (TAX only reads it)',
      'licence',
      write('MarketMSP', 'market_clerk', { creatorMspId: 'TaxMSP', creatorRole: 'tax_officer' }),
      'SUBMITTER_NOT_AUTHORISED',
    ],
    [
      "a certificate submitted by another MSP's certificate claiming registry_clerk",
      'certificate',
      write('RegistryMSP', 'registry_clerk', { creatorMspId: 'UrbanMSP' }),
      'SUBMITTER_NOT_AUTHORISED',
    ],
    [
      'a certificate submitted by a registry member without a role',
      'certificate',
      write('RegistryMSP', null),
      'SUBMITTER_NOT_AUTHORISED',
    ],
    [
      "a bag's scan submitted by a hauler (the right department, the wrong step's role)",
      'bag-collection',
      write('UrbanMSP', 'hauler'),
      'SUBMITTER_NOT_AUTHORISED',
    ],
  ])('refuses %s', (_what, kind, evidence, code) => {
    expect(reasonOf(kind, evidence)).toBe(code);
  });

  it('says a genuine record that is no longer in force is NOT_CURRENT, naming its status', () => {
    const verdict = checkAuthority('certificate', GENUINE.certificate, {
      current: false,
      status: 'SUPERSEDED',
    });
    expect(verdict).toEqual({
      valid: false,
      reason: { code: 'NOT_CURRENT', message: 'The record is SUPERSEDED: it is no longer in force.' },
    });
  });

  it('judges the write before the status: a forged cancelled licence is not merely NOT_CURRENT', () => {
    const forged = write('RegistryMSP', 'registry_clerk');
    expect(reasonOf('licence', forged, { current: false, status: 'CANCELLED' })).toBe(
      'NOT_ENDORSED_BY_RESPONSIBLE_DEPARTMENT',
    );
  });

  it('explains each refusal in words naming the departments and roles, not a person', () => {
    const forged = write('MarketMSP', 'market_clerk');
    const verdict = checkAuthority('certificate', forged, current);
    expect(verdict.valid).toBe(false);
    const message = verdict.valid ? '' : verdict.reason.message;
    expect(message).toBe(
      'The last write of a property certificate was endorsed by MarketMSP, not by RegistryMSP, the department responsible for it.',
    );
    const submitter = checkAuthority(
      'bag-delivery',
      write('UrbanMSP', 'station_operator', { creatorRole: 'station_operator' }),
      current,
    );
    expect(submitter.valid ? '' : submitter.reason.message).toBe(
      "The last write of a bag's delivery to a facility was submitted by UrbanMSP (station_operator); only facility_operator or site_device of UrbanMSP may write it.",
    );
  });
});

describe('writesRecord', () => {
  const key = compositeKey('business.license', '91350100M000100Y43');
  const tx = (writes: [string, string[]][]) => ({ writes: new Map(writes) });

  it("finds the record's key in the chaincode's namespace", () => {
    expect(writesRecord(tx([['govtrace', ['a', key]]]), 'govtrace', key)).toBe(true);
  });

  it('does not count the key written in another namespace, or a transaction writing other keys', () => {
    expect(writesRecord(tx([['other', [key]]]), 'govtrace', key)).toBe(false);
    expect(writesRecord(tx([['govtrace', [`${key}x`]]]), 'govtrace', key)).toBe(false);
    expect(writesRecord(tx([]), 'govtrace', key)).toBe(false);
  });

  it("builds Fabric's composite key", () => {
    expect(compositeKey('waste-bag-event', '440103020000000019', '1-COLLECTED')).toBe(
      '\u0000waste-bag-event\u0000440103020000000019\u00001-COLLECTED\u0000',
    );
  });
});

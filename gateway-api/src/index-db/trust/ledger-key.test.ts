import { recordKey, type RecordType, RecordTypes } from '../../../../chaincode/src/contract';
import { InvalidKeyAttributeError, ledgerKey, printableKey } from './ledger-key';
import { chaincodeKeyContext } from './testing/chaincode-key-context';

describe('ledgerKey', () => {
  const cases: [RecordType, [string, ...string[]]][] = [
    [RecordTypes.Smoke, ['a']],
    [RecordTypes.RealEstateRegistration, ['440184001016GB00009F00800039', '00000002']],
    [RecordTypes.WasteAnomaly, ['440103011234567898', 'f'.repeat(64), '12']],
    [RecordTypes.RealEstateCertificate, ['粤(2026)广州市不动产权第09400110号']],
  ];

  it.each(cases)('is the chaincode recordKey of %s %j', (type, attributes) => {
    expect(ledgerKey(type, ...attributes)).toBe(recordKey(chaincodeKeyContext, type, ...attributes));
  });

  it.each(['', 'a\u0000b', 'a\u{10FFFF}'])('refuses the attribute %j, as the chaincode does', (attribute) => {
    expect(() => ledgerKey(RecordTypes.Smoke, attribute)).toThrow(InvalidKeyAttributeError);
    expect(() => recordKey(chaincodeKeyContext, RecordTypes.Smoke, attribute)).toThrow();
  });

  it('prints U+0000 visibly', () => {
    expect(printableKey(ledgerKey(RecordTypes.WasteSite, 'LW-ST-001'))).toBe('␀waste-site␀LW-ST-001␀');
  });
});

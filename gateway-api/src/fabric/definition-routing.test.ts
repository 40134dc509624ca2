import { defaultEndorsers, definitionOf } from './definition-routing';

describe('definitionOf', () => {
  it.each([
    ['realestate', 'realestate'],
    ['deedtax', 'tax'],
    ['businesstax', 'tax'],
    ['business', 'business'],
    ['waste', 'waste'],
    ['smoke', 'smoke'],
  ] as const)('sends %s to the %s definition', (contract, definition) => {
    expect(definitionOf({ contract })).toBe(definition);
    expect(definitionOf({ contract, chaincode: definition })).toBe(definition);
  });

  it('sends a proof call to the definition it names, and refuses one that names none', () => {
    expect(definitionOf({ contract: 'proof', chaincode: 'waste' })).toBe('waste');
    expect(() => definitionOf({ contract: 'proof' })).toThrow(
      'a proof call must name its chaincode definition',
    );
  });

  it('refuses a contract sent to a definition that does not serve it', () => {
    expect(() => definitionOf({ contract: 'deedtax', chaincode: 'realestate' })).toThrow(
      'contract deedtax is served by tax, not realestate',
    );
  });
});

describe('defaultEndorsers', () => {
  it("asks the owner's peer alone for a production definition, and leaves the smoke fixture to Fabric", () => {
    expect(defaultEndorsers({ contract: 'realestate' })).toEqual(['RegistryMSP']);
    expect(defaultEndorsers({ contract: 'businesstax' })).toEqual(['TaxMSP']);
    expect(defaultEndorsers({ contract: 'business' })).toEqual(['MarketMSP']);
    expect(defaultEndorsers({ contract: 'waste' })).toEqual(['UrbanMSP']);
    expect(defaultEndorsers({ contract: 'proof', chaincode: 'tax' })).toEqual(['TaxMSP']);
    expect(defaultEndorsers({ contract: 'smoke' })).toBeUndefined();
  });
});

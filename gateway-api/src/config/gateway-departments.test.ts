import { ConfigValidationError, validateEnv } from './validate-env';

describe('GATEWAY_DEPARTMENTS', () => {
  it('serves all four departments by default, as the local npm start does', () => {
    expect(validateEnv({}, false).GATEWAY_DEPARTMENTS).toEqual([
      'RegistryMSP',
      'TaxMSP',
      'MarketMSP',
      'UrbanMSP',
    ]);
  });

  it('reads a comma-separated list, trimmed and without duplicates', () => {
    expect(
      validateEnv({ GATEWAY_DEPARTMENTS: ' UrbanMSP , TaxMSP,UrbanMSP' }, false).GATEWAY_DEPARTMENTS,
    ).toEqual(['UrbanMSP', 'TaxMSP']);
  });

  it('refuses an unknown MSP id and names the known ones', () => {
    expect(() => validateEnv({ GATEWAY_DEPARTMENTS: 'UrbanMSP,OrdererMSP' }, false)).toThrow(
      'GATEWAY_DEPARTMENTS names an unknown MSP id; use some of RegistryMSP, TaxMSP, MarketMSP, UrbanMSP',
    );
  });

  it('refuses a list with no department in it', () => {
    expect(() => validateEnv({ GATEWAY_DEPARTMENTS: ' , ' }, false)).toThrow(ConfigValidationError);
    expect(() => validateEnv({ GATEWAY_DEPARTMENTS: ' , ' }, false)).toThrow(
      'GATEWAY_DEPARTMENTS must name at least one of RegistryMSP, TaxMSP, MarketMSP, UrbanMSP',
    );
  });
});

import {
  DEPARTMENTS,
  type Department,
  routeOwner,
  splitDepartmentList,
  unservedRouteMessage,
} from './departments';

describe('routeOwner', () => {
  it.each<[string, Department | undefined]>([
    ['/api/v1/real-estate/registrations', 'RegistryMSP'],
    ['/api/v1/real-estate/units/440184001016GB00009F00800039', 'RegistryMSP'],
    ['/api/v1/real-estate/units/440184001016GB00009F00800039/history', 'RegistryMSP'],
    ['/api/v1/real-estate/holder-units/search', 'RegistryMSP'],
    ['/api/v1/real-estate/acts', 'RegistryMSP'],
    ['/api/v1/real-estate/deed-tax-clearances', 'TaxMSP'],
    ['/api/v1/real-estate/units/440184001016GB00009F00800039/transfer-audit', 'TaxMSP'],
    ['/api/v1/business/cases', 'MarketMSP'],
    ['/api/v1/business/cases/C-1/steps/LICENSE', 'MarketMSP'],
    ['/api/v1/business/cases/C-1/steps/TAX', 'TaxMSP'],
    ['/api/v1/business/licenses/91350100M000100Y43/status', 'MarketMSP'],
    ['/api/v1/waste/scans', 'UrbanMSP'],
    ['/api/v1/waste/bags/440103010000000012/trace', 'UrbanMSP'],
    ['/api/v1/verify/bags/440103010000000012', undefined],
    ['/api/v1/verify/certificates/x', undefined],
    ['/api/v1/ledger/transactions/abc', undefined],
    ['/verify', undefined],
    ['/health/ready', undefined],
    ['/metrics', undefined],
    ['/api/v1/real-estatex', undefined],
  ])('%s belongs to %s', (path, department) => {
    expect(routeOwner(path)?.department).toBe(department);
  });
});

describe('unservedRouteMessage', () => {
  it('serves every route when every department is served', () => {
    expect(unservedRouteMessage('/api/v1/real-estate/registrations', [...DEPARTMENTS])).toBeUndefined();
  });

  it('names the served departments and the gateway to ask', () => {
    expect(unservedRouteMessage('/api/v1/real-estate/registrations', ['MarketMSP', 'UrbanMSP'])).toBe(
      'this gateway serves MarketMSP, UrbanMSP; real-estate routes are served by the RegistryMSP gateway',
    );
  });

  it.each<[string, Department, boolean]>([
    ['/api/v1/waste/scans', 'UrbanMSP', false],
    ['/api/v1/real-estate/registrations', 'UrbanMSP', true],
    ['/api/v1/business/cases', 'UrbanMSP', true],
    ['/api/v1/verify/bags/440103010000000012', 'UrbanMSP', false],
    ['/health/ready', 'TaxMSP', false],
    ['/api/v1/real-estate/deed-tax-clearances', 'TaxMSP', false],
    ['/api/v1/real-estate/registrations', 'TaxMSP', true],
    ['/api/v1/business/cases/C-1/steps/TAX', 'TaxMSP', false],
    ['/api/v1/business/cases/C-1/steps/TAX', 'MarketMSP', true],
    ['/api/v1/real-estate/deed-tax-clearances', 'RegistryMSP', true],
  ])('%s on a %s gateway answers 404: %s', (path, served, refused) => {
    expect(unservedRouteMessage(path, [served]) !== undefined).toBe(refused);
  });
});

describe('splitDepartmentList', () => {
  it('trims, drops empty entries and duplicates', () => {
    expect(splitDepartmentList(' TaxMSP, ,UrbanMSP,TaxMSP')).toEqual(['TaxMSP', 'UrbanMSP']);
  });

  it('leaves a non-string alone for the validator', () => {
    expect(splitDepartmentList(['TaxMSP'])).toEqual(['TaxMSP']);
  });
});

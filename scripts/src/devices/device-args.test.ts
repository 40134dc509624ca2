import { OperatorError } from '../lib/errors';
import { parseDeviceAdd } from './device-args';

describe('devices add arguments', () => {
  it.each([
    [
      ['truck-7', '--vehicle', '粤A12345'],
      { user: 'truck-7', mspId: 'UrbanMSP', role: 'vehicle_device', device: { vehicleId: '粤A12345' } },
    ],
    [
      ['truck-8', '--vehicle', '粤A12345D'],
      { user: 'truck-8', mspId: 'UrbanMSP', role: 'vehicle_device', device: { vehicleId: '粤A12345D' } },
    ],
    [
      ['scanner-1', '--site', 'LW-ST-001'],
      { user: 'scanner-1', mspId: 'UrbanMSP', role: 'site_device', device: { siteId: 'LW-ST-001' } },
    ],
  ])('%j enrols %j', (args, spec) => {
    expect(parseDeviceAdd(args)).toEqual(spec);
  });

  it.each([
    [[], 'invalid user name ""'],
    [['Truck', '--vehicle', '粤A12345'], 'invalid user name "Truck"'],
    [['admin', '--site', 'LW-ST-001'], 'bootstrap administrator'],
    [['truck-7'], 'exactly one of --vehicle <plate> or --site <siteId>'],
    [['truck-7', '--vehicle', '粤A12345', '--site', 'LW-ST-001'], 'exactly one of'],
    [['truck-7', '--vehicle'], '--vehicle needs a value'],
    [['truck-7', '--vehicle', '--site', 'LW-ST-001'], '--vehicle needs a value'],
    [['truck-7', '--vehicel', '粤A12345'], 'unexpected argument "--vehicel"'],
    [['truck-7', '--vehicle', '粤A12345', 'extra'], 'unexpected argument "extra"'],
    [['truck-7', '--vehicle', '粤A12345', '--vehicle', '京A12345'], '--vehicle is given twice'],
    [['truck-7', '--role', 'hauler'], 'unexpected argument "--role"'],
    [['truck-7', '--vehicle', '粤I12345'], 'invalid --vehicle: vehicleId must be a mainland plate'],
    [['truck-7', '--vehicle', 'ABC123'], 'invalid --vehicle'],
    [['scanner-1', '--site', 'lw-st-001'], 'invalid --site: siteId must be upper-case'],
  ])('%j is refused: %s', (args, message) => {
    expect(() => parseDeviceAdd(args)).toThrow(OperatorError);
    expect(() => parseDeviceAdd(args)).toThrow(message);
  });
});

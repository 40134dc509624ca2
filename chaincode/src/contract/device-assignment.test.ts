import {
  describeDeviceAssignment,
  deviceAttribute,
  deviceIdProblem,
  deviceRoleFor,
  parseDeviceAssignment,
} from './device-assignment';

describe('a device assignment', () => {
  it('gives the role and the certificate attribute of its kind', () => {
    expect(deviceRoleFor({ vehicleId: '粤A12345' })).toBe('vehicle_device');
    expect(deviceRoleFor({ siteId: 'LW-ST-001' })).toBe('site_device');
    expect(deviceAttribute({ vehicleId: '粤A12345' })).toEqual({
      name: 'govtrace.vehicle',
      value: '粤A12345',
    });
    expect(deviceAttribute({ siteId: 'LW-ST-001' })).toEqual({ name: 'govtrace.site', value: 'LW-ST-001' });
    expect(describeDeviceAssignment({ vehicleId: '粤A12345D' })).toBe('vehicle 粤A12345D');
    expect(describeDeviceAssignment({ siteId: 'LW-TR-01' })).toBe('site LW-TR-01');
  });

  it.each([
    [{ vehicleId: '粤A12345' }, undefined],
    [{ vehicleId: '京AD12345' }, undefined],
    [{ vehicleId: '粤A12345D' }, undefined],
    [{ vehicleId: '粤I12345' }, 'vehicleId must be a mainland plate'], // I is never issued
    [{ vehicleId: 'A12345' }, 'vehicleId must be a mainland plate'],
    [{ vehicleId: '粤a12345' }, 'vehicleId must be a mainland plate'],
    [{ vehicleId: '粤A12345,x' }, 'vehicleId must be a mainland plate'], // a comma would split --id.attrs
    [{ siteId: 'LW-ST-001' }, undefined],
    [{ siteId: 'lw-st-001' }, 'siteId must be upper-case'],
    [{ siteId: '' }, 'siteId must be upper-case'],
  ])('checks %j with the chaincode pattern', (assignment, problem) => {
    const found = deviceIdProblem(assignment);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });

  it.each([
    ['vehicle_device', { vehicleId: '粤A12345' }, { assignment: { vehicleId: '粤A12345' } }],
    ['site_device', { siteId: 'LW-ST-001' }, { assignment: { siteId: 'LW-ST-001' } }],
    ['hauler', undefined, {}],
    ['registry_clerk', undefined, {}],
    ['vehicle_device', undefined, { problem: 'a vehicle_device needs device.vehicleId' }],
    ['site_device', undefined, { problem: 'a site_device needs device.siteId' }],
    ['hauler', { vehicleId: '粤A12345' }, { problem: 'only a device role has a device binding, not hauler' }],
    [
      'vehicle_device',
      { siteId: 'LW-ST-001' },
      { problem: 'device must hold exactly vehicleId (a string) for a vehicle_device' },
    ],
    [
      'site_device',
      { siteId: 'LW-ST-001', vehicleId: '粤A12345' },
      { problem: 'device must hold exactly siteId (a string) for a site_device' },
    ],
    [
      'site_device',
      { siteId: 7 },
      { problem: 'device must hold exactly siteId (a string) for a site_device' },
    ],
    ['site_device', 'LW-ST-001', { problem: 'device must be an object' }],
    ['site_device', null, { problem: 'device must be an object' }],
    [
      'vehicle_device',
      { vehicleId: 'nope' },
      { problem: expect.stringContaining('device.vehicleId must be a mainland plate') as unknown },
    ],
  ])('reads a store entry of role %s with device %j', (role, raw, expected) => {
    expect(parseDeviceAssignment(role, raw)).toEqual(expected);
  });
});

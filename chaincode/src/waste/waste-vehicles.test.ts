import '../testing/quiet-logs';
import { Roles } from '../common/access';
import { parseChaincodeErrorMessage } from '../common/errors';
import { COMPANY_USCC, WasteWorld, errorOf, vehicleInput } from '../testing/waste-fixtures';
import { VEHICLE_PLATE_PATTERN } from './vehicle-rules';

const vehicleKey = (plate: string): string => `\u0000waste-vehicle\u0000${plate}\u0000`;

describe('VEHICLE_PLATE_PATTERN', () => {
  it.each([
    ['粤A12345', 'ordinary, digits'],
    ['京AB123C', 'ordinary, letters and digits'],
    ['沪Z9X8Y7', 'ordinary, office letter Z'],
    ['粤AD12345', 'small new-energy, pure electric'],
    ['粤AFA1234', 'small new-energy, letter in second serial place'],
    ['粤A12345D', 'large new-energy, pure electric'],
    ['琼B54321F', 'large new-energy, other'],
  ])('accepts %s (%s)', (plate) => {
    expect(VEHICLE_PLATE_PATTERN.test(plate)).toBe(true);
  });

  it.each([
    ['粤A1234', 'too short'],
    ['粤A1234567', 'too long'],
    ['港A12345', 'not a mainland province'],
    ['粤I12345', 'office letter I is never issued'],
    ['粤A1O345', 'serial letter O is never issued'],
    ['粤a12345', 'lower case'],
    ['粤AD1234A', 'small new-energy ending in a letter'],
    ['粤A1234AD', 'large new-energy with a letter before D'],
    ['粤AX12345', 'six characters without D or F'],
    ['A12345', 'no province'],
    ['粤A 12345', 'space'],
  ])('refuses %s (%s)', (plate) => {
    expect(VEHICLE_PLATE_PATTERN.test(plate)).toBe(false);
  });
});

describe('WasteContract vehicles', () => {
  let world: WasteWorld;

  beforeEach(() => {
    world = new WasteWorld();
  });

  it('registers an ACTIVE vehicle under its plate with one event', async () => {
    const { commit, result } = await world.vehicle('粤A12345D');
    expect(result).toEqual({
      vehicleId: '粤A12345D',
      companyUscc: COMPANY_USCC,
      rfidTag: 'E28011606000020A1B2C3D4E',
      capacityKg: 8000,
      status: 'ACTIVE',
      registeredAt: '2026-01-01T00:00:00.000Z',
      registeredBy: 'UrbanMSP',
    });
    expect(world.ledger.stateKeys()).toEqual([vehicleKey('粤A12345D')]);
    expect(commit.event?.name).toBe('WasteVehicleRegistered');
    expect(JSON.parse(commit.event?.payload.toString() ?? '')).toMatchObject({
      vehicleId: '粤A12345D',
      txId: commit.txId,
    });
    expect(await world.read('GetVehicle', '粤A12345D')).toEqual(result);
  });

  it.each([
    ['vehicleId', '粤A1234', 'vehicleId'],
    ['companyUscc', '914403001922038217', 'companyUscc'],
    ['companyUscc', 12, 'companyUscc'],
    ['rfidTag', 'e28011606000020a1b2c3d4e', 'rfidTag'],
    ['rfidTag', 'E2801160', 'rfidTag'],
    ['capacityKg', 0, 'capacityKg'],
    ['capacityKg', -5, 'capacityKg'],
    ['capacityKg', 1.5, 'capacityKg'],
    ['capacityKg', '8000', 'capacityKg'],
    ['capacityKg', 100_001, 'capacityKg'],
  ])('refuses %s = %p with VALIDATION_FAILED, writing nothing', async (field, value, reported) => {
    const tx = world.transaction(Roles.UrbanInspector);
    const json = JSON.stringify({ ...vehicleInput('粤A12345'), [field]: value });
    const error = await errorOf(world.contract.RegisterVehicle(tx.ctx, json));
    const payload = parseChaincodeErrorMessage(error.message);
    expect(payload?.code).toBe('VALIDATION_FAILED');
    expect(payload?.details.map((detail) => detail.field)).toEqual([reported]);
    expect(tx.pendingWrites()).toEqual([]);
  });

  it('lists every invalid field at once', async () => {
    const tx = world.transaction(Roles.UrbanInspector);
    const json = JSON.stringify({ vehicleId: 'x', companyUscc: 'x', rfidTag: 'x', capacityKg: 0 });
    const payload = parseChaincodeErrorMessage(
      (await errorOf(world.contract.RegisterVehicle(tx.ctx, json))).message,
    );
    expect(payload?.details.map((detail) => detail.field)).toEqual([
      'vehicleId',
      'companyUscc',
      'rfidTag',
      'capacityKg',
    ]);
  });

  it('answers CONFLICT for a plate already registered, retired or not', async () => {
    await world.vehicle('粤A12345');
    const tx = world.transaction(Roles.UrbanInspector);
    const json = JSON.stringify(vehicleInput('粤A12345'));
    expect((await errorOf(world.contract.RegisterVehicle(tx.ctx, json))).code).toBe('CONFLICT');
    await retire('粤A12345');
    const again = world.transaction(Roles.UrbanInspector);
    expect((await errorOf(world.contract.RegisterVehicle(again.ctx, json))).code).toBe('CONFLICT');
  });

  it('retires a vehicle once, stamping who and when, with one event', async () => {
    await world.vehicle('粤A12345');
    const tx = world.transaction(Roles.UrbanInspector);
    const retired = JSON.parse(await world.contract.RetireVehicle(tx.ctx, '粤A12345')) as unknown;
    const commit = tx.commit();
    expect(retired).toMatchObject({
      vehicleId: '粤A12345',
      status: 'RETIRED',
      retiredAt: '2026-01-01T00:00:01.000Z',
      retiredBy: 'UrbanMSP',
    });
    expect(commit.event?.name).toBe('WasteVehicleRetired');
    expect(await world.read('GetVehicle', '粤A12345')).toEqual(retired);

    const twice = world.transaction(Roles.UrbanInspector);
    expect((await errorOf(world.contract.RetireVehicle(twice.ctx, '粤A12345'))).code).toBe('CONFLICT');
    expect(twice.pendingWrites()).toEqual([]);
  });

  it.each([
    ['粤A99999', 'NOT_FOUND'],
    ['not a plate', 'VALIDATION_FAILED'],
  ])('answers %s with %s for retire and read', async (plate, code) => {
    const tx = world.transaction(Roles.UrbanInspector);
    expect((await errorOf(world.contract.RetireVehicle(tx.ctx, plate))).code).toBe(code);
    const read = world.transaction(Roles.Hauler);
    expect((await errorOf(world.contract.GetVehicle(read.ctx, plate))).code).toBe(code);
  });

  it.each([Roles.Hauler, Roles.StationOperator, Roles.FacilityOperator])(
    'refuses RegisterVehicle and RetireVehicle to %s',
    async (role) => {
      await world.vehicle('粤A12345');
      const register = world.transaction(role);
      const json = JSON.stringify(vehicleInput('粤B12345'));
      expect((await errorOf(world.contract.RegisterVehicle(register.ctx, json))).code).toBe('FORBIDDEN');
      const retireTx = world.transaction(role);
      expect((await errorOf(world.contract.RetireVehicle(retireTx.ctx, '粤A12345'))).code).toBe('FORBIDDEN');
    },
  );

  async function retire(plate: string): Promise<void> {
    const tx = world.transaction(Roles.UrbanInspector);
    await world.contract.RetireVehicle(tx.ctx, plate);
    expect(tx.commit().validationCode).toBe('VALID');
  }
});

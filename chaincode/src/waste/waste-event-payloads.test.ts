import '../testing/quiet-logs';
import { Roles } from '../common/access';
import { EventNames } from '../common/event-names';
import { eventShapeProblems } from '../testing/event-shapes';
import { WasteWorld, bag, scan } from '../testing/waste-fixtures';

describe('waste events', () => {
  it('fit the payload shapes the gateway decodes them by, through a whole journey', async () => {
    const world = new WasteWorld();
    await world.standardSites();
    await world.commission(1, 4);
    await world.scans([...[1, 2, 3].map((serial) => scan(bag(serial))), scan('junk')]);
    await world.call(Roles.Hauler, 'RecordCollection', {
      vehicleId: '粤A12345',
      stationId: 'LW-ST-001',
      barcodes: [bag(1), bag(2), bag(4)],
      loadWeightGrams: 9000,
      collectedAt: '2026-01-01T09:00:00+08:00',
    });
    await world.call(Roles.FacilityOperator, 'RecordDelivery', {
      facilityId: 'LW-FA-001',
      vehicleId: '粤A12345',
      barcodes: [bag(1), bag(2)],
      receivedWeightGrams: 2400,
      outcome: 'RECYCLED',
      recoveredWeightGrams: 2000,
      receivedAt: '2026-01-01T11:00:00+08:00',
    });
    const names = new Set(world.ledger.events.map((event) => event.name));
    expect([...names].sort()).toEqual(
      [
        EventNames.WasteSiteRegistered,
        EventNames.WasteBagsCommissioned,
        EventNames.WasteScansRecorded,
        EventNames.WasteCollectionRecorded,
        EventNames.WasteDeliveryRecorded,
        EventNames.WasteVehicleRegistered,
      ].sort(),
    );
    expect(eventShapeProblems(world.ledger.events)).toEqual([]);
  });
});

// Every event name the chaincode emits, as constants (a typo in a string event name is a silent bug).
// Apart from events.ts so that the payload table (event-payloads.ts) can be keyed by them.

/** Every event name the chaincode emits; the gateway's index subscribes by these names. */
export const EventNames = {
  SmokeValueWritten: 'SmokeValueWritten',
  RealEstateRegistered: 'RealEstateRegistered',
  DeedTaxClearanceRecorded: 'DeedTaxClearanceRecorded',
  BusinessCaseOpened: 'BusinessCaseOpened',
  BusinessStepCompleted: 'BusinessStepCompleted',
  BusinessLicenseStatusChanged: 'BusinessLicenseStatusChanged',
  WasteSiteRegistered: 'WasteSiteRegistered',
  WasteBagsCommissioned: 'WasteBagsCommissioned',
  WasteScansRecorded: 'WasteScansRecorded',
  WasteCollectionRecorded: 'WasteCollectionRecorded',
  WasteDeliveryRecorded: 'WasteDeliveryRecorded',
  WasteConfigUpdated: 'WasteConfigUpdated',
  WasteVehicleRegistered: 'WasteVehicleRegistered',
  WasteVehicleRetired: 'WasteVehicleRetired',
  WasteBinRegistered: 'WasteBinRegistered',
  WasteBinRetired: 'WasteBinRetired',
  WasteRouteRecorded: 'WasteRouteRecorded',
  WasteLoadWeightCorrected: 'WasteLoadWeightCorrected',
} as const;

export type EventName = (typeof EventNames)[keyof typeof EventNames];

const eventNameValues: ReadonlySet<string> = new Set<string>(Object.values(EventNames));

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && eventNameValues.has(value);
}

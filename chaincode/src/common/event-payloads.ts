// The payload of each chaincode event, by event name: the one place that says which shape
// (answer-shape.ts: payloads are described in the same language as answers) an event carries. The
// chaincode's emitEvent is typed by this table, the gateway's index decodes by it, and
// event-payloads.test.ts holds it complete.

import * as business from '../business/event-payloads';
import * as realestate from '../realestate/event-payloads';
import * as smoke from '../smoke/event-payloads';
import * as waste from '../waste/event-payloads';
import { type AnswerShape, type ValueOf } from './answer-shape';
import { type EventName, EventNames } from './event-names';

export const EventPayloads = {
  [EventNames.SmokeValueWritten]: smoke.SmokeValueWrittenPayload,
  [EventNames.RealEstateRegistered]: realestate.RegisteredPayload,
  [EventNames.DeedTaxClearanceRecorded]: realestate.DeedTaxClearanceRecordedPayload,
  [EventNames.BusinessCaseOpened]: business.CaseOpenedPayload,
  [EventNames.BusinessStepCompleted]: business.StepCompletedPayload,
  [EventNames.BusinessLicenseStatusChanged]: business.LicenseStatusChangedPayload,
  [EventNames.WasteSiteRegistered]: waste.SiteRegisteredPayload,
  [EventNames.WasteBagsCommissioned]: waste.BagsCommissionedPayload,
  [EventNames.WasteScansRecorded]: waste.ScansRecordedPayload,
  [EventNames.WasteCollectionRecorded]: waste.CollectionRecordedPayload,
  [EventNames.WasteDeliveryRecorded]: waste.DeliveryRecordedPayload,
  [EventNames.WasteConfigUpdated]: waste.ConfigUpdatedPayload,
  [EventNames.WasteVehicleRegistered]: waste.VehicleRegisteredPayload,
  [EventNames.WasteVehicleRetired]: waste.VehicleRetiredPayload,
  [EventNames.WasteBinRegistered]: waste.BinRegisteredPayload,
  [EventNames.WasteBinRetired]: waste.BinRetiredPayload,
  [EventNames.WasteRouteRecorded]: waste.RouteRecordedPayload,
  [EventNames.WasteLoadWeightCorrected]: waste.LoadWeightCorrectedPayload,
} as const satisfies { readonly [N in EventName]: AnswerShape };

/** The shape event `N` carries. */
export type EventPayloadShape<N extends EventName> = (typeof EventPayloads)[N];

/** The payload of event `N` as the index reads it, e.g. `EventPayload<'WasteScansRecorded'>`. */
export type EventPayload<N extends EventName> = ValueOf<EventPayloadShape<N>>;

/** What the chaincode may emit for event `N` (readonly lists, records passed on whole). */
export type EventPayloadValue<N extends EventName> = ValueOf<EventPayloadShape<N>, 'build'>;

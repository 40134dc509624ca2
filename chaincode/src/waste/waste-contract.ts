// The waste contract: sites, bag commissioning, station scans, truck loads and deliveries. Transaction
// logic lives in one file per transaction; this class checks roles and returns canonical JSON.
// Key layout and the reasons for it: chaincode/README.md, "Waste contract".

// Context must be a value import: fabric-contract-api recognises the context parameter by its runtime type.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { type AnswerJson, answerJson } from '../common/answer-json';
import { answerType } from '../common/answer-metadata';
import {
  BagTraceAnswer,
  CollectionAnswer,
  CommissionAnswer,
  DeliveryAnswer,
  ScansAnswer,
  SiteAnswer,
  BinAnswer,
  CorrectionAnswer,
  LoadAnswer,
  RouteAnswer,
  VehicleAnswer,
  WasteConfigAnswer,
} from './answers';
import { Roles, requireMember, requireRole } from '../common/access';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors';
import { EventNames, emitEvent } from '../common/events';
import { putRecord, recordExists } from '../common/ledger';
import { transactionTime } from '../common/transaction-time';
import { bagTrace } from './bag-trace';
import { recordCollection } from './collection';
import { commissionBags } from './commission';
import { WasteConfig } from './config';
import { recordDelivery } from './delivery';
import { SITE_ID_PATTERN, SITE_ID_RULE } from './domain';
import { parseJsonObjectArgument } from './input';
import { configKey, siteKey } from './keys';
import { readConfig, readSite } from './ledger-reads';
import { recordScans } from './scans';
import { WasteSite } from './site';
import { registerBin, requireBin, retireBin } from './bin-registry';
import { effectiveWeight, loadCorrections, requireLoad } from './load';
import { parseCorrectionInput, recordLoadCorrection } from './load-correction';
import { recordRoute, requireRoute } from './route';
import { registerVehicle, requireVehicle, retireVehicle } from './vehicle-registry';

@Info({
  title: 'WasteContract',
  description: 'Waste-bag traceability: sites, vehicles, bins, bags, scans, loads, deliveries',
})
export class WasteContract extends Contract {
  constructor() {
    super('waste');
  }

  /** `{ siteId, kind, districtCode, name }` → the stored site. urban_inspector; CONFLICT when the id exists. */
  @Transaction()
  @Returns(answerType(SiteAnswer))
  async RegisterSite(ctx: Context, siteJson: string): Promise<AnswerJson<typeof SiteAnswer>> {
    const submitter = requireRole(ctx, Roles.UrbanInspector);
    const site = WasteSite.fromInput(
      parseJsonObjectArgument(siteJson, 'site'),
      transactionTime(ctx),
      submitter.mspId,
    );
    const key = siteKey(ctx, site.siteId);
    if (await recordExists(ctx, key)) {
      throw new ConflictError(`site ${site.siteId} is already registered`, [
        { field: 'siteId', message: 'taken' },
      ]);
    }
    // Only UrbanMSP's peer endorses writes to the waste namespace (its chaincode-level policy), so
    // the site needs no key-level policy and no attestation in urbanPrivate to borrow that one.
    await putRecord(ctx, key, site);
    emitEvent(ctx, EventNames.WasteSiteRegistered, { ...site, txId: ctx.stub.getTxID() });
    return answerJson(SiteAnswer, site);
  }

  @Transaction(false)
  @Returns(answerType(SiteAnswer))
  async GetSite(ctx: Context, siteId: string): Promise<AnswerJson<typeof SiteAnswer>> {
    requireMember(ctx);
    if (typeof siteId !== 'string' || !SITE_ID_PATTERN.test(siteId)) {
      throw new ValidationError('invalid site id', [{ field: 'siteId', message: SITE_ID_RULE }]);
    }
    const site = await readSite(ctx, siteId);
    if (site === undefined) {
      throw new NotFoundError(`site ${siteId} not found`);
    }
    return answerJson(SiteAnswer, site);
  }

  /**
   * `{ districtCode, category, firstSerial, count }` with transient `householdRef` and `householdSalt`
   * → `{ batchId, barcodes }`. urban_inspector; CONFLICT when any serial is already commissioned.
   */
  @Transaction()
  @Returns(answerType(CommissionAnswer))
  async CommissionBags(ctx: Context, batchJson: string): Promise<AnswerJson<typeof CommissionAnswer>> {
    const submitter = requireRole(ctx, Roles.UrbanInspector);
    return answerJson(CommissionAnswer, await commissionBags(ctx, submitter, batchJson));
  }

  /**
   * `{ scans: [...] }` (1–1000) → `{ accepted, duplicates, rejected, anomalies }`. station_operator, or
   * a site_device for its own site.
   */
  @Transaction()
  @Returns(answerType(ScansAnswer))
  async RecordScans(ctx: Context, scansJson: string): Promise<AnswerJson<typeof ScansAnswer>> {
    const submitter = requireRole(ctx, Roles.StationOperator, Roles.SiteDevice);
    return answerJson(ScansAnswer, await recordScans(ctx, submitter, scansJson));
  }

  /**
   * `{ vehicleId, stationId, barcodes, loadWeightGrams, collectedAt }` → per-bag answer; stationId is a
   * STATION (hop 1) or a TRANSFER station (hop 2). hauler, or a vehicle_device for its own vehicle.
   */
  @Transaction()
  @Returns(answerType(CollectionAnswer))
  async RecordCollection(ctx: Context, collectionJson: string): Promise<AnswerJson<typeof CollectionAnswer>> {
    const submitter = requireRole(ctx, Roles.Hauler, Roles.VehicleDevice);
    return answerJson(CollectionAnswer, await recordCollection(ctx, submitter, collectionJson));
  }

  /**
   * `{ facilityId, vehicleId, barcodes, receivedWeightGrams, outcome?, recoveredWeightGrams?, receivedAt }`:
   * an arrival at a TRANSFER station (no outcome) or the final delivery at a FACILITY (outcome required).
   * facility_operator, or a site_device for its own site.
   */
  @Transaction()
  @Returns(answerType(DeliveryAnswer))
  async RecordDelivery(ctx: Context, deliveryJson: string): Promise<AnswerJson<typeof DeliveryAnswer>> {
    const submitter = requireRole(ctx, Roles.FacilityOperator, Roles.SiteDevice);
    return answerJson(DeliveryAnswer, await recordDelivery(ctx, submitter, deliveryJson));
  }

  /** The bag's trace: category, district, status, events in order, anomalies; no household data. */
  @Transaction(false)
  @Returns(answerType(BagTraceAnswer))
  async GetBag(ctx: Context, barcode: string): Promise<AnswerJson<typeof BagTraceAnswer>> {
    requireMember(ctx);
    return answerJson(BagTraceAnswer, await bagTrace(ctx, barcode));
  }

  /**
   * `{ toleranceRatio, arrivalDeadlineMinutes? }`: the weight tolerance (0–1, e.g. 0.1) and how long a
   * load may travel before it counts as never arrived (kept when left out). urban_inspector.
   */
  @Transaction()
  @Returns(answerType(WasteConfigAnswer))
  async SetConfig(ctx: Context, configJson: string): Promise<AnswerJson<typeof WasteConfigAnswer>> {
    const submitter = requireRole(ctx, Roles.UrbanInspector);
    const config = WasteConfig.fromInput(
      parseJsonObjectArgument(configJson, 'waste configuration'),
      await readConfig(ctx),
      transactionTime(ctx),
      submitter.mspId,
    );
    await putRecord(ctx, configKey(ctx), config);
    emitEvent(ctx, EventNames.WasteConfigUpdated, { ...config, txId: ctx.stub.getTxID() });
    return answerJson(WasteConfigAnswer, config);
  }

  /** The configuration in force (the defaults until SetConfig). */
  @Transaction(false)
  @Returns(answerType(WasteConfigAnswer))
  async GetConfig(ctx: Context): Promise<AnswerJson<typeof WasteConfigAnswer>> {
    requireMember(ctx);
    return answerJson(WasteConfigAnswer, await readConfig(ctx));
  }

  /** `{ vehicleId, companyUscc, rfidTag, capacityKg }` → the vehicle, ACTIVE. urban_inspector; CONFLICT when taken. */
  @Transaction()
  @Returns(answerType(VehicleAnswer))
  async RegisterVehicle(ctx: Context, vehicleJson: string): Promise<AnswerJson<typeof VehicleAnswer>> {
    const submitter = requireRole(ctx, Roles.UrbanInspector);
    return answerJson(VehicleAnswer, await registerVehicle(ctx, submitter, vehicleJson));
  }

  /** The vehicle, RETIRED. urban_inspector; NOT_FOUND when unknown, CONFLICT when already retired. */
  @Transaction()
  @Returns(answerType(VehicleAnswer))
  async RetireVehicle(ctx: Context, vehicleId: string): Promise<AnswerJson<typeof VehicleAnswer>> {
    const submitter = requireRole(ctx, Roles.UrbanInspector);
    return answerJson(VehicleAnswer, await retireVehicle(ctx, submitter, vehicleId));
  }

  @Transaction(false)
  @Returns(answerType(VehicleAnswer))
  async GetVehicle(ctx: Context, vehicleId: string): Promise<AnswerJson<typeof VehicleAnswer>> {
    requireMember(ctx);
    return answerJson(VehicleAnswer, await requireVehicle(ctx, vehicleId));
  }

  /** `{ binId, siteId, rfidTag, category }` → the bin, ACTIVE, at a registered STATION. urban_inspector. */
  @Transaction()
  @Returns(answerType(BinAnswer))
  async RegisterBin(ctx: Context, binJson: string): Promise<AnswerJson<typeof BinAnswer>> {
    const submitter = requireRole(ctx, Roles.UrbanInspector);
    return answerJson(BinAnswer, await registerBin(ctx, submitter, binJson));
  }

  /** The bin, RETIRED. urban_inspector; NOT_FOUND when unknown, CONFLICT when already retired. */
  @Transaction()
  @Returns(answerType(BinAnswer))
  async RetireBin(ctx: Context, binId: string): Promise<AnswerJson<typeof BinAnswer>> {
    const submitter = requireRole(ctx, Roles.UrbanInspector);
    return answerJson(BinAnswer, await retireBin(ctx, submitter, binId));
  }

  @Transaction(false)
  @Returns(answerType(BinAnswer))
  async GetBin(ctx: Context, binId: string): Promise<AnswerJson<typeof BinAnswer>> {
    requireMember(ctx);
    return answerJson(BinAnswer, await requireBin(ctx, binId));
  }

  /** `{ vehicleId, day, siteIds }` → the route, replacing an earlier plan for that day. hauler, urban_inspector. */
  @Transaction()
  @Returns(answerType(RouteAnswer))
  async RecordRoute(ctx: Context, routeJson: string): Promise<AnswerJson<typeof RouteAnswer>> {
    const submitter = requireRole(ctx, Roles.Hauler, Roles.UrbanInspector);
    return answerJson(RouteAnswer, await recordRoute(ctx, submitter, routeJson));
  }

  @Transaction(false)
  @Returns(answerType(RouteAnswer))
  async GetRoute(ctx: Context, vehicleId: string, day: string): Promise<AnswerJson<typeof RouteAnswer>> {
    requireMember(ctx);
    return answerJson(RouteAnswer, await requireRoute(ctx, vehicleId, day));
  }

  /**
   * `{ loadId, correctedWeightGrams, reason }` → the correction, recorded beside the load's weighing,
   * which is never changed. People only (hauler, urban_inspector): a device does not correct itself.
   */
  @Transaction()
  @Returns(answerType(CorrectionAnswer))
  async CorrectLoadWeight(
    ctx: Context,
    correctionJson: string,
  ): Promise<AnswerJson<typeof CorrectionAnswer>> {
    const submitter = requireRole(ctx, Roles.Hauler, Roles.UrbanInspector);
    const input = parseCorrectionInput(correctionJson);
    const load = await requireLoad(ctx, input.loadId);
    return answerJson(
      CorrectionAnswer,
      await recordLoadCorrection(ctx, submitter, input, load.loadWeightGrams),
    );
  }

  /** The load as recorded, who reported it, and its corrections. */
  @Transaction(false)
  @Returns(answerType(LoadAnswer))
  async GetLoad(ctx: Context, loadId: string): Promise<AnswerJson<typeof LoadAnswer>> {
    requireMember(ctx);
    const load = await requireLoad(ctx, loadId);
    const corrections = await loadCorrections(ctx, load.loadId);
    return answerJson(LoadAnswer, {
      ...load,
      corrections,
      effectiveWeightGrams: effectiveWeight(load, corrections),
    });
  }
}
